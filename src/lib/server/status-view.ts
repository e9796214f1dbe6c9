/**
 * The status of an application as a citizen reads it, for the receipt, "my application" and the public
 * tracking page: plain words, the timeline of what happened, the promised finish time, whether the office
 * is on time, and what the citizen should do next. Personal answers are not part of it.
 */
import { m } from '../paraglide/messages.js';
import { definitionOf, labelOfEvent } from '$lib/domain/events';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import { citizenNextStep, isTerminal, statusLabel, type Status } from '$lib/domain/workflow';
import { formatWita } from '$lib/domain/working-time';
import type { ApplicationView } from './applications';


export function statusView(view: ApplicationView, now = new Date()) {
	const { application } = view;
	const status: Status = application.status;
	const finishedAt =
		status === 'completed' ? view.events.findLast((e) => e.toStatus === 'completed')?.createdAt : undefined;
	const paused = application.pausedAt !== null;
	let timing: { onTime: boolean; text: string };
	if (status === 'completed') {
		// recorded with the result on the SLA clock (domain/performance.ts `finish`), the same figure /kinerja
		// counts; applications finished before it was recorded fall back to the stored promise
		const onTime = application.onTime ?? (!!finishedAt && finishedAt <= application.dueAt);
		timing = { onTime, text: onTime ? m.status_timing_done_on_time() : m.status_timing_done_late() };
	} else if (isTerminal(status)) {
		timing = { onTime: true, text: '' };
	} else if (paused) {
		timing = { onTime: true, text: m.status_timing_paused() };
	} else {
		const onTime = now <= application.dueAt;
		timing = {
			onTime,
			text: onTime ? m.status_timing_on_track() : m.status_timing_overdue()
		};
	}
	return {
		id: application.id,
		code: formatTrackingCode(application.trackingCode),
		rawCode: application.trackingCode,
		serviceName: view.serviceName,
		officeName: view.officeName,
		inPerson: view.inPerson,
		status,
		statusText: statusLabel[status],
		nextStep: citizenNextStep(status),
		submittedAt: formatWita(application.submittedAt),
		/** When this status was read: a copy kept on the phone for offline reading says how old it is. */
		readAt: formatWita(now),
		dueAt: formatWita(application.dueAt),
		dueIso: application.dueAt.toISOString(),
		timing,
		correctionNote: status === 'needs_correction' ? (application.correction?.note ?? null) : null,
		result: view.result && {
			kind: view.result.kind,
			documentId: view.result.documentId,
			pickupNote: view.result.pickupNote,
			verificationCode: view.result.verificationCode,
			revoked: view.result.revokedAt !== null
		},
		/** The satisfaction survey: its one-time link while open, or a thank-you once answered. */
		survey: view.survey
			? view.survey.answeredAt || !view.survey.token
				? ({ state: 'answered' } as const)
				: ({ state: 'open', href: `/survei/${view.survey.token}` } as const)
			: null,
		timeline: view.events.map((e) => ({
			text: labelOfEvent(e.type),
			note: e.note,
			/** Officers' notes are introduced as such; a booking's note is the booking itself. */
			fromOfficer: !!definitionOf(e.type).officerNote,
			at: formatWita(e.createdAt)
		}))
	};
}

export type StatusView = ReturnType<typeof statusView>;

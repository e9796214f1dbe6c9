/**
 * The office's and the admin's page for one complaint share their load and their answer action; the role
 * lock is each route's own (requireOfficer / requireAdmin), the record lock is access.ts through
 * complaints.byId and complaints.answer.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { formatPhone } from '$lib/domain/phone';
import { m } from '../paraglide/messages.js';
import type { Viewer } from './access';
import * as complaints from './complaints';
import type { Complaint } from './db/schema';
import { getDb } from './db';

/** What every page of one complaint shows, the filer's and the staff's alike. */
export function complaintView(found: { complaint: Complaint; serviceName: string; escalated: boolean }) {
	const c = found.complaint;
	return {
		code: c.code,
		serviceName: found.serviceName,
		status: c.status,
		text: c.text,
		filedAt: c.filedAt,
		dueAt: c.dueAt,
		answer: c.answer,
		answeredAt: c.answeredAt,
		reopenCount: c.reopenCount,
		reopenReason: c.reopenReason,
		previousAnswer: c.previousAnswer,
		escalated: found.escalated
	};
}

export async function complaintPage(user: Viewer, id: string) {
	const found = await complaints.byId(getDb(), user, id);
	if (!found) error(404, m.public_complaint_page_not_found());
	const c = found.complaint;
	const contact = found.showContact ? [c.contactName, c.contactPhone && formatPhone(c.contactPhone)].filter(Boolean).join(', ') || null : null;
	return {
		c: {
			...complaintView(found),
			namesOfficer: c.namesOfficer,
			officerName: c.officerName,
			contact
		},
		mayAnswer: found.mayAnswer
	};
}

export async function answerAction(user: Viewer, id: string, request: Request, back: string) {
	const form = await request.formData();
	const answer = typeof form.get('answer') === 'string' ? (form.get('answer') as string) : '';
	const result = await complaints.answer(getDb(), user, id, { answer });
	if (!result.ok) return result.notFound ? error(404, m.public_complaint_page_not_found()) : fail(400, { message: result.message, answer });
	redirect(303, back);
}

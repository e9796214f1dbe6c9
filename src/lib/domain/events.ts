/**
 * Events: the append-only history of an application. This table is the one place that says, for each kind
 * of event, which workflow action it records (if any), whether the citizen sees it on their timeline, which
 * access operation lets someone cause it (access.ts turns that into relations), what it is called in the
 * timeline and the audit log, and the notice it sends to the application's people. Wording lives here once.
 *
 * Invariant: an application's status is `deriveStatus` of its events. The `submitted` event opens the
 * record; every event whose `action` is set moves it along the workflow table (workflow.ts); every other
 * event leaves the status alone. tests/integration/status-invariant.test.ts holds the server to it.
 *
 * Events carry what the application row alone would forget: the correction asked (fields, documents,
 * note), the answers and documents resubmitted, and the checklist an approval was given on (`data`).
 *
 * Labels are read in the reader's language at use (getters over messages/<locale>/status.json). Notices are
 * different: their text is written once, with the event, into the in-app notice and the outbox, and the
 * same text fills the WhatsApp template's parameters (an approved Indonesian template). So they are composed
 * in Indonesian whoever causes the event, and shown as stored.
 */
import { m } from '../paraglide/messages.js';
import { transitions, type Action, type Status } from './workflow';
import type { Operation } from '$lib/server/access';

export const eventTypes = [
	'submitted',
	'claimed',
	'reassigned',
	'correction_requested',
	'resubmitted',
	'approved',
	'rejected',
	'completed',
	'cancelled',
	'viewed',
	'document_viewed',
	'nik_revealed',
	'note',
	'checklist',
	'appointment_booked',
	'appointment_moved',
	'appointment_cancelled',
	'result_revoked',
	'volunteer_released',
	'applicant_claimed'
] as const;
export type EventType = (typeof eventTypes)[number];

/** What the officer asked the citizen to fix: field keys, document keys, and the note they read. */
export interface CorrectionAsked {
	fields: string[];
	documents: string[];
	note: string;
}

/** The approval's checklist: requirement ids ticked, required ones left open, and why (if any were). */
export interface ChecklistOutcome {
	ticked: string[];
	open: string[];
	reason: string | null;
}

export interface Appointment {
	/** "Senin, 20 November 2026 pukul 09.00 WITA" */
	when: string;
	/** "A-007" */
	queue: string;
}

/** What each kind of event carries in its `data` column (null: nothing beyond the note). */
export interface EventData {
	submitted: null;
	claimed: null;
	reassigned: { officerId: string };
	correction_requested: CorrectionAsked;
	/** The asked fields as resubmitted, and the documents replaced (requirement keys). */
	resubmitted: { answers: Record<string, string>; documents: string[] };
	approved: { checklist: ChecklistOutcome };
	rejected: null;
	completed: { result: 'file' | 'pickup' | 'issued' };
	cancelled: null;
	viewed: null;
	document_viewed: { requirementKey: string };
	/** Which answer an officer chose to see unmasked. */
	nik_revealed: { field: string };
	note: null;
	checklist: { ticked: string[] };
	appointment_booked: Appointment;
	appointment_moved: Appointment & { previous: Appointment };
	appointment_cancelled: Appointment;
	result_revoked: null;
	volunteer_released: null;
	applicant_claimed: null;
}

/** What a notice template knows: the service's name, the formatted tracking code, and the event's data. */
export interface NoticeContext<T extends EventType> {
	service: string;
	code: string;
	data: EventData[T];
}

export interface EventDefinition<T extends EventType> {
	/** The workflow action this event records; null for events that leave the status alone. */
	action: Action | null;
	/** Shown on the citizen's timeline (officers' looks at personal data and internal work are audit-only). */
	citizen: boolean;
	/** The access operation (access.ts) whose relations may cause it. */
	by: Operation;
	/** What it is called in the timeline and the audit log (in the reader's language). */
	readonly label: string;
	/** The notice the application's people get, or null (e.g. when they did it themselves): Indonesian, stored as written. */
	notice: ((n: NoticeContext<T>) => string) | null;
	/** Whether its note is the officer speaking to the citizen (the timeline introduces it as such). */
	officerNote?: true;
}

export const eventTable = {
	submitted: { action: null, citizen: true, by: 'apply', get label() { return m.status_event_submitted(); }, notice: null },
	claimed: {
		action: 'claim',
		citizen: true,
		by: 'decide',
		get label() { return m.status_event_claimed(); },
		notice: (n) => `Permohonan ${n.service} (${n.code}) sedang diperiksa petugas.`
	},
	reassigned: { action: null, citizen: false, by: 'audit', get label() { return m.status_event_reassigned(); }, notice: null },
	correction_requested: {
		action: 'request_correction',
		citizen: true,
		by: 'decide',
		get label() { return m.status_event_correction_requested(); },
		notice: (n) => `Permohonan ${n.service} (${n.code}) perlu perbaikan. Baca catatan petugas lalu kirim perbaikannya.`,
		officerNote: true
	},
	resubmitted: { action: 'resubmit', citizen: true, by: 'correct', get label() { return m.status_event_resubmitted(); }, notice: null },
	approved: {
		action: 'approve',
		citizen: true,
		by: 'decide',
		get label() { return m.status_event_approved(); },
		notice: (n) => `Permohonan ${n.service} (${n.code}) disetujui. Dokumen Anda sedang disiapkan.`
	},
	rejected: {
		action: 'reject',
		citizen: true,
		by: 'decide',
		get label() { return m.status_event_rejected(); },
		notice: (n) => `Permohonan ${n.service} (${n.code}) ditolak. Baca alasannya di halaman permohonan.`,
		officerNote: true
	},
	completed: {
		action: 'complete',
		citizen: true,
		by: 'decide',
		get label() { return m.status_event_completed(); },
		notice: (n) => `Permohonan ${n.service} (${n.code}) selesai. Lihat cara mendapatkan hasilnya.`
	},
	cancelled: { action: 'cancel', citizen: true, by: 'cancel', get label() { return m.status_event_cancelled(); }, notice: null },
	viewed: { action: null, citizen: false, by: 'inspect', get label() { return m.status_event_viewed(); }, notice: null },
	document_viewed: { action: null, citizen: false, by: 'document', get label() { return m.status_event_document_viewed(); }, notice: null },
	nik_revealed: { action: null, citizen: false, by: 'inspect', get label() { return m.status_event_nik_revealed(); }, notice: null },
	note: { action: null, citizen: true, by: 'decide', get label() { return m.status_event_note(); }, notice: null, officerNote: true },
	checklist: { action: null, citizen: false, by: 'decide', get label() { return m.status_event_checklist(); }, notice: null },
	appointment_booked: {
		action: null,
		citizen: true,
		by: 'appointment',
		get label() { return m.status_event_appointment_booked(); },
		notice: (n) => `Jadwal datang Anda: ${n.data.when}. Nomor antrean ${n.data.queue}.`
	},
	appointment_moved: {
		action: null,
		citizen: true,
		by: 'appointment',
		get label() { return m.status_event_appointment_moved(); },
		notice: (n) => `Jadwal Anda pindah ke ${n.data.when}. Nomor antrean baru ${n.data.queue}.`
	},
	appointment_cancelled: {
		action: null,
		citizen: true,
		by: 'appointment',
		get label() { return m.status_event_appointment_cancelled(); },
		notice: (n) => `Jadwal Anda ${n.data.when} sudah dibatalkan. Anda bisa memilih jadwal baru kapan saja.`
	},
	result_revoked: { action: null, citizen: true, by: 'decide', get label() { return m.status_event_result_revoked(); }, notice: null, officerNote: true },
	volunteer_released: { action: null, citizen: true, by: 'release', get label() { return m.status_event_volunteer_released(); }, notice: null },
	applicant_claimed: { action: null, citizen: true, by: 'adopt', get label() { return m.status_event_applicant_claimed(); }, notice: null }
} as const satisfies { [T in EventType]: EventDefinition<T> };

/** The table with its literal types widened, for lookups by a type only known at run time. */
const table: { [T in EventType]: EventDefinition<T> } = eventTable;

export const definitionOf = <T extends EventType>(type: T): EventDefinition<T> => table[type];

const isEventType = (type: string): type is EventType => (eventTypes as readonly string[]).includes(type);

/** The label of a stored event type (an unknown one, from an older version, reads as a plain note). */
export const labelOfEvent = (type: string) => (isEventType(type) ? table[type].label : table.note.label);

/** The event that records each workflow action: read off the table, so the two cannot disagree. */
export const eventOf = Object.fromEntries(
	eventTypes.flatMap((type) => {
		const action = table[type].action;
		return action ? [[action, type]] : [];
	})
) as Record<Action, EventType>;

/** The notice text an event of `type` sends, or null. */
export function noticeText<T extends EventType>(type: T, context: NoticeContext<T>): string | null {
	const template = table[type].notice;
	return template ? template(context) : null;
}

/**
 * The status an application's events lead to, replayed through the workflow table; null when the
 * history does not start with `submitted` or contains a step the table does not allow (a broken record).
 */
export function deriveStatus(events: readonly { type: string }[]): Status | null {
	let status: Status | null = null;
	for (const event of events) {
		if (!isEventType(event.type)) continue;
		if (event.type === 'submitted') {
			if (status !== null) return null;
			status = 'submitted';
			continue;
		}
		const action = table[event.type].action;
		if (!action) continue;
		if (status === null) return null;
		const transition: { from: readonly Status[]; to: Status } = transitions[action];
		if (!transition.from.includes(status)) return null;
		status = transition.to;
	}
	return status;
}

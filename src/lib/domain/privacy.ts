/**
 * Personal data under UU 27/2022 (Pelindungan Data Pribadi): the periods things are kept, the clock on a
 * resident's request, the request form's rule, and the wording of "Data saya" and the privacy notice.
 * One place: retention (server/retention.ts) deletes by these periods, and /privasi states them from here.
 */
import * as v from 'valibot';
import { m } from '../paraglide/messages.js';

const DAY = 24 * 60 * 60 * 1000;

/** How long each kind of data is kept before the retention job deletes it. */
export const retentionPeriods = {
	/** A draft on the server (browsers without JavaScript) untouched this long. */
	serverDraft: { days: 30, get what() { return m.public_privacy_kept_server_draft(); } },
	/** The documents of an application that was rejected or cancelled, counted from that decision. */
	closedApplicationDocuments: { days: 90, get what() { return m.public_privacy_kept_closed_documents(); } },
	/** Failure counters of logins and guesses, counted from their last failure window. */
	throttle: { days: 1, get what() { return m.public_privacy_kept_throttle(); } },
	/** One-time codes (password reset, phone check), counted from their making. */
	oneTimeCode: { days: 1, get what() { return m.public_privacy_kept_one_time_code(); } }
} as const satisfies Record<string, { days: number; what: string }>;

export type RetainedKind = keyof typeof retentionPeriods;

export const retentionMillis = (kind: RetainedKind) => retentionPeriods[kind].days * DAY;

/** What is kept as long as the law requires, and why: never deleted by the job nor on request. */
export const keptByLaw = {
	get what() { return m.public_privacy_kept_by_law_what(); },
	get why() { return m.public_privacy_kept_by_law_why(); }
} as const;

/** A resident's request: answered within 3 × 24 hours (UU 27/2022), by the clock, not by working days. */
export const DATA_REQUEST_HOURS = 72;
export const dataRequestDue = (createdAt: Date) => new Date(createdAt.getTime() + DATA_REQUEST_HOURS * 60 * 60 * 1000);

export const dataRequestKinds = ['correction', 'deletion'] as const;
export type DataRequestKind = (typeof dataRequestKinds)[number];

export const DATA_REQUEST_MAX = 1000;

export const privacyMessages = {
	kind: {
		get correction() { return m.public_privacy_kind_correction(); },
		get deletion() { return m.public_privacy_kind_deletion(); }
	} satisfies Record<DataRequestKind, string>,
	status: {
		get open() { return m.public_privacy_status_open(); },
		get done() { return m.public_privacy_status_done(); },
		get refused() { return m.public_privacy_status_refused(); }
	},
	detailRequired: {
		get correction() { return m.public_privacy_detail_correction(); },
		get deletion() { return m.public_privacy_detail_deletion(); }
	} satisfies Record<DataRequestKind, string>,
	get detailTooLong() { return m.public_privacy_detail_too_long({ max: DATA_REQUEST_MAX }); },
	get unknownKind() { return m.public_privacy_unknown_kind(); },
	sent: (kind: DataRequestKind) => m.public_privacy_sent({ kind: privacyMessages.kind[kind] }),
	get answerRequired() { return m.public_privacy_answer_required(); },
	get notFound() { return m.public_privacy_not_found(); },
	get late() { return m.public_privacy_late(); },
	viewLabel: {
		get viewed() { return m.public_privacy_view_viewed(); },
		get document_viewed() { return m.public_privacy_view_document(); },
		get nik_revealed() { return m.public_privacy_view_nik(); }
	}
} as const;

/** The request form's one rule, on the server (and nowhere else). */
export const dataRequestSchema = v.object({
	kind: v.picklist(dataRequestKinds, () => privacyMessages.unknownKind),
	detail: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => m.public_privacy_detail_missing()),
		v.maxLength(DATA_REQUEST_MAX, () => privacyMessages.detailTooLong)
	)
});

/** An admin's answer to a request. */
export const dataRequestAnswerSchema = v.object({
	outcome: v.picklist(['done', 'refused'] as const, () => m.public_privacy_outcome_missing()),
	answer: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => privacyMessages.answerRequired),
		v.maxLength(DATA_REQUEST_MAX, () => privacyMessages.detailTooLong)
	)
});

/**
 * Complaints (pengaduan) about a service or one application, on SP4N-LAPOR!'s clock.
 *
 * A complaint is filed with or without an account and gets a code (12 characters of the tracking-code
 * alphabet, ~58 bits: whoever holds it follows the complaint, so it is long enough not to be guessed). It goes
 * to the office that runs the service; an officer answers within 5 working days (SP4N-LAPOR!: answer within
 * 5 working days), else it is overdue and escalated to the admin. After an answer the resident says it is
 * solved, or reopens it once, within 5 working days of the answer; a reopened complaint gets a new 5-day
 * clock. A complaint that names an officer goes to the admin only (the office does not judge its own staff).
 *
 *   open → answered → solved
 *            └→ open (reopened, once) → answered → solved
 *
 * The clock is working-time.ts's; nothing here reads the time or a database.
 */
import * as v from 'valibot';
import { m } from '../paraglide/messages.js';
import { textLimits } from './limits';
import { TRACKING_CODE_ALPHABET, formatTrackingCode, type RandomBytes } from './tracking-code';
import { addWorkingDays, type Calendar } from './working-time';

/** SP4N-LAPOR!: the agency answers within 5 working days. */
export const ANSWER_WORKING_DAYS = 5;
/** How long after an answer the resident may reopen (once). */
export const REOPEN_WORKING_DAYS = 5;
export const COMPLAINT_CODE_LENGTH = 12;

export const complaintStatuses = ['open', 'answered', 'solved'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export interface ComplaintClock {
	status: ComplaintStatus;
	dueAt: Date;
	answeredAt: Date | null;
	reopenCount: number;
}

/** When the answer is due: 16:00 WITA of the 5th working day after filing (or reopening). */
export const answerDue = (from: Date, cal: Calendar) => addWorkingDays(from, ANSWER_WORKING_DAYS, cal);

/** Waiting for an answer past its due time: escalated to the admin. */
export const isEscalated = (c: Pick<ComplaintClock, 'status' | 'dueAt'>, now: Date) =>
	c.status === 'open' && c.dueAt.getTime() < now.getTime();

/** The resident may still reopen: answered, never reopened, within 5 working days of the answer. */
export function mayReopen(c: ComplaintClock, now: Date, cal: Calendar): boolean {
	if (c.status !== 'answered' || c.reopenCount > 0 || !c.answeredAt) return false;
	return now.getTime() <= addWorkingDays(c.answeredAt, REOPEN_WORKING_DAYS, cal).getTime();
}

/** The resident may say "solved" once there is an answer. */
export const mayMarkSolved = (c: Pick<ComplaintClock, 'status'>) => c.status === 'answered';

/** An answer counts as on time when it came no later than the due time it answered. */
export const answeredOnTime = (answeredAt: Date, dueAt: Date) => answeredAt.getTime() <= dueAt.getTime();

export function generateComplaintCode(random: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
	const limit = 256 - (256 % TRACKING_CODE_ALPHABET.length);
	let code = '';
	while (code.length < COMPLAINT_CODE_LENGTH) {
		for (const byte of random(COMPLAINT_CODE_LENGTH * 2)) {
			if (byte < limit && code.length < COMPLAINT_CODE_LENGTH) code += TRACKING_CODE_ALPHABET[byte % TRACKING_CODE_ALPHABET.length];
		}
	}
	return code;
}

/** A typed code (any case, spaces and dashes allowed) as stored, or null. */
export function normalizeComplaintCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== COMPLAINT_CODE_LENGTH) return null;
	return [...code].every((ch) => TRACKING_CODE_ALPHABET.includes(ch)) ? code : null;
}

/** "ABCD-EFGH-JKMN": groups of four, like the tracking code. */
export const formatComplaintCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

export const complaintMessages = {
	get title() { return m.public_complaint_title(); },
	get textMissing() { return m.public_complaint_text_missing(); },
	get textShort() { return m.public_complaint_text_short(); },
	get textLong() { return m.public_complaint_text_long({ max: textLimits.note }); },
	get serviceMissing() { return m.public_complaint_service_missing(); },
	get applicationUnknown() { return m.public_complaint_application_unknown(); },
	get officerNameLong() { return m.public_complaint_officer_name_long({ max: textLimits.name }); },
	get contactLong() { return m.public_complaint_contact_long({ max: textLimits.name }); },
	get phoneInvalid() { return m.public_complaint_phone_invalid(); },
	get codeInvalid() { return m.public_complaint_code_invalid(); },
	get notFound() { return m.public_complaint_not_found(); },
	get answerMissing() { return m.public_complaint_answer_missing(); },
	get answerLong() { return m.public_complaint_answer_long({ max: textLimits.note }); },
	get notAllowed() { return m.public_complaint_not_allowed(); },
	get changed() { return m.public_complaint_changed(); },
	get reopenClosed() { return m.public_complaint_reopen_closed({ days: REOPEN_WORKING_DAYS }); },
	get reopenReasonMissing() { return m.public_complaint_reopen_reason_missing(); },
	get filed() { return m.public_complaint_filed(); },
	get keepCode() { return m.public_complaint_keep_code(); },
	get promise() { return m.public_complaint_promise({ days: ANSWER_WORKING_DAYS }); },
	get escalated() { return m.public_complaint_escalated(); },
	status: {
		get open() { return m.public_complaint_status_open(); },
		get answered() { return m.public_complaint_status_answered(); },
		get solved() { return m.public_complaint_status_solved(); }
	} satisfies Record<ComplaintStatus, string>,
	get reopened() { return m.public_complaint_reopened(); },
	get namesOfficerHint() { return m.public_complaint_names_officer_hint(); },
	lapor: {
		get heading() { return m.public_lapor_heading(); },
		get text() { return m.public_lapor_text(); },
		href: 'https://www.lapor.go.id/',
		sms: '1708'
	}
} as const;

/** valibot calls a message function when it reports the issue: the wording is the reader's language then. */
type Message = () => string;

const optionalText = (max: number, message: Message) =>
	v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, message));

/** Filing a complaint: the same schema for the form and any other path. */
export const complaintSchema = v.object({
	service: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => complaintMessages.serviceMissing),
		v.maxLength(80, () => complaintMessages.serviceMissing)
	),
	/** The application's tracking code, if the complaint is about one. */
	application: optionalText(20, () => complaintMessages.applicationUnknown),
	text: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => complaintMessages.textMissing),
		v.minLength(20, () => complaintMessages.textShort),
		v.maxLength(textLimits.note, () => complaintMessages.textLong)
	),
	/** "This is about an officer": routed to the admin only. */
	aboutOfficer: v.optional(v.picklist(['ya', '']), ''),
	officerName: optionalText(textLimits.name, () => complaintMessages.officerNameLong),
	contactName: optionalText(textLimits.name, () => complaintMessages.contactLong),
	contactPhone: optionalText(20, () => complaintMessages.phoneInvalid)
});
export type ComplaintInput = v.InferOutput<typeof complaintSchema>;

export const answerSchema = v.object({
	answer: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => complaintMessages.answerMissing),
		v.maxLength(textLimits.note, () => complaintMessages.answerLong)
	)
});

export const reopenSchema = v.object({
	reason: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => complaintMessages.reopenReasonMissing),
		v.maxLength(textLimits.note, () => complaintMessages.textLong)
	)
});

export { formatTrackingCode };

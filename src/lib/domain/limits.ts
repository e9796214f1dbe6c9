/**
 * Size limits on everything people send, in one place, with the one sentence that says each maximum.
 *
 * Free text is capped by what it is, not by where it is typed: a name is a name on the form, on the
 * resident page and in the API. The caps are generous for real use (the longest names on a Kartu Keluarga
 * are well under 100 characters) and small enough that nobody can store a megabyte in a field. Lengths
 * are counted in characters as people see them (UTF-16 code units, what `maxlength` counts in the browser).
 *
 * The request caps (answers, documents, bodies) keep one request cheap for a server with little memory:
 * a body is never read past its cap (see server/uploads.ts).
 */
import { MAX_DOCUMENT_BYTES } from './file-type';
import type { FieldDefinition } from './service';
import { m } from '../paraglide/messages.js';

/** Maximum characters per kind of free text. */
export const textLimits = {
	/** a person's or a business's name */
	name: 100,
	/** a street address, a place of birth or death */
	address: 300,
	/** any other one-line answer */
	short: 200,
	/** longer answers, officers' notes, correction notes, pickup notes */
	note: 1000,
	/** why something was refused or withdrawn: read by the citizen */
	reason: 1000
} as const;

export type TextKind = keyof typeof textLimits;

export const limitMessages = {
	tooLong: (max: number) => m.journey_limit_too_long({ max }),
	/** the same, naming what is too long (for pages with one message line) */
	tooLongNamed: (what: string, max: number) => m.journey_limit_too_long_named({ what, max }),
	get unknownField() { return m.journey_limit_unknown_field(); },
	get unknownDocument() { return m.journey_limit_unknown_document(); },
	get duplicateDocument() { return m.journey_limit_duplicate_document(); },
	tooManyAnswers: (max: number) => m.journey_limit_too_many_answers({ max }),
	answersTooBig: (kb: number) => m.journey_limit_answers_too_big({ kb }),
	get residentTooBig() { return m.journey_limit_resident_too_big(); },
	bodyTooBig: (bytes: number) => m.journey_limit_body_too_big({ size: readableSize(bytes) }),
	tooManyFiles: (max: number) => m.journey_limit_too_many_files({ max }),
	get tooManyParts() { return m.journey_limit_too_many_parts(); },
	get unreadable() { return m.journey_limit_unreadable(); }
} as const;

/** "25 MB", "256 KB": a size as people read it. */
export function readableSize(bytes: number): string {
	const mb = 1024 * 1024;
	return bytes >= mb ? `${Math.round(bytes / mb)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The largest value a text of this kind may have. */
export const maxLengthOf = (kind: TextKind) => textLimits[kind];

/** null when the text fits its kind, else the message. Counts the text as given (trim first if you store it trimmed). */
export function textTooLong(value: string, kind: TextKind): string | null {
	return value.length > textLimits[kind] ? limitMessages.tooLong(textLimits[kind]) : null;
}

/**
 * Which kind of text a form field holds. Services are data (an admin may edit them), so the kind is read
 * from the field's key by the catalogue's naming: `…name` is a name, `…address`/`…place` an address (also
 * when typed in a textarea), any other textarea a note, anything else a short text.
 */
export function textKindOf(field: Pick<FieldDefinition, 'key' | 'kind'>): TextKind {
	if (/(^|_)name$/.test(field.key)) return 'name';
	if (/(^|_)(address|place)$/.test(field.key)) return 'address';
	return field.kind === 'textarea' ? 'note' : 'short';
}

/** Caps on one submission sent whole (the phone's outbox, `/api/permohonan`). */
export const submissionLimits = {
	/** The largest service asks ~20 questions; an answer set ten times that is not a form. */
	maxAnswerKeys: 100,
	/** `answers` as JSON, in bytes (UTF-8): 20 fields of 1,000 four-byte characters fit. */
	maxAnswersBytes: 96 * 1024,
	/** `resident` as JSON, in bytes: two names, a phone number and a few words. */
	maxResidentBytes: 4 * 1024,
	/** Documents in one request: no service asks for more than a handful. */
	maxFiles: 8,
	/**
	 * The whole request body. Phones shrink photos to ~300 KB, so a whole application is usually under
	 * 3 MB; this leaves room for two full-size PDFs. Larger sets are refused with a clear message (413).
	 */
	maxBodyBytes: 25 * 1024 * 1024
} as const;

/** Caps on a form post from a page (no JavaScript needed). */
export const formLimits = {
	/** a page with text fields only */
	textBodyBytes: 256 * 1024,
	/** room for the multipart framing and the other fields around one document */
	fileSlackBytes: 64 * 1024,
	/** text fields on one page; the longest step has ~10 */
	maxParts: 200
} as const;

/** Body cap for a form that carries up to `files` documents of at most MAX_DOCUMENT_BYTES each. */
export function bodyCapForFiles(files: number): number {
	return Math.min(
		Math.max(files, 0) * MAX_DOCUMENT_BYTES + formLimits.fileSlackBytes,
		Math.max(submissionLimits.maxBodyBytes, MAX_DOCUMENT_BYTES + formLimits.fileSlackBytes)
	);
}

export const utf8Length = (value: string) => new TextEncoder().encode(value).byteLength;

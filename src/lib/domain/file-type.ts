/**
 * What an uploaded file really is, read from its first bytes (never from its name or the browser's claim).
 * Only the four kinds an office can read are accepted: JPEG, PNG, WebP photos and PDF scans.
 */
import { m } from '../paraglide/messages.js';

export type AcceptedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** Phones shrink photos before upload (~300 KB); this leaves room for PDFs and uploads without JavaScript. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
	signature.every((b, i) => bytes[offset + i] === b);

export function sniffType(bytes: Uint8Array): AcceptedType | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	// RIFF....WEBP
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
		return 'image/webp';
	}
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
	return null;
}

export const fileMessages = {
	missing: (label: string) => m.journey_file_missing({ label: label.toLowerCase() }),
	get tooBig() { return m.journey_file_too_big(); },
	get wrongType() { return m.journey_file_wrong_type(); },
	get empty() { return m.journey_file_empty(); }
} as const;

export type FileProblem = keyof Omit<typeof fileMessages, 'missing'>;

export function checkDocument(bytes: Uint8Array): { ok: true; type: AcceptedType } | { ok: false; problem: FileProblem } {
	if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
	if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'tooBig' };
	const type = sniffType(bytes);
	return type ? { ok: true, type } : { ok: false, problem: 'wrongType' };
}

/**
 * A notice as it leaves the app: the event table's one sentence pair (domain/events.ts) cut into the
 * parameters of a WhatsApp utility template (tracking code, what happened, what to do next, a link), and
 * the sender's back-off between tries. Pure: the sender (server/notify/outbox.ts) does the I/O.
 */

/** What happened (the first sentence) and what to do next (the rest, or a pointer to the link). */
export function noticeParts(text: string): { happened: string; next: string } {
	// a sentence ends at ". " ("09.00" and "A-007." stay whole); templates refuse newlines and tabs
	const flat = text.replace(/\s+/g, ' ').trim();
	const cut = flat.indexOf('. ');
	if (cut === -1) return { happened: flat, next: nextFallback };
	return { happened: flat.slice(0, cut + 1), next: flat.slice(cut + 2) };
}

export const nextFallback = 'Lihat rinciannya di tautan berikut.';

/** The plain-text form of a notice (SMS, push): the sentences, then the link. */
export function noticeSms(text: string, link: string): string {
	return `${text.replace(/\s+/g, ' ').trim()} ${link}`;
}

/** The message a one-time code travels in (SMS and push); WhatsApp uses its authentication template. */
export function codeSms(code: string, minutes: number): string {
	return `Kode Layanan Banjarbaru: ${code}. Berlaku ${minutes} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.`;
}

export interface Backoff {
	firstDelayMs: number;
	maxDelayMs: number;
}

/** The wait before try number `attempts + 1`: doubling from the first delay, never above the cap. */
export function retryDelay(attempts: number, policy: Backoff): number {
	const exponent = Math.max(0, attempts - 1);
	return Math.min(policy.firstDelayMs * 2 ** Math.min(exponent, 30), policy.maxDelayMs);
}

/** How a person wants notices on their phone besides the app (the /akun/kabar form). */
export const phoneChoices = ['whatsapp', 'sms', 'none'] as const;
export type PhoneChoiceValue = (typeof phoneChoices)[number];

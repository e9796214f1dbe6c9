/**
 * The channels a notice can travel on, behind one interface. `app` is the in-app list ("Kabar"): its
 * row is written in the same batch as the event (server/events.ts) and is delivered by being there.
 * The others go through the outbox (outbox.ts), one row per message, and are sent by `send` here:
 * - `whatsapp`: WhatsApp Business Cloud API, `POST {api}/{phone-number-id}/messages`, a utility template
 *   (`kabar_permohonan`: {{1}} tracking code, {{2}} what happened, {{3}} what to do next, {{4}} link)
 *   for notices and an authentication template (`kode_verifikasi`, body {{1}} and its copy-code button)
 *   for one-time codes;
 * - `sms`: Zenziva's HTTP API (an Indonesian gateway): a form POST of userkey, passkey, to, message,
 *   answered with JSON whose `status` is "1" when the message was accepted;
 * - `push`: Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291), built
 *   on WebCrypto by web-push.ts (RFC 8291 test vector in its test), to every browser the account subscribed.
 *
 * `send` never throws: it answers sent, or failed (permanent or worth retrying), in words for the admin.
 * A failure is permanent when the provider refused the request itself (4xx other than 408/429);
 * timeouts, network errors, 5xx, 408 and 429 are tried again by the sender.
 */
import { eq, inArray } from 'drizzle-orm';
import { codeSms, noticeParts, noticeSms } from '$lib/domain/notice-message';
import type { Database } from '../db/open';
import { pushSubscriptions, type QueuedChannel } from '../db/schema';
import type { NotifyConfig, PushConfig, SmsConfig, WhatsAppConfig } from './config';
import { pushRequest } from './web-push';

export const channelNames = ['app', 'whatsapp', 'sms', 'push'] as const;
export type ChannelName = (typeof channelNames)[number];

/** One outbox row as the channel needs it. */
export interface OutgoingMessage {
	kind: 'notice' | 'code';
	/** E.164 (+628…), for WhatsApp and SMS. */
	phone: string | null;
	userId: string | null;
	/** The notice's sentences, or the code's digits. */
	text: string;
	/** notice: [tracking code, link path]; code: [digits, minutes valid]. */
	params: string[];
}

export type SendResult = { ok: true; reference: string | null } | { ok: false; permanent: boolean; error: string };

export interface SendContext {
	db: Database;
	fetch: typeof fetch;
	timeoutMs: number;
	/** The public origin links are made absolute with. */
	origin: string;
}

export interface Channel {
	name: QueuedChannel;
	send(message: OutgoingMessage, context: SendContext): Promise<SendResult>;
}

/** The absolute link of a notice. */
export const linkOf = (message: OutgoingMessage, origin: string) => `${origin}${message.params[1] ?? '/'}`;

// --- WhatsApp ------------------------------------------------------------------------------------------

/** The Cloud API's request body for one message (documented shape: messaging_product, to, type, template). */
export function whatsappPayload(config: WhatsAppConfig, message: OutgoingMessage, origin: string) {
	const to = (message.phone ?? '').replace(/^\+/, '');
	const text = (value: string) => ({ type: 'text', text: value });
	if (message.kind === 'code') {
		return {
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to,
			type: 'template',
			template: {
				name: config.codeTemplate,
				language: { code: config.language },
				components: [
					{ type: 'body', parameters: [text(message.text)] },
					{ type: 'button', sub_type: 'url', index: '0', parameters: [text(message.text)] }
				]
			}
		};
	}
	const { happened, next } = noticeParts(message.text);
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'template',
		template: {
			name: config.template,
			language: { code: config.language },
			components: [
				{
					type: 'body',
					parameters: [text(message.params[0] ?? ''), text(happened), text(next), text(linkOf(message, origin))]
				}
			]
		}
	};
}

export function whatsappChannel(config: WhatsAppConfig): Channel {
	return {
		name: 'whatsapp',
		async send(message, context) {
			if (!message.phone) return { ok: false, permanent: true, error: 'Tidak ada nomor HP tujuan.' };
			const response = await post(context, `${config.apiUrl}/${encodeURIComponent(config.phoneNumberId)}/messages`, {
				headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
				body: JSON.stringify(whatsappPayload(config, message, context.origin))
			});
			if (!response.ok) return response;
			const body = (await response.response.json().catch(() => null)) as { messages?: { id?: string }[] } | null;
			const id = body?.messages?.[0]?.id;
			return id ? { ok: true, reference: id } : { ok: false, permanent: false, error: 'WhatsApp menjawab tanpa nomor pesan.' };
		}
	};
}

// --- SMS (Zenziva) -------------------------------------------------------------------------------------

export function smsText(message: OutgoingMessage, origin: string) {
	return message.kind === 'code'
		? codeSms(message.text, Number(message.params[1] ?? 5))
		: noticeSms(message.text, linkOf(message, origin));
}

export function smsChannel(config: SmsConfig): Channel {
	return {
		name: 'sms',
		async send(message, context) {
			if (!message.phone) return { ok: false, permanent: true, error: 'Tidak ada nomor HP tujuan.' };
			// Zenziva takes the national form (08…) or 62…; the E.164 number without its plus is 62…
			const form = new URLSearchParams({
				userkey: config.userkey,
				passkey: config.passkey,
				to: message.phone.replace(/^\+/, ''),
				message: smsText(message, context.origin)
			});
			const response = await post(context, config.apiUrl, {
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: form.toString()
			});
			if (!response.ok) return response;
			const body = (await response.response.json().catch(() => null)) as { status?: string; text?: string; messageId?: string } | null;
			if (String(body?.status) === '1') return { ok: true, reference: body?.messageId ?? null };
			return { ok: false, permanent: true, error: `SMS ditolak penyedia: ${body?.text ?? 'tanpa keterangan'}` };
		}
	};
}

// --- Web Push ------------------------------------------------------------------------------------------

export function pushPayload(message: OutgoingMessage, origin: string) {
	return message.kind === 'code'
		? { title: 'Kode Layanan Banjarbaru', body: codeSms(message.text, Number(message.params[1] ?? 5)), url: `${origin}/` }
		: { title: 'Kabar permohonan', body: message.text, url: linkOf(message, origin) };
}

export function pushChannel(config: PushConfig): Channel {
	return {
		name: 'push',
		async send(message, context) {
			if (!message.userId) return { ok: false, permanent: true, error: 'Web Push hanya untuk pemilik akun.' };
			const targets = await context.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, message.userId));
			if (targets.length === 0) return { ok: false, permanent: true, error: 'Akun ini tidak berlangganan Web Push.' };
			let delivered = 0;
			const gone: string[] = [];
			let lastError: Extract<SendResult, { ok: false }> | null = null;
			for (const target of targets) {
				let request: Awaited<ReturnType<typeof pushRequest>>;
				try {
					request = await pushRequest(target, pushPayload(message, context.origin), config);
				} catch (cause) {
					lastError = { ok: false, permanent: true, error: `Web Push tidak dapat disusun: ${describe(cause)}` };
					continue;
				}
				const response = await post(context, request.endpoint, { headers: request.headers, body: request.body });
				if (response.ok) delivered++;
				else {
					lastError = response;
					// the browser unsubscribed: the subscription is gone for good
					if (response.status === 404 || response.status === 410) gone.push(target.id);
				}
			}
			if (gone.length > 0) await context.db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));
			if (delivered > 0) return { ok: true, reference: `${delivered} perangkat` };
			return lastError ?? { ok: false, permanent: true, error: 'Web Push tidak terkirim.' };
		}
	};
}

// --- shared ---------------------------------------------------------------------------------------------

type Posted = { ok: true; response: Response } | { ok: false; permanent: boolean; error: string; status?: number };

/** A POST with a time limit; the provider's refusal or silence as a SendResult. */
async function post(context: SendContext, url: string, init: { headers: Record<string, string>; body: BodyInit }): Promise<Posted> {
	let response: Response;
	try {
		response = await context.fetch(url, { method: 'POST', ...init, signal: AbortSignal.timeout(context.timeoutMs) });
	} catch (cause) {
		const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
		return { ok: false, permanent: false, error: timedOut ? 'Penyedia tidak menjawab tepat waktu.' : `Penyedia tidak dapat dihubungi: ${describe(cause)}` };
	}
	if (response.ok) return { ok: true, response };
	const detail = (await response.text().catch(() => '')).slice(0, 300);
	const retry = response.status >= 500 || response.status === 408 || response.status === 429;
	return { ok: false, permanent: !retry, status: response.status, error: `Penyedia menolak (HTTP ${response.status})${detail ? `: ${detail}` : ''}` };
}

const describe = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/** The channels configured now, by name. */
export function configuredChannels(config: NotifyConfig): Partial<Record<QueuedChannel, Channel>> {
	return {
		...(config.whatsapp ? { whatsapp: whatsappChannel(config.whatsapp) } : {}),
		...(config.sms ? { sms: smsChannel(config.sms) } : {}),
		...(config.push ? { push: pushChannel(config.push) } : {})
	};
}

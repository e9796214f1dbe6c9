/**
 * Which providers are configured, read once from the environment (`readNotifyConfig`) and registered for
 * the process or Worker isolate (`configureNotify`, from the server hook's `init`). Nothing here sends.
 *
 * With no provider configured, notices stay in the app ("Kabar") and no text claims a message was sent:
 * pages ask `phoneChannel()` before promising anything, and the admin page says what is missing.
 *
 * Environment (all optional; a channel is on when its required values are set):
 * - WhatsApp Business Cloud API: WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_TOKEN (required); WHATSAPP_API_URL
 *   (https://graph.facebook.com/v23.0), WHATSAPP_TEMPLATE (kabar_permohonan), WHATSAPP_CODE_TEMPLATE
 *   (kode_verifikasi), WHATSAPP_LANGUAGE (id).
 * - SMS over Zenziva's HTTP API: ZENZIVA_USERKEY, ZENZIVA_PASSKEY (required); ZENZIVA_API_URL
 *   (https://console.zenziva.net/reguler/api/sendsms/).
 * - Web Push: VAPID_PUBLIC_KEY (base64url, uncompressed P-256 point), VAPID_PRIVATE_JWK (the JWK, JSON),
 *   VAPID_SUBJECT (mailto: or https: contact).
 * - The sender: NOTIFY_MAX_ATTEMPTS (5), NOTIFY_RETRY_MS (30000, the first wait), NOTIFY_RETRY_MAX_MS
 *   (3600000, the cap), NOTIFY_TIMEOUT_MS (10000 per provider request); ORIGIN for links in messages.
 */
import type { PhoneChoice } from '../db/schema';

export interface WhatsAppConfig {
	apiUrl: string;
	phoneNumberId: string;
	token: string;
	template: string;
	codeTemplate: string;
	language: string;
}

export interface SmsConfig {
	apiUrl: string;
	userkey: string;
	passkey: string;
}

export interface PushConfig {
	publicKey: string;
	privateJwk: JsonWebKey;
	subject: string;
}

export interface RetryPolicy {
	maxAttempts: number;
	firstDelayMs: number;
	maxDelayMs: number;
	timeoutMs: number;
}

export interface NotifyConfig {
	whatsapp: WhatsAppConfig | null;
	sms: SmsConfig | null;
	push: PushConfig | null;
	retry: RetryPolicy;
	/** The public origin, for links in messages (https://layanan.banjarbarukota.go.id). */
	origin: string | null;
}

export const defaultRetry: RetryPolicy = { maxAttempts: 5, firstDelayMs: 30_000, maxDelayMs: 3_600_000, timeoutMs: 10_000 };

type Env = Record<string, string | undefined>;

const number = (value: string | undefined, fallback: number) => {
	const n = Number(value);
	return value && Number.isFinite(n) && n >= 0 ? n : fallback;
};

export function readNotifyConfig(env: Env): NotifyConfig {
	const whatsapp =
		env.WHATSAPP_PHONE_NUMBER_ID && env.WHATSAPP_TOKEN
			? {
					apiUrl: (env.WHATSAPP_API_URL || 'https://graph.facebook.com/v23.0').replace(/\/$/, ''),
					phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
					token: env.WHATSAPP_TOKEN,
					template: env.WHATSAPP_TEMPLATE || 'kabar_permohonan',
					codeTemplate: env.WHATSAPP_CODE_TEMPLATE || 'kode_verifikasi',
					language: env.WHATSAPP_LANGUAGE || 'id'
				}
			: null;
	const sms =
		env.ZENZIVA_USERKEY && env.ZENZIVA_PASSKEY
			? {
					apiUrl: env.ZENZIVA_API_URL || 'https://console.zenziva.net/reguler/api/sendsms/',
					userkey: env.ZENZIVA_USERKEY,
					passkey: env.ZENZIVA_PASSKEY
				}
			: null;
	let push: PushConfig | null = null;
	if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_JWK && env.VAPID_SUBJECT) {
		try {
			push = { publicKey: env.VAPID_PUBLIC_KEY, privateJwk: JSON.parse(env.VAPID_PRIVATE_JWK) as JsonWebKey, subject: env.VAPID_SUBJECT };
		} catch {
			console.error('VAPID_PRIVATE_JWK is not valid JSON: Web Push stays off.');
		}
	}
	return {
		whatsapp,
		sms,
		push,
		retry: {
			maxAttempts: Math.max(1, number(env.NOTIFY_MAX_ATTEMPTS, defaultRetry.maxAttempts)),
			firstDelayMs: number(env.NOTIFY_RETRY_MS, defaultRetry.firstDelayMs),
			maxDelayMs: number(env.NOTIFY_RETRY_MAX_MS, defaultRetry.maxDelayMs),
			timeoutMs: number(env.NOTIFY_TIMEOUT_MS, defaultRetry.timeoutMs)
		},
		origin: env.ORIGIN?.replace(/\/$/, '') || null
	};
}

const none: NotifyConfig = { whatsapp: null, sms: null, push: null, retry: defaultRetry, origin: null };
let current: NotifyConfig = none;

/** Registers the configuration for this process or isolate (the hook's `init`; tests pass their own). */
export function configureNotify(config: NotifyConfig) {
	current = config;
}

export const notifyConfig = (): NotifyConfig => current;

/**
 * The channel a phone notice goes out on for someone who chose `choice`: their choice when it is
 * configured, otherwise the other phone channel that is (a choice of WhatsApp still reaches an SMS-only
 * office's residents), null when they said no or nothing is configured.
 */
export function phoneChannel(choice: PhoneChoice = 'whatsapp', config: NotifyConfig = current): 'whatsapp' | 'sms' | null {
	if (choice === 'none') return null;
	if (config[choice]) return choice;
	if (config.whatsapp) return 'whatsapp';
	if (config.sms) return 'sms';
	return null;
}

import { formatPhone } from '$lib/domain/phone';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import { formatWita } from '$lib/domain/working-time';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/guard';
import { notifyConfig } from '$lib/server/notify/config';
import { failedMessages, outboxCounts } from '$lib/server/notify/outbox';
import { channelLabel, notifyMessages } from '$lib/server/notify/wording';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const db = getDb();
	const config = notifyConfig();
	const [counts, failed] = await Promise.all([outboxCounts(db), failedMessages(db)]);
	const providers = [
		{ name: channelLabel.whatsapp, on: !!config.whatsapp, how: 'WHATSAPP_PHONE_NUMBER_ID dan WHATSAPP_TOKEN' },
		{ name: channelLabel.sms, on: !!config.sms, how: 'ZENZIVA_USERKEY dan ZENZIVA_PASSKEY' },
		{ name: channelLabel.push, on: !!config.push, how: 'VAPID_PUBLIC_KEY, VAPID_PRIVATE_JWK dan VAPID_SUBJECT' }
	];
	return {
		providers,
		nothingConfigured: providers.every((p) => !p.on) ? notifyMessages.nothingConfigured : null,
		counts,
		failed: failed.map((f) => ({
			id: f.id,
			channel: channelLabel[f.channel],
			what: f.kind === 'code' ? 'Kode sekali pakai' : f.text,
			to: f.phone ? formatPhone(f.phone) : 'Perangkat akun',
			attempts: f.attempts,
			error: f.lastError ?? '',
			at: formatWita(f.createdAt),
			code: f.trackingCode ? formatTrackingCode(f.trackingCode) : null,
			applicationId: f.applicationId
		}))
	};
};

export const csr = false;

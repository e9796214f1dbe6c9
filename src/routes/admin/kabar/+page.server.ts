import { m } from '$lib/paraglide/messages';
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
		{ name: channelLabel.whatsapp, on: !!config.whatsapp, how: m.admin_outbox_how_whatsapp() },
		{ name: channelLabel.sms, on: !!config.sms, how: m.admin_outbox_how_sms() },
		{ name: channelLabel.push, on: !!config.push, how: m.admin_outbox_how_push() }
	];
	return {
		providers,
		nothingConfigured: providers.every((p) => !p.on) ? notifyMessages.nothingConfigured : null,
		counts,
		failed: failed.map((f) => ({
			id: f.id,
			channel: channelLabel[f.channel],
			what: f.kind === 'code' ? m.admin_outbox_one_time_code() : f.text,
			to: f.phone ? formatPhone(f.phone) : m.admin_outbox_account_device(),
			attempts: f.attempts,
			error: f.lastError ?? '',
			at: formatWita(f.createdAt),
			code: f.trackingCode ? formatTrackingCode(f.trackingCode) : null,
			applicationId: f.applicationId
		}))
	};
};

export const csr = false;

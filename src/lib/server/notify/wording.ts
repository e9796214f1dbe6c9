/**
 * What the notice channels say to people and to the admin: one place for their wording. What a person reads
 * on a page is in their language (messages/<locale>/status.json); what is stored on an outbox row (its
 * `last_error`, read later by the admin) stays Indonesian, as written, whoever's request sent it.
 */
import { m } from '../../paraglide/messages.js';
import type { QueuedChannel } from '../db/schema';

export const channelLabel: Record<QueuedChannel | 'app', string> = {
	get app() {
		return m.status_channel_app();
	},
	whatsapp: 'WhatsApp',
	sms: 'SMS',
	get push() {
		return m.status_channel_push();
	}
};

/** The channels' names in what is stored (Indonesian, like the rest of the outbox row). */
const storedChannelName: Record<QueuedChannel, string> = {
	whatsapp: 'WhatsApp',
	sms: 'SMS',
	push: 'Notifikasi di perangkat (Web Push)'
};

export const notifyMessages = {
	/** Stored on the outbox row: Indonesian. */
	notConfigured: (channel: QueuedChannel) => `${storedChannelName[channel]} belum diatur di server, jadi pesan ini tidak dikirim.`,
	/** Stored on the outbox row: Indonesian. */
	leaseLost: 'Pengirim berhenti di tengah pengiriman. Pesan mungkin sudah sampai, jadi tidak dikirim ulang.',
	/** The tracking code's promise on the forms, as the configuration allows. */
	trackingCodeBy: (channel: 'whatsapp' | 'sms' | null) =>
		channel === 'whatsapp'
			? m.status_tracking_by_whatsapp()
			: channel === 'sms'
				? m.status_tracking_by_sms()
				: m.status_tracking_by_none(),
	get nothingConfigured() {
		return m.status_nothing_configured();
	}
} as const;

/** What the notice channels say to people and to the admin: one place for their Indonesian wording. */
import type { QueuedChannel } from '../db/schema';

export const channelLabel: Record<QueuedChannel | 'app', string> = {
	app: 'Kabar di aplikasi',
	whatsapp: 'WhatsApp',
	sms: 'SMS',
	push: 'Notifikasi di perangkat (Web Push)'
};

export const notifyMessages = {
	notConfigured: (channel: QueuedChannel) => `${channelLabel[channel]} belum diatur di server, jadi pesan ini tidak dikirim.`,
	leaseLost: 'Pengirim berhenti di tengah pengiriman. Pesan mungkin sudah sampai, jadi tidak dikirim ulang.',
	/** The tracking code's promise on the forms, as the configuration allows. */
	trackingCodeBy: (channel: 'whatsapp' | 'sms' | null) =>
		channel === 'whatsapp'
			? 'Kode lacak dan kabar permohonan dikirim lewat WhatsApp ke nomor ini.'
			: channel === 'sms'
				? 'Kode lacak dan kabar permohonan dikirim lewat SMS ke nomor ini.'
				: 'Pesan lewat WhatsApp atau SMS belum aktif: catat kode lacak yang muncul setelah mengirim.',
	nothingConfigured: 'Belum ada penyedia WhatsApp, SMS, atau Web Push yang diatur. Kabar hanya muncul di aplikasi.'
} as const;

/**
 * Personal data under UU 27/2022 (Pelindungan Data Pribadi): the periods things are kept, the clock on a
 * resident's request, the request form's rule, and the wording of "Data saya" and the privacy notice.
 * One place: retention (server/retention.ts) deletes by these periods, and /privasi states them from here.
 */
import * as v from 'valibot';

const DAY = 24 * 60 * 60 * 1000;

/** How long each kind of data is kept before the retention job deletes it. */
export const retentionPeriods = {
	/** A draft on the server (browsers without JavaScript) untouched this long. */
	serverDraft: { days: 30, what: 'Draf permohonan yang belum dikirim dan tidak diubah lagi' },
	/** The documents of an application that was rejected or cancelled, counted from that decision. */
	closedApplicationDocuments: { days: 90, what: 'Dokumen unggahan pada permohonan yang ditolak atau dibatalkan' },
	/** Failure counters of logins and guesses, counted from their last failure window. */
	throttle: { days: 1, what: 'Catatan percobaan masuk yang gagal' },
	/** One-time codes (password reset, phone check), counted from their making. */
	oneTimeCode: { days: 1, what: 'Kode sekali pakai (OTP)' }
} as const satisfies Record<string, { days: number; what: string }>;

export type RetainedKind = keyof typeof retentionPeriods;

export const retentionMillis = (kind: RetainedKind) => retentionPeriods[kind].days * DAY;

/** What is kept as long as the law requires, and why: never deleted by the job nor on request. */
export const keptByLaw = {
	what: 'Permohonan yang sudah dikirim, riwayatnya (termasuk siapa yang membuka data Anda), dan dokumen hasilnya',
	why:
		'Ini catatan resmi pelayanan publik dan administrasi kependudukan yang wajib disimpan kantor (UU 23/2006 jo. UU 24/2013 ' +
		'tentang Administrasi Kependudukan, UU 43/2009 tentang Kearsipan). UU 27/2022 Pasal 15 ayat (1) huruf c mengecualikan ' +
		'hak penghapusan untuk kepentingan umum dalam rangka penyelenggaraan negara.'
} as const;

/** A resident's request: answered within 3 × 24 hours (UU 27/2022), by the clock, not by working days. */
export const DATA_REQUEST_HOURS = 72;
export const dataRequestDue = (createdAt: Date) => new Date(createdAt.getTime() + DATA_REQUEST_HOURS * 60 * 60 * 1000);

export const dataRequestKinds = ['correction', 'deletion'] as const;
export type DataRequestKind = (typeof dataRequestKinds)[number];

export const DATA_REQUEST_MAX = 1000;

export const privacyMessages = {
	kind: { correction: 'Perbaikan data', deletion: 'Penghapusan data' } satisfies Record<DataRequestKind, string>,
	status: { open: 'Sedang diproses', done: 'Selesai', refused: 'Tidak dapat dipenuhi' },
	detailRequired: {
		correction: 'Tulis data mana yang salah dan seharusnya apa.',
		deletion: 'Tulis data apa yang ingin dihapus.'
	} satisfies Record<DataRequestKind, string>,
	detailTooLong: `Tulisan terlalu panjang. Paling banyak ${DATA_REQUEST_MAX} huruf.`,
	unknownKind: 'Jenis permintaan tidak dikenali.',
	sent: (kind: DataRequestKind) => `${privacyMessages.kind[kind]} sudah dikirim. Admin menjawab paling lambat 3 × 24 jam.`,
	answerRequired: 'Tulis jawaban untuk warga: apa yang sudah dilakukan, atau alasan hukumnya jika tidak dapat dipenuhi.',
	notFound: 'Permintaan ini tidak ditemukan atau sudah dijawab.',
	late: 'Lewat batas 3 × 24 jam',
	viewLabel: {
		viewed: 'membuka permohonan',
		document_viewed: 'membuka dokumen',
		nik_revealed: 'membuka NIK utuh'
	}
} as const;

/** The request form's one rule, on the server (and nowhere else). */
export const dataRequestSchema = v.object({
	kind: v.picklist(dataRequestKinds, privacyMessages.unknownKind),
	detail: v.pipe(v.string(), v.trim(), v.nonEmpty('Tulis permintaan Anda.'), v.maxLength(DATA_REQUEST_MAX, privacyMessages.detailTooLong))
});

/** An admin's answer to a request. */
export const dataRequestAnswerSchema = v.object({
	outcome: v.picklist(['done', 'refused'] as const, 'Pilih selesai atau tidak dapat dipenuhi.'),
	answer: v.pipe(v.string(), v.trim(), v.nonEmpty(privacyMessages.answerRequired), v.maxLength(DATA_REQUEST_MAX, privacyMessages.detailTooLong))
});

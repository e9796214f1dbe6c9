/**
 * Applying for someone else (field mode): a volunteer records who the resident is and how they agreed,
 * before the service's own pages. One schema, one wording, on every path: the server's resident page
 * (`/ajukan/<slug>/<id>/warga`), the phone's resident step (checked in the browser for quick feedback) and
 * the outbox's `POST /api/permohonan` (the authority for what the phone sends).
 *
 * Who must agree is data on the service (`ServiceDefinition.consentBy`): the resident themselves, or for
 * a child's document (Akta Kelahiran) the child's father or mother. The volunteer's own phone number is
 * refused as the resident's: that would be applying for oneself.
 */
import * as v from 'valibot';
import { formatPhone, normalizePhone } from './phone';
import type { ConsentBy } from './service';
import { formatWita } from './working-time';

export type ConsentHow = 'ticked' | 'spoken';

/** Who the resident is and how they agreed, as a draft holds it (the phone number as +628…). */
export interface Resident {
	name: string;
	phone: string;
	consent: { by: ConsentBy; how: ConsentHow; name: string } | null;
}

/** The resident form's fields, as typed (the same names on the server page and on the phone). */
export interface ResidentInput {
	name: string;
	phone: string;
	how: string;
	parentName: string;
	isParent: string;
}

/** What people read about the resident step: labels, help and errors, in one place. */
export const residentWording = {
	title: 'Warga yang Anda bantu',
	intro: 'Permohonan ini milik warga. Anda tercatat sebagai relawan yang membantu.',
	checkTitle: 'Warga yang dibantu',
	name: 'Nama lengkap warga',
	nameHelp: 'Tulis sama persis seperti di Kartu Keluarga. Nama ini dipakai sebagai nama pemohon.',
	phone: 'Nomor HP warga',
	phoneHelp:
		'Misalnya 0812-3456-7890. Boleh nomor HP keluarga serumah. Warga memakai nomor ini dan kode lacak untuk melacak atau memasukkan permohonan ke akunnya sendiri. Berikan slip berisi kode lacak kepada warga.',
	consentTitle: 'Persetujuan warga',
	readAloud: 'Bacakan kalimat di atas kepada warga.',
	parentNote: 'Akta kelahiran memuat data anak: persetujuan harus dari ayah atau ibu anak.',
	parentName: 'Nama orang tua yang menyetujui',
	isParent: 'Yang menyetujui adalah ayah atau ibu anak',
	how: 'Bagaimana warga menyatakan setuju?',
	howParent: 'Bagaimana orang tua menyatakan setuju?',
	ticked: 'Warga mencentang sendiri di HP ini',
	spoken: 'Warga menyatakan setuju secara lisan',
	recorded: 'Waktu persetujuan dan nama Anda dicatat saat permohonan dikirim.',
	consent: 'Persetujuan',
	parent: 'Orang tua',
	change: 'data warga dan persetujuan',
	/** Every page of the journey says for whom. */
	forWhom: (name: string, phone: string) => `Untuk warga: ${name} (${phone}). Isi dengan data warga ini, bukan data Anda.`,
	statement: (volunteerName: string, serviceName: string) =>
		`"Saya setuju relawan ${volunteerName || 'ini'} mengajukan ${serviceName} atas nama saya. Data saya dipakai hanya untuk mengurus layanan ini (UU 27/2022 tentang Pelindungan Data Pribadi), dan saya boleh melepas relawan dari permohonan ini kapan saja."`,
	errors: {
		name: 'Isi nama lengkap warga.',
		nameShort: 'Nama terlalu pendek.',
		nameLong: 'Nama paling banyak 100 huruf.',
		phone: 'Isi nomor HP warga.',
		phoneUnknown: 'Nomor HP warga tidak dikenali. Tulis seperti 0812-3456-7890.',
		ownPhone: 'Ini nomor HP Anda sendiri. Tulis nomor HP warga, atau ajukan untuk diri sendiri.',
		how: 'Pilih bagaimana warga menyatakan setuju.',
		parentName: 'Tulis nama ayah atau ibu anak yang memberi persetujuan.',
		parentConfirm: 'Centang bahwa yang menyetujui adalah ayah atau ibu anak.',
		incomplete: 'Data warga dan persetujuannya belum diisi.',
		unreadable: 'Data warga yang dibantu tidak lengkap.'
	}
} as const;

const errors = residentWording.errors;

const personName = (empty: string) =>
	v.pipe(
		v.string(empty),
		v.trim(),
		v.nonEmpty(empty),
		v.minLength(2, errors.nameShort),
		v.maxLength(100, errors.nameLong)
	);

/**
 * The resident form. `volunteerPhone` is the volunteer's own number (+628…), refused as the resident's;
 * '' when not known (the phone offline: the server checks again).
 */
export function residentSchema(consentBy: ConsentBy, volunteerPhone: string) {
	const common = {
		name: personName(errors.name),
		phone: v.pipe(
			v.string(errors.phone),
			v.trim(),
			v.nonEmpty(errors.phone),
			v.transform((value) => normalizePhone(value) ?? ''),
			v.nonEmpty(errors.phoneUnknown),
			v.check((phone) => phone !== volunteerPhone, errors.ownPhone)
		),
		how: v.picklist(['ticked', 'spoken'] as const, errors.how)
	};
	return consentBy === 'parent'
		? v.object({
				...common,
				parentName: personName(errors.parentName),
				isParent: v.literal('ya', errors.parentConfirm)
			})
		: v.object(common);
}

export type ResidentResult =
	| { ok: true; resident: Resident & { consent: NonNullable<Resident['consent']> } }
	| { ok: false; errors: Record<string, string> };

/** Checks a typed resident form; the errors are keyed by the form's field names. */
export function checkResident(consentBy: ConsentBy, volunteerPhone: string, input: Partial<ResidentInput>): ResidentResult {
	const typed = { name: '', phone: '', how: '', parentName: '', isParent: '', ...input };
	const parsed = v.safeParse(residentSchema(consentBy, volunteerPhone), consentBy === 'parent' ? typed : { name: typed.name, phone: typed.phone, how: typed.how });
	if (!parsed.success) {
		const found: Record<string, string> = {};
		for (const issue of parsed.issues) found[v.getDotPath(issue) ?? 'name'] ??= issue.message;
		return { ok: false, errors: found };
	}
	const out = parsed.output;
	const parent = 'parentName' in out;
	return {
		ok: true,
		resident: {
			name: out.name,
			phone: out.phone,
			consent: { by: parent ? 'parent' : 'resident', how: out.how, name: parent ? out.parentName : out.name }
		}
	};
}

/** A stored resident back as the form's fields: to show the form again, or to check what a phone sent. */
export function residentInput(resident: Partial<Resident> | null | undefined): ResidentInput {
	const consent = resident?.consent;
	return {
		name: resident?.name ?? '',
		phone: resident?.phone ? (normalizePhone(resident.phone) ? formatPhone(normalizePhone(resident.phone)!) : resident.phone) : '',
		how: consent?.how ?? '',
		parentName: consent?.by === 'parent' ? consent.name : '',
		isParent: consent?.by === 'parent' ? 'ya' : ''
	};
}

/** The resident page is complete: who, their number and how they agreed. */
export const residentComplete = (resident: Resident | null | undefined): boolean =>
	!!resident?.consent && !!resident.name && !!resident.phone;

/** The recorded consent in plain words: who agreed and how (and, once submitted, when and with whom). */
export function consentText(consent: { by: ConsentBy; how: ConsentHow; name: string; at?: number; volunteerName?: string }): string {
	const who = consent.by === 'parent' ? `${consent.name} (orang tua anak)` : consent.name;
	const how = consent.how === 'ticked' ? 'mencentang persetujuan sendiri' : 'menyatakan setuju secara lisan';
	const when = consent.at ? ` pada ${formatWita(new Date(consent.at))}` : '';
	const helper = consent.volunteerName ? `, dicatat oleh relawan ${consent.volunteerName}` : '';
	return `${who} ${how}${when}${helper}.`;
}

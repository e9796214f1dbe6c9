/**
 * The satisfaction survey form: the nine elements of ikm.ts on the 1–4 scale, all required, and the four
 * optional demographics, each only from its own list. One schema for the form and every other path.
 */
import * as v from 'valibot';
import { textLimits } from './limits';
import { demographics, elementKeys, elements, type Answers, type DemographicKey } from './ikm';

export const surveyMessages = {
	title: 'Survei kepuasan',
	intro:
		'Sembilan pertanyaan tentang layanan yang baru Anda terima. Jawaban tidak memakai nama: yang disimpan hanya layanan, bulan, dan jawaban Anda.',
	answerMissing: (n: number) => `Pertanyaan ${n}: pilih salah satu jawaban.`,
	demographicUnknown: 'Pilih dari daftar, atau kosongkan.',
	optional: 'Tentang Anda (boleh dikosongkan)',
	send: 'Kirim jawaban',
	thanks: 'Terima kasih. Jawaban Anda sudah tersimpan tanpa nama.',
	used: 'Survei untuk permohonan ini sudah diisi, atau tautannya tidak berlaku. Setiap permohonan hanya bisa dinilai satu kali.',
	invite: 'Bagaimana layanan kami? Isi survei kepuasan: 9 pertanyaan, tanpa nama.',
	inviteLink: 'Isi survei kepuasan',
	done: 'Terima kasih, survei kepuasan untuk permohonan ini sudah diisi.',
	notice: (service: string, code: string) =>
		`Bagaimana layanan ${service} (${code})? Isi survei kepuasan dari halaman permohonan: 9 pertanyaan, tanpa nama.`
} as const;

const answer = (n: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['1', '2', '3', '4'], surveyMessages.answerMissing(n)),
		v.transform((s) => Number(s) as 1 | 2 | 3 | 4)
	);

const demographic = (key: DemographicKey) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['', ...demographics[key].options] as [string, ...string[]], surveyMessages.demographicUnknown),
		v.transform((s) => (s === '' ? null : s))
	);

export const surveySchema = v.object({
	...(Object.fromEntries(elements.map((e) => [e.key, answer(e.number)])) as Record<(typeof elementKeys)[number], ReturnType<typeof answer>>),
	ageBand: demographic('ageBand'),
	sex: demographic('sex'),
	education: demographic('education'),
	occupation: demographic('occupation')
});
export type SurveyInput = Answers & Record<DemographicKey, string | null>;

/** What an admin writes about the follow-up (tindak lanjut) of a service's survey. */
export const followupMessages = {
	title: 'Tindak lanjut survei',
	missing: 'Tulis apa yang diubah karena hasil survei.',
	tooLong: `Paling banyak ${textLimits.note} karakter.`,
	serviceUnknown: 'Layanan tidak dikenal.',
	monthInvalid: 'Bulan tidak dikenal.',
	saved: 'Tindak lanjut tersimpan dan tampil di halaman kinerja.'
} as const;

import { describe, expect, it } from 'vitest';
import { services } from './catalogue';
import { journey } from './journey';

const birth = services.find((s) => s.slug === 'akta-kelahiran')!;
const permit = services.find((s) => s.slug === 'izin-usaha')!;
const own = journey(birth);
const field = journey(birth, { forResident: true });
const resident = { name: 'Mariani', phone: '+6281234567890', consent: { by: 'parent' as const, how: 'spoken' as const, name: 'Mariani' } };

describe('journey for oneself', () => {
	it('has one page per step, one per document, then the check page', () => {
		expect(own.pages.map((p) => p.slug)).toEqual([
			...birth.steps.map((_, i) => `langkah-${i + 1}`),
			...birth.documents.map((_, i) => `dokumen-${i + 1}`),
			'periksa'
		]);
	});
	it('knows what comes next and before, and returns to the check page when changing an answer', () => {
		expect(own.next('langkah-1').slug).toBe('langkah-2');
		expect(own.next(`langkah-${birth.steps.length}`).slug).toBe('dokumen-1');
		expect(own.next('langkah-1', true).slug).toBe('periksa');
		expect(own.back('langkah-1')).toBeUndefined();
		expect(own.back('langkah-2', true)?.slug).toBe('periksa');
		expect(own.back('periksa')?.kind).toBe('document');
		expect(own.find('langkah-99')).toBeUndefined();
		expect(own.entry('langkah-2', null)?.slug).toBe('langkah-2');
	});
	it('finds the page of a field and of an error at submit', () => {
		const page = own.pageOfField('mother_nik');
		expect(page.kind === 'fields' && page.step.title).toBe('Siapa ibu anak ini?');
		expect(own.problems({ mother_nik: 'salah' }, ['kk_scan'])).toEqual([
			{ message: 'salah', page: page.slug },
			{ message: 'Foto Kartu Keluarga (KK) belum diunggah.', page: own.pageOfDocument('kk_scan').slug }
		]);
		expect(own.progress('periksa')).toMatchObject({ current: own.pages.length, total: own.pages.length });
	});
	it('prefills who applies where still empty, the phone as people write it, only in the service own fields', () => {
		const account = { name: 'Siti', phone: '+6281200000001' };
		expect(own.prefill({}, account)).toEqual({ applicant_name: 'Siti', applicant_phone: '0812-0000-0001' });
		expect(own.prefill({ applicant_name: 'Siti Aminah' }, account).applicant_name).toBe('Siti Aminah');
		expect(journey(permit).prefill({}, account)).toEqual({ owner_name: 'Siti', applicant_phone: '0812-0000-0001' });
	});
	it('sums up every step on the check page, dates in Indonesian', () => {
		const sections = own.summary({ child_birth_date: '2026-11-20' });
		// each step by its short name ("Data anak"); the step page itself asks the question ("Siapa anak yang lahir?")
		expect(sections.map((s) => s.title)).toEqual(['Data pelapor', 'Data anak', 'Kelahiran', 'Data ibu', 'Data ayah', 'Kartu Keluarga orang tua']);
		expect(sections.flatMap((s) => s.rows).find((r) => r.label === 'Tanggal lahir anak')?.value).toBe('20 November 2026');
	});
});

describe('journey for a resident (field mode)', () => {
	it('starts with the resident page, counted as step 1, and opens nothing else until it is complete', () => {
		expect(field.pages[0]).toEqual({ kind: 'resident', slug: 'warga' });
		expect(field.progress('warga')).toMatchObject({ current: 1, text: `Langkah 1 dari ${field.pages.length}` });
		expect(field.entry('langkah-2', null)?.slug).toBe('warga');
		expect(field.entry('langkah-2', resident)?.slug).toBe('langkah-2');
		expect(field.next('warga').slug).toBe('langkah-1');
		expect(field.next('warga', true).slug).toBe('periksa');
		expect(field.back('langkah-1')?.slug).toBe('warga');
		expect(field.back('warga')).toBeUndefined();
	});
	it('asks the resident name and phone once, and words fields for the resident', () => {
		const asked = field.steps.flatMap((s) => s.fields);
		expect(asked.some((f) => f.key === 'applicant_name' || f.key === 'applicant_phone')).toBe(false);
		expect(asked.find((f) => f.key === 'applicant_nik')?.label).toBe('NIK warga');
		expect(asked.find((f) => f.key === 'applicant_relation')?.help).toBe('Warga siapa bagi anak ini?');
		expect(field.answersToSubmit({ applicant_name: 'Relawan' }, resident)).toMatchObject({
			applicant_name: 'Mariani',
			applicant_phone: '0812-3456-7890'
		});
		expect(field.pageOfField('applicant_name').slug).toBe('warga');
		expect(field.problems({ 'resident.phone': 'x' })[0]!.page).toBe('warga');
	});
	it('says who must consent, as data on the service', () => {
		expect(field.consentBy).toBe('parent');
		expect(journey(permit, { forResident: true }).consentBy).toBe('resident');
	});
	it('shows the resident first on the check page', () => {
		const [first] = field.summary({}, resident);
		expect(first).toMatchObject({ title: 'Warga yang dibantu', page: 'warga' });
		expect(first!.rows.map((r) => r.value)).toEqual(['Mariani', '0812-3456-7890', 'Mariani (orang tua anak) menyatakan setuju secara lisan.']);
	});
});

describe('step titles', () => {
	it('are questions, asked of the resident when someone applies for them', () => {
		for (const service of services) for (const step of service.steps) expect(step.title, `${service.slug} ${step.key}`).toMatch(/\?$/);
		const ktp = services.find((s) => s.slug === 'ktp-el-baru')!;
		const titles = (j: ReturnType<typeof journey>) => j.pages.flatMap((p) => (p.kind === 'fields' ? [p.step.title] : []));
		expect(titles(journey(ktp))).toEqual(['Siapa Anda?', 'Apakah Anda sudah boleh membuat KTP-el?', 'Apa nomor KK dan alamat Anda?']);
		// for a resident the name and phone are asked on the resident page: only the NIK is left of the first step
		expect(titles(journey(ktp, { forResident: true }))).toEqual([
			'Apa NIK warga?',
			'Apakah warga sudah boleh membuat KTP-el?',
			'Apa nomor KK dan alamat warga?'
		]);
		for (const title of titles(journey(ktp, { forResident: true }))) expect(title).not.toMatch(/\bAnda\b/);
	});
});

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { services } from './catalogue';
import { applicantOf, cleanAnswers, crossFieldErrors, fieldSchema, validateAll, validateStep } from './fields';
import type { FieldDefinition, StepDefinition } from './service';

const now = new Date('2026-11-27T02:00:00Z'); // Friday 10:00 WITA
const field = (kind: FieldDefinition['kind'], required = true, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
	key: 'x',
	label: 'Isian',
	kind,
	required,
	...extra
});
const parse = (f: FieldDefinition, value: string) => v.safeParse(fieldSchema(f, now), value);

describe('fieldSchema', () => {
	it('says which field is missing', () => {
		expect(parse(field('text'), '  ').issues?.[0]?.message).toBe('Isian wajib diisi.');
		expect(parse(field('text', false), '').output).toBe('');
	});
	it('cleans identity numbers and phone numbers', () => {
		expect(parse(field('nik'), '6372 0415 0393 0002').output).toBe('6372041503930002');
		expect(parse(field('nib'), '1234567890123').output).toBe('1234567890123');
		expect(parse(field('nib'), '123456789012').success).toBe(false);
		expect(parse(field('phone'), '0812-3456-7890').output).toBe('+6281234567890');
		expect(parse(field('phone'), '021 555 1234').success).toBe(false);
	});
	it('refuses dates in the future (WITA) and impossible dates', () => {
		expect(parse(field('date'), '2026-11-27').success).toBe(true);
		expect(parse(field('date'), '2026-11-28').issues?.[0]?.message).toMatch(/belum lewat/);
		expect(parse(field('date'), '2026-02-30').success).toBe(false);
		expect(parse(field('date'), '27/11/2026').success).toBe(false);
	});
	it('accepts only offered choices and real kelurahan', () => {
		const select = field('select', true, { options: [{ value: 'a', label: 'A' }] });
		expect(parse(select, 'a').success).toBe(true);
		expect(parse(select, 'b').success).toBe(false);
		expect(parse(field('kelurahan'), '63.72.04.1002').success).toBe(true);
		expect(parse(field('kelurahan'), '63.71.01.1001').success).toBe(false);
		expect(parse(field('time'), '14.30').output).toBe('14:30');
	});
});

describe('checks across fields', () => {
	it('refuses a child born before the mother could plausibly have a child', () => {
		// mother born 12 Apr 2015 (day 52 = 12 + 40)
		const errors = crossFieldErrors({ child_birth_date: '2026-11-01', mother_nik: '6372045204150001' }, now);
		expect(errors.mother_nik).toMatch(/umur ibu/);
		expect(crossFieldErrors({ child_birth_date: '2026-11-01', mother_nik: '6372045204950001' }, now)).toEqual({});
	});
	it('allows a KTP-el under 17 only for someone married', () => {
		expect(crossFieldErrors({ birth_date: '2012-01-01', marital_status: 'single' }, now).marital_status).toMatch(/17 tahun/);
		expect(crossFieldErrors({ birth_date: '2012-01-01', marital_status: 'married' }, now)).toEqual({});
	});
});

describe('validateStep and validateAll', () => {
	const step: StepDefinition = {
		key: 's',
		title: 'Langkah',
		fields: [
			{ key: 'name', label: 'Nama', kind: 'text', required: true },
			{ key: 'nik', label: 'NIK', kind: 'nik', required: true }
		]
	};
	it('returns every problem and what was typed', () => {
		const result = validateStep(step, { name: '', nik: '123' }, {}, now);
		expect(result).toEqual({
			ok: false,
			errors: { name: 'Nama wajib diisi.', nik: 'NIK harus 16 angka.' },
			typed: { name: '', nik: '123' }
		});
	});
	it('returns cleaned values', () => {
		expect(validateStep(step, { name: ' Ani ', nik: '6372045204950001' }, {}, now)).toEqual({
			ok: true,
			values: { name: 'Ani', nik: '6372045204950001' }
		});
	});
	it('validates everything again before submitting', () => {
		expect(validateAll([step], { name: 'Ani' }, now)).toEqual({ nik: 'NIK wajib diisi.' });
	});
});

describe('caps by kind of text', () => {
	it('caps names at 100, addresses at 300, other short text at 200 and long text at 1000 characters', () => {
		const cases = [
			[field('text', true, { key: 'mother_name' }), 100],
			[field('textarea', true, { key: 'business_address' }), 300],
			[field('text', true, { key: 'death_place' }), 300],
			[field('text', true, { key: 'police_report_number' }), 200],
			[field('textarea', true, { key: 'change_note' }), 1000]
		] as const;
		for (const [f, max] of cases) {
			expect(parse(f, 'a'.repeat(max)).success).toBe(true);
			expect(parse(f, 'a'.repeat(max + 1)).issues?.[0]?.message).toBe(`Paling banyak ${max} karakter.`);
		}
	});
	it('counts the text without the spaces around it', () => {
		expect(parse(field('text', true, { key: 'child_name' }), `  ${'a'.repeat(100)}  `).output).toBe('a'.repeat(100));
	});
});

describe('cleanAnswers: the one check before storing', () => {
	const steps: StepDefinition[] = [
		{
			key: 'a',
			title: 'Anda',
			fields: [
				{ key: 'applicant_nik', label: 'NIK', kind: 'nik', required: true },
				{ key: 'kk_number', label: 'KK', kind: 'kk', required: false },
				{ key: 'owner_phone', label: 'HP', kind: 'phone', required: true },
				{ key: 'owner_name', label: 'Nama', kind: 'text', required: true },
				{ key: 'note', label: 'Catatan', kind: 'textarea', required: false }
			]
		}
	];
	const good = { applicant_nik: '6372 0415 0393 0002', kk_number: '6372 0401 0120 0003', owner_phone: '0813-1111-2222', owner_name: ' Ani ' };

	it('returns the normalised values of the service fields, with empty optional fields as ""', () => {
		expect(cleanAnswers(steps, good, now)).toEqual({
			ok: true,
			values: { applicant_nik: '6372041503930002', kk_number: '6372040101200003', owner_phone: '+6281311112222', owner_name: 'Ani', note: '' }
		});
	});
	it('refuses keys that are not the service fields, naming each', () => {
		const result = cleanAnswers(steps, { ...good, is_admin: 'yes', ['x'.repeat(50)]: 'y' }, now);
		expect(result).toEqual({ ok: false, errors: { is_admin: 'Isian ini tidak ada di formulir layanan ini.', ['x'.repeat(50)]: 'Isian ini tidak ada di formulir layanan ini.' } });
	});
	it("drops the app's own prefilled applicant keys where the service has no such field", () => {
		const result = cleanAnswers(steps, { ...good, applicant_name: 'x'.repeat(1_000_000), applicant_phone: '0812' }, now);
		expect(result.ok && result.values).toEqual(expect.not.objectContaining({ applicant_name: expect.anything() }));
		expect(result.ok && Object.keys(result.values)).toEqual(['applicant_nik', 'kk_number', 'owner_phone', 'owner_name', 'note']);
	});
	it('refuses an over-long value and a value that is not text', () => {
		const long = cleanAnswers(steps, { ...good, owner_name: 'a'.repeat(5 * 1024 * 1024) }, now);
		expect(long).toEqual({ ok: false, errors: { owner_name: 'Paling banyak 100 karakter.' } });
		const notText = cleanAnswers(steps, { ...good, note: 42 }, now);
		expect(notText).toEqual({ ok: false, errors: { note: 'Jawaban ini tidak terbaca. Isi lagi.' } });
	});
	it('validateAll gives the same errors', () => {
		expect(validateAll(steps, { ...good, extra: '1' }, now)).toEqual({ extra: 'Isian ini tidak ada di formulir layanan ini.' });
		expect(validateAll(steps, good, now)).toEqual({});
	});
});

describe('applicantOf', () => {
	it('reads who applies from the fields the service marks, whatever their keys', () => {
		const permit = services.find((s) => s.slug === 'izin-usaha')!;
		const ktp = services.find((s) => s.slug === 'ktp-el-baru')!;
		expect(applicantOf(permit.steps, { owner_name: 'Hendra Gunawan', applicant_name: 'bukan ini' }).name).toBe('Hendra Gunawan');
		expect(applicantOf(ktp.steps, { applicant_name: ' Siti Aminah ', applicant_phone: '+6281234567890' })).toEqual({
			name: 'Siti Aminah',
			phone: '+6281234567890'
		});
		expect(applicantOf(ktp.steps, { applicant_name: '   ' })).toEqual({});
	});
});

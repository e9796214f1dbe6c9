import { describe, expect, it } from 'vitest';
import { findService, offices, services } from './catalogue';
import { documentNumber, holderFields, numberFormatProblem, printableFields } from './issued-document';
import { findKelurahan, kecamatan, kelurahanList } from './kelurahan';

const allFields = (slug: string) =>
	(findService(slug)?.steps ?? []).flatMap((step) => step.fields);

describe('service catalogue', () => {
	it('has unique slugs', () => {
		const slugs = services.map((s) => s.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
	});

	it('assigns every service to a known office', () => {
		const ids: string[] = offices.map((o) => o.id);
		for (const s of services) expect(ids, s.slug).toContain(s.office);
	});

	it('publishes the six public components of the Standar Pelayanan for every service', () => {
		for (const s of services) {
			const { requirements, procedure, time, fee, product, complaints } = s.standard;
			expect(requirements.length, `${s.slug} requirements`).toBeGreaterThan(0);
			expect(procedure.length, `${s.slug} procedure`).toBeGreaterThan(0);
			for (const text of [...requirements.map((r) => r.text), ...procedure, time, fee, product, complaints]) {
				expect(text.trim(), s.slug).not.toBe('');
			}
		}
	});

	it('shows population documents as free, with the law that makes them free', () => {
		const population = services.filter((s) => s.office === 'disdukcapil');
		expect(population.length).toBeGreaterThan(0);
		for (const s of population) {
			expect(s.standard.fee, s.slug).toBe('Gratis');
			expect(s.standard.feeBasis, s.slug).toMatch(/UU No\. 24 Tahun 2013/);
		}
	});

	it('names SP4N-LAPOR! in every complaints text', () => {
		for (const s of services) expect(s.standard.complaints, s.slug).toContain('SP4N-LAPOR');
	});

	it('keeps field keys unique within a service', () => {
		for (const s of services) {
			const keys = allFields(s.slug).map((f) => f.key);
			expect(new Set(keys).size, s.slug).toBe(keys.length);
		}
	});

	it("asks for the applicant's NIK on the first step and gives every field a help line", () => {
		for (const s of services) {
			expect(s.steps[0]?.fields.some((f) => f.kind === 'nik'), s.slug).toBe(true);
			for (const f of allFields(s.slug)) expect(f.help?.trim(), `${s.slug}.${f.key}`).toBeTruthy();
		}
	});

	it('states the same number of working days in the time sentence as in the SLA', () => {
		for (const s of services) expect(s.standard.time, s.slug).toContain(`${s.sla.value} hari kerja`);
	});

	it('requires booking an in-person step for a new KTP-el only', () => {
		expect(findService('ktp-el-baru')?.inPerson).toBe(true);
		expect(services.filter((s) => s.inPerson).map((s) => s.slug)).toEqual(['ktp-el-baru']);
	});

	it('takes the NIB as input for the business permit and links to OSS', () => {
		const izin = findService('izin-usaha');
		expect(izin?.office).toBe('dpmptsp');
		expect(allFields('izin-usaha').filter((f) => f.kind === 'nib')).toHaveLength(1);
		expect(izin?.externalLink?.href).toBe('https://oss.go.id');
	});

	it('shows KTP-el, Akta Kelahiran and the business permit first', () => {
		const firstThree = [...services].sort((a, b) => a.rank - b.rank).slice(0, 3);
		expect(firstThree.map((s) => s.slug)).toEqual(['ktp-el-baru', 'akta-kelahiran', 'izin-usaha']);
	});
});

describe('kelurahan', () => {
	it('lists 20 kelurahan in 5 kecamatan', () => {
		expect(kecamatan).toHaveLength(5);
		expect(kelurahanList).toHaveLength(20);
		expect(new Set(kelurahanList.map((k) => k.code)).size).toBe(20);
	});

	it('finds a kelurahan by code, with its kecamatan', () => {
		expect(findKelurahan('63.72.04.1003')).toEqual({
			code: '63.72.04.1003',
			name: 'Komet',
			kecamatanCode: '63.72.04',
			kecamatanName: 'Banjarbaru Utara'
		});
		expect(findKelurahan('63.72.01.1001')).toBeUndefined();
	});
});

describe('what issued documents show and how they are numbered, as seeded', () => {
	it('prints only answers the admin editor offers, so a seeded service saves unchanged', () => {
		for (const service of services.filter((s) => s.issued)) {
			const printable = printableFields(service.steps).map((f) => f.key);
			expect(service.issued!.shows.every((key) => printable.includes(key)), service.slug).toBe(true);
			if (service.issued!.holder) expect(holderFields(service.steps).map((f) => f.key), service.slug).toContain(service.issued!.holder);
		}
	});

	it('numbers with formats the admin editor accepts', () => {
		for (const office of offices) expect(numberFormatProblem(office.documentNumber), office.id).toBeNull();
		expect(documentNumber('474/{kode}/Disdukcapil/{tahun}', { code: 'K7M2PX4A', at: new Date('2026-12-31T16:30:00Z') })).toBe(
			'474/K7M2PX4A/Disdukcapil/2027'
		);
		expect(numberFormatProblem('{kode}/{tahun}/{bulan}')).toBe('unknown_placeholder');
		expect(numberFormatProblem('{tahun}')).toBe('no_code');
	});
});

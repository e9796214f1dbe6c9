import { describe, expect, it } from 'vitest';
import { findService, offices, services } from './catalogue';
import { officesEn, servicesEn } from './catalogue-en';
import type { ServiceDefinition, ServiceTranslation, ServiceTranslations } from './service';
import { localizeService } from './service-language';

const withEnglish = (slug: string) => {
	const service = findService(slug)!;
	return { ...service, translations: { en: servicesEn[slug] } as ServiceTranslations };
};

describe('localizeService', () => {
	it('overlays the English on what a person reads', () => {
		const en = localizeService(withEnglish('akta-kelahiran'), 'en');
		expect(en.name).toBe('Akta Kelahiran (birth certificate)');
		expect(en.summary).toBe('Get a birth certificate for a newborn child.');
		const child = en.steps.find((s) => s.key === 'child')!;
		expect(child.title).toBe('Who is the child?');
		expect(child.fields.find((f) => f.key === 'child_name')!.label).toBe("Child's full name");
		expect(en.documents.find((d) => d.key === 'birth_letter')!.label).toBe('Birth letter (surat keterangan lahir)');
		expect(en.standard.fee).toBe('Free');
		expect(en.standard.requirements[0]?.text).toMatch(/^A birth letter/);
		expect(en.standard.procedure[0]).toMatch(/^Fill in the application/);
		const relation = en.steps[0]!.fields.find((f) => f.key === 'applicant_relation')!;
		expect(relation.forResident?.help).toBe('Who is the resident to this child?');
	});

	it('never changes what a form stores: option values, keys, ids, kinds', () => {
		const id = findService('akta-kelahiran')!;
		const en = localizeService(withEnglish('akta-kelahiran'), 'en');
		const options = (s: ServiceDefinition) =>
			s.steps.flatMap((step) => step.fields.flatMap((f) => (f.options ?? []).map((o) => o.value)));
		expect(options(en)).toEqual(options(id));
		expect(en.steps.map((s) => s.fields.map((f) => [f.key, f.kind, f.required]))).toEqual(
			id.steps.map((s) => s.fields.map((f) => [f.key, f.kind, f.required]))
		);
		expect(en.standard.requirements.map((r) => [r.id, r.required])).toEqual(id.standard.requirements.map((r) => [r.id, r.required]));
		expect(en.documents.map((d) => [d.key, d.required, d.paper])).toEqual(id.documents.map((d) => [d.key, d.required, d.paper]));
		const sex = en.steps.flatMap((s) => s.fields).find((f) => f.key === 'child_sex')!;
		expect(sex.options).toEqual([
			{ value: 'male', label: 'Male' },
			{ value: 'female', label: 'Female' }
		]);
		expect(en.slug).toBe(id.slug);
		expect(en.issued).toEqual(id.issued);
		expect(en.externalLink).toEqual(id.externalLink);
	});

	it('falls back to Indonesian where the English is missing, blank or of another shape', () => {
		const service = findService('ktp-el-rusak')!;
		const en = localizeService(
			{
				...service,
				translations: {
					en: {
						name: 'Damaged KTP-el',
						summary: '  ',
						steps: { damage: { fields: { damage_kind: { options: { broken: 'Broken' } } } }, gone: { title: 'Gone' } },
						documents: 'not an object',
						standard: { procedure: ['First step only'] }
					}
				}
			},
			'en'
		);
		expect(en.name).toBe('Damaged KTP-el');
		expect(en.summary).toBe(service.summary);
		expect(en.description).toBe(service.description);
		const damage = en.steps.find((s) => s.key === 'damage')!;
		expect(damage.title).toBe('Kartu rusak seperti apa?');
		const kind = damage.fields.find((f) => f.key === 'damage_kind')!;
		expect(kind.label).toBe('Apa yang rusak?');
		expect(kind.options!.map((o) => o.label)).toEqual(['Broken', 'Tulisan atau foto pudar', 'Chip tidak bisa dibaca', 'Lainnya']);
		expect(en.steps).toHaveLength(service.steps.length);
		expect(en.documents).toEqual(service.documents);
		expect(en.standard.procedure[0]).toBe('First step only');
		expect(en.standard.procedure.slice(1)).toEqual(service.standard.procedure.slice(1));
		expect(en.standard.time).toBe(service.standard.time);
	});

	it('never adds a text the record does not have', () => {
		const service = findService('ktp-el-hilang')!; // no externalLink, no intro on the first step
		const en = localizeService({ ...service, translations: { en: { externalLink: { label: 'x' }, steps: { applicant: { intro: 'x' } } } } }, 'en');
		expect(en.externalLink).toBeUndefined();
		expect('intro' in en.steps[0]!).toBe(false);
	});

	it('leaves Indonesian, and a record without English, untouched (the same object)', () => {
		const record = withEnglish('akta-kelahiran');
		expect(localizeService(record, 'id')).toBe(record);
		const plain = { ...findService('akta-kelahiran')! };
		expect(localizeService(plain, 'en')).toBe(plain);
		const nulled = { ...plain, translations: null };
		expect(localizeService(nulled, 'en')).toBe(nulled);
		expect(record.name).toBe('Akta Kelahiran');
	});

	it('localizes a row holding a service and its office', () => {
		const office = { ...offices[1], translations: { en: officesEn.dpmptsp } };
		const row = { service: withEnglish('izin-usaha'), office, count: 3 };
		const en = localizeService(row, 'en');
		expect(en.service.name).toBe('Izin Usaha (local business permit or recommendation)');
		expect(en.service.externalLink?.label).toBe('No NIB yet? Register for free on OSS');
		expect(en.service.externalLink?.href).toBe('https://oss.go.id');
		expect(en.office.address).toMatch(/public service hall/);
		expect(en.office.shortName).toBe('DPMPTSP');
		expect(en.count).toBe(3);
		expect(localizeService(row, 'id')).toBe(row);
	});

	it('localizes a list row that carries translations (listActive)', () => {
		const row = { slug: 'ktp-el-baru', name: 'KTP-el baru', summary: 'x', office: 'Disdukcapil', translations: { en: servicesEn['ktp-el-baru'] } };
		const en = localizeService(row, 'en');
		expect(en.name).toBe('New KTP-el (electronic ID card)');
		expect(en.summary).toMatch(/^Get your first KTP-el/);
		expect(en.office).toBe('Disdukcapil');
	});
});

/** Every text a person reads on a service, with its English from the overlay (undefined: none). */
function readable(s: ServiceDefinition, en: ServiceTranslation | undefined) {
	const out: { where: string; id: string; en: string | undefined }[] = [];
	const add = (where: string, id: string | undefined, text: string | undefined) => {
		if (id !== undefined) out.push({ where: `${s.slug} ${where}`, id, en: text });
	};
	add('name', s.name, en?.name);
	add('summary', s.summary, en?.summary);
	add('description', s.description, en?.description);
	for (const step of s.steps) {
		const st = en?.steps?.[step.key];
		add(`step ${step.key} title`, step.title, st?.title);
		add(`step ${step.key} intro`, step.intro, st?.intro);
		add(`step ${step.key} forResident.title`, step.forResident?.title, st?.forResident?.title);
		add(`step ${step.key} section`, step.section, st?.section);
		for (const field of step.fields) {
			const f = st?.fields?.[field.key];
			const at = `field ${step.key}.${field.key}`;
			add(`${at} label`, field.label, f?.label);
			add(`${at} help`, field.help, f?.help);
			add(`${at} forResident.label`, field.forResident?.label, f?.forResident?.label);
			add(`${at} forResident.help`, field.forResident?.help, f?.forResident?.help);
			for (const option of field.options ?? []) add(`${at} option ${option.value}`, option.label, f?.options?.[option.value]);
		}
	}
	for (const doc of s.documents) {
		add(`document ${doc.key} label`, doc.label, en?.documents?.[doc.key]?.label);
		add(`document ${doc.key} help`, doc.help, en?.documents?.[doc.key]?.help);
	}
	const std = en?.standard;
	for (const r of s.standard.requirements) add(`requirement ${r.id}`, r.text, std?.requirements?.[r.id]);
	s.standard.procedure.forEach((line, i) => add(`procedure ${i + 1}`, line, std?.procedure?.[i]));
	add('time', s.standard.time, std?.time);
	add('fee', s.standard.fee, std?.fee);
	add('feeBasis', s.standard.feeBasis, std?.feeBasis);
	add('product', s.standard.product, std?.product);
	add('complaints', s.standard.complaints, std?.complaints);
	add('externalLink', s.externalLink?.label, en?.externalLink?.label);
	return out;
}

/** The numbers a text names (each once: an English gloss may repeat one). */
const numbers = (text: string) => [...new Set(text.match(/\d+/g) ?? [])].sort();

describe('the catalogue in English', () => {
	it('has English for every text of every service (a new service needs its English in catalogue-en.ts)', () => {
		const missing = services.flatMap((s) => readable(s, servicesEn[s.slug])).filter((t) => !t.en?.trim());
		expect(missing.map((t) => t.where)).toEqual([]);
	});

	it('has no English for services, steps, fields, options, documents or requirements that do not exist', () => {
		const slugs = services.map((s) => s.slug);
		expect(Object.keys(servicesEn).filter((slug) => !slugs.includes(slug))).toEqual([]);
		const stale: string[] = [];
		for (const s of services) {
			const en = servicesEn[s.slug] ?? {};
			for (const [stepKey, st] of Object.entries(en.steps ?? {})) {
				const step = s.steps.find((x) => x.key === stepKey);
				if (!step) stale.push(`${s.slug} step ${stepKey}`);
				for (const [fieldKey, f] of Object.entries(st.fields ?? {})) {
					const field = step?.fields.find((x) => x.key === fieldKey);
					if (!field) stale.push(`${s.slug} field ${stepKey}.${fieldKey}`);
					for (const value of Object.keys(f.options ?? {}))
						if (!field?.options?.some((o) => o.value === value)) stale.push(`${s.slug} option ${fieldKey}.${value}`);
				}
			}
			for (const key of Object.keys(en.documents ?? {}))
				if (!s.documents.some((d) => d.key === key)) stale.push(`${s.slug} document ${key}`);
			for (const id of Object.keys(en.standard?.requirements ?? {}))
				if (!s.standard.requirements.some((r) => r.id === id)) stale.push(`${s.slug} requirement ${id}`);
			if ((en.standard?.procedure?.length ?? 0) > s.standard.procedure.length) stale.push(`${s.slug} procedure`);
		}
		expect(stale).toEqual([]);
	});

	it('says the same numbers as the Indonesian (days, digits, phone numbers, laws)', () => {
		const differ = services
			.flatMap((s) => readable(s, servicesEn[s.slug]))
			.filter((t) => t.en !== undefined && numbers(t.en).join() !== numbers(t.id).join())
			.map((t) => `${t.where}: ${t.id} | ${t.en}`);
		expect(differ).toEqual([]);
	});

	it('keeps the English population fee "Free" with its law, and names SP4N-LAPOR! in every complaints text', () => {
		for (const s of services) {
			const en = servicesEn[s.slug]?.standard ?? {};
			expect(en.complaints, s.slug).toContain('SP4N-LAPOR!');
			if (s.office === 'disdukcapil') {
				expect(en.fee, s.slug).toBe('Free');
				expect(en.feeBasis, s.slug).toMatch(/UU No\. 24 Tahun 2013/);
			}
		}
	});

	it('has English for every office name, and its address where it is not a plain street address', () => {
		for (const o of offices) expect(officesEn[o.id]?.name?.trim(), o.id).toBeTruthy();
		expect(officesEn.dpmptsp.address).toContain('Jl. Husni Thamrin No. 1');
	});
});

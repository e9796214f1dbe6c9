import { describe, expect, it } from 'vitest';
import { services } from './catalogue';
import { paperOf, serviceIcon } from './pictures';

describe('pictures', () => {
	it('draws the paper each document is: KK, KTP, birth letter, marriage book', () => {
		const documents = services.flatMap((s) => s.documents);
		const paper = (key: string) => paperOf(documents.find((d) => d.key === key)!);
		expect(paper('kk_scan')).toBe('kk');
		expect(paper('owner_ktp')).toBe('ktp');
		expect(paper('birth_letter')).toBe('birth-letter');
		expect(paper('marriage_proof')).toBe('marriage-book');
		expect(paper('police_report')).toBe('letter');
	});

	it('gives every catalogue document its own drawing, and a plain letter to a document an admin adds', () => {
		for (const document of services.flatMap((s) => s.documents)) expect(document.paper, document.key).toBeDefined();
		expect(paperOf({})).toBe('letter');
	});

	it('gives each service an icon, and a new service its office’s', () => {
		expect(serviceIcon({ slug: 'akta-kelahiran', office: 'disdukcapil' })).toBe('baby');
		expect(serviceIcon({ slug: 'ktp-el-hilang', office: 'disdukcapil' })).toBe('id-card');
		expect(serviceIcon({ slug: 'izin-usaha', office: 'dpmptsp' })).toBe('shop');
		expect(serviceIcon({ slug: 'layanan-baru', office: 'dpmptsp' })).toBe('shop');
		expect(serviceIcon({ slug: 'layanan-baru', office: 'disdukcapil' })).toBe('letter');
	});
});

/**
 * Names that lists join from a service or an office come in the reader's language (`localizedName`), with the
 * Indonesian name where a record has no English: on the real database, and through the modules that use it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as runtime from '../../src/lib/paraglide/runtime.js';
import { localizedName } from '../../src/lib/server/db/localized';
import { offices, services } from '../../src/lib/server/db/schema';
import { figures } from '../../src/lib/server/kinerja';
import { freshDatabase } from './db';

let env: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
	env = await freshDatabase();
});
afterAll(() => env.cleanup());

async function inEnglish<T>(run: () => Promise<T>): Promise<T> {
	const original = runtime.getLocale;
	runtime.overwriteGetLocale(() => 'en');
	try {
		return await run();
	} finally {
		runtime.overwriteGetLocale(original);
	}
}

describe('localizedName', () => {
	it('reads the English name from the record, and the Indonesian one in Indonesian', async () => {
		const [id] = await env.db.select({ name: localizedName(services, 'id') }).from(services).where(eq(services.slug, 'akta-kelahiran'));
		const [en] = await env.db.select({ name: localizedName(services, 'en') }).from(services).where(eq(services.slug, 'akta-kelahiran'));
		expect(id!.name).toBe('Akta Kelahiran');
		expect(en!.name).toBe('Akta Kelahiran (birth certificate)');
		const [office] = await env.db.select({ name: localizedName(offices, 'en') }).from(offices).where(eq(offices.id, 'dpmptsp'));
		expect(office!.name).toMatch(/One-Stop Service Office/);
	});

	it('falls back to the Indonesian name when the English is missing or blank', async () => {
		await env.db.update(services).set({ translations: { en: { name: '  ' } } }).where(eq(services.slug, 'ktp-el-baru'));
		await env.db.update(services).set({ translations: null }).where(eq(services.slug, 'ktp-el-hilang'));
		const rows = await env.db
			.select({ slug: services.slug, indonesian: services.name, name: localizedName(services, 'en') })
			.from(services)
			.where(eq(services.officeId, 'disdukcapil'));
		for (const slug of ['ktp-el-baru', 'ktp-el-hilang']) {
			const row = rows.find((r) => r.slug === slug)!;
			expect(row.name).toBe(row.indonesian);
		}
	});

	it('names the services of /kinerja in the reader’s language', async () => {
		const english = await inEnglish(() => figures(env.db));
		const indonesian = await figures(env.db);
		const name = (f: typeof english, slug: string) => f.services.find((s) => s.slug === slug)?.name;
		expect(name(english, 'akta-kelahiran')).toBe('Akta Kelahiran (birth certificate)');
		expect(name(indonesian, 'akta-kelahiran')).toBe('Akta Kelahiran');
	});
});

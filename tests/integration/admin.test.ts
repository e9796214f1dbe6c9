/**
 * The admin's verbs against a real libSQL file database: officers (create, move, withdraw, and that the
 * last two end the officer's sessions), editing a service's standard and SLA, an office's document number
 * format, and the holiday calendar.
 */
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as session from '../../src/lib/server/auth/session';
import * as catalogue from '../../src/lib/server/catalogue';
import type { Database } from '../../src/lib/server/db/open';
import { sessions, users } from '../../src/lib/server/db/schema';
import * as holidays from '../../src/lib/server/holidays';
import * as offices from '../../src/lib/server/offices';
import * as staff from '../../src/lib/server/staff';
import { freshDatabase } from './db';

let db: Database;
let cleanup: () => void;
beforeAll(async () => {
	({ db, cleanup } = await freshDatabase({ demo: true }));
});
afterAll(() => cleanup());

async function newOfficer(phone: string, officeId: 'disdukcapil' | 'dpmptsp' = 'disdukcapil') {
	const input = v.parse(staff.newOfficerSchema, { name: 'Rina Petugas', phone, password: 'meja loket nomor tiga', officeId });
	const result = await staff.createOfficer(db, input);
	if (!result.ok) throw new Error(`could not create officer ${phone}`);
	return result.userId;
}

const sessionCount = async (userId: string) =>
	(await db.select().from(sessions).where(eq(sessions.userId, userId))).length;

describe('officers', () => {
	it('creates an officer account with its office, phone in E.164 and a hashed password', async () => {
		const userId = await newOfficer('0813 2222 0001', 'dpmptsp');
		const [user] = await db.select().from(users).where(eq(users.id, userId));
		expect(user).toMatchObject({ role: 'officer', officeId: 'dpmptsp', phone: '+6281322220001' });
		expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
		const { officers } = await staff.listOfficers(db);
		expect(officers.find((o) => o.id === userId)?.office).toBe('DPMPTSP');
	});

	it('refuses a phone that already has an account, and a weak or missing password and office', async () => {
		await newOfficer('0813 2222 0002');
		const again = v.parse(staff.newOfficerSchema, {
			name: 'Orang Lain',
			phone: '+6281322220002',
			password: 'kursi antrean biru',
			officeId: 'dpmptsp'
		});
		expect(await staff.createOfficer(db, again)).toEqual({ ok: false, reason: 'phone_taken' });

		const bad = v.safeParse(staff.newOfficerSchema, { name: 'X', phone: '0812', password: 'password123', officeId: 'kecamatan' });
		expect(bad.success).toBe(false);
		const fields = new Set(bad.issues?.map((i) => v.getDotPath(i)));
		expect(fields).toEqual(new Set(['name', 'phone', 'officeId']));
		const weak = v.safeParse(staff.newOfficerSchema, { name: 'Rina', phone: '081322220003', password: 'password123', officeId: 'dpmptsp' });
		expect(weak.issues?.[0]?.message).toMatch(/terlalu mudah ditebak/);
	});

	it('moves an officer to another office and ends all their sessions, and only theirs', async () => {
		const userId = await newOfficer('0813 2222 0010');
		const { token } = await session.create(db, userId);
		await session.create(db, userId);
		const [admin] = await db.select().from(users).where(eq(users.role, 'admin'));
		const adminSession = await session.create(db, admin!.id);

		expect(await staff.moveOfficer(db, { userId, officeId: 'dpmptsp' })).toEqual({ ok: true, name: 'Rina Petugas' });
		const [user] = await db.select().from(users).where(eq(users.id, userId));
		expect(user?.officeId).toBe('dpmptsp');
		expect(await sessionCount(userId)).toBe(0);
		expect(await session.validate(db, token)).toBeNull();
		expect(await session.validate(db, adminSession.token)).not.toBeNull();
	});

	it('does nothing when the officer is already in that office, and keeps their sessions', async () => {
		const userId = await newOfficer('0813 2222 0011', 'dpmptsp');
		await session.create(db, userId);
		expect(await staff.moveOfficer(db, { userId, officeId: 'dpmptsp' })).toEqual({ ok: false, reason: 'unchanged' });
		expect(await sessionCount(userId)).toBe(1);
	});

	it('withdraws the officer role: the account becomes a citizen without an office, signed out', async () => {
		const userId = await newOfficer('0813 2222 0020');
		const { token } = await session.create(db, userId);
		expect(await staff.withdrawOfficer(db, userId)).toEqual({ ok: true, name: 'Rina Petugas' });
		const [user] = await db.select().from(users).where(eq(users.id, userId));
		expect(user).toMatchObject({ role: 'citizen', officeId: null });
		expect(await session.validate(db, token)).toBeNull();
		expect((await staff.listOfficers(db)).officers.some((o) => o.id === userId)).toBe(false);
	});

	it('touches only officers: an admin or a citizen cannot be moved or withdrawn here', async () => {
		const [admin] = await db.select().from(users).where(eq(users.role, 'admin'));
		const { token } = await session.create(db, admin!.id);
		expect(await staff.withdrawOfficer(db, admin!.id)).toEqual({ ok: false, reason: 'not_found' });
		expect(await staff.moveOfficer(db, { userId: admin!.id, officeId: 'dpmptsp' })).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const [after] = await db.select().from(users).where(eq(users.id, admin!.id));
		expect(after).toMatchObject({ role: 'admin', officeId: null });
		expect(await session.validate(db, token)).not.toBeNull();
	});
});

describe('services', () => {
	/** The edit form as an admin submits it: everything as stored, with `changes` on top. */
	async function formFor(slug: string, changes: Record<string, unknown> = {}) {
		const found = await catalogue.find(db, slug);
		const { service } = found!;
		// the browser sends a textarea's lines with \r\n
		const values = catalogue.serviceFormValues(service);
		return v.parse(catalogue.serviceFormSchema, { ...values, procedure: values.procedure.replaceAll('\n', '\r\n'), ...changes });
	}

	it('changes the SLA; the time sentence and the procedure, left as they were, follow it', async () => {
		const before = (await catalogue.find(db, 'akta-kelahiran'))!.service;
		expect(before.slaValue).toBe(3);
		expect(before.standard.time).toMatch(/^Paling lama 3 hari kerja/);

		const result = await catalogue.update(db, 'akta-kelahiran', await formFor('akta-kelahiran', { slaValue: '2' }));
		expect(result).toEqual({ ok: true, name: 'Akta Kelahiran' });

		const { service } = (await catalogue.findActive(db, 'akta-kelahiran'))!;
		expect(service).toMatchObject({ slaValue: 2, slaUnit: 'days' });
		expect(service.standard.time).toMatch(/^Paling lama 2 hari kerja sejak berkas lengkap/);
		expect(service.standard.procedure.some((line) => line.includes('paling lama 2 hari kerja'))).toBe(true);
		expect(service.standard.procedure.join(' ')).not.toContain('3 hari kerja');
		// SP4N-LAPOR!'s own "3 working days" is not the service's SLA and stays
		expect(service.standard.complaints).toContain('paling lama 3 hari kerja');
		expect(service.standard.requirements).toEqual(before.standard.requirements);
		expect(service.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
	});

	it('switches to working hours and keeps one item per line, without blank lines', async () => {
		const form = await formFor('kk-perubahan', {
			slaValue: '4',
			slaUnit: 'hours',
			time: 'Paling lama 4 jam kerja setelah berkas lengkap.',
			requirements: 'Kartu Keluarga lama\n\n  Surat keterangan pindah  \n'
		});
		expect(await catalogue.update(db, 'kk-perubahan', form)).toMatchObject({ ok: true });
		const { service } = (await catalogue.find(db, 'kk-perubahan'))!;
		expect(service).toMatchObject({ slaValue: 4, slaUnit: 'hours' });
		expect(service.standard.requirements.map((r) => r.text)).toEqual(['Kartu Keluarga lama', 'Surat keterangan pindah']);
	});

	it('refuses a time sentence that promises something else than the SLA, and a fee for a population document', async () => {
		const form = await formFor('akta-kematian', { slaValue: '5', time: 'Paling lama 3 hari kerja.', fee: 'Rp10.000' });
		const result = await catalogue.update(db, 'akta-kematian', form);
		expect(result).toMatchObject({ ok: false, reason: 'invalid' });
		if (result.ok || result.reason !== 'invalid') return;
		expect(result.errors.time).toBe('Jangka waktu harus menyebut waktu layanan yang sama: 5 hari kerja.');
		expect(result.errors.fee).toMatch(/Pasal 79A/);
		expect((await catalogue.find(db, 'akta-kematian'))!.service.slaValue).toBe(3);
	});

	it('refuses empty texts, a complaints text without SP4N-LAPOR! and an SLA that is not a whole number', async () => {
		const found = (await catalogue.find(db, 'izin-usaha'))!.service;
		const bad = v.safeParse(catalogue.serviceFormSchema, {
			name: ' ',
			summary: found.summary,
			description: found.description,
			requirements: '\n \n',
			procedure: found.standard.procedure.join('\n'),
			time: found.standard.time,
			fee: found.standard.fee,
			feeBasis: '',
			product: found.standard.product,
			complaints: 'Hubungi kantor.',
			slaValue: '2,5',
			slaUnit: 'weeks',
			inPerson: false,
			active: true,
			consentBy: 'resident',
			issuedTitle: '',
			issuedHolder: '',
			issuedShows: []
		});
		expect(bad.success).toBe(false);
		const fields = new Set(bad.issues?.map((i) => v.getDotPath(i)));
		expect(fields).toEqual(new Set(['name', 'requirements', 'complaints', 'slaValue', 'slaUnit']));
	});

	it('keeps who must consent on the service row: seeded from the catalogue, set by the admin', async () => {
		const birth = (await catalogue.find(db, 'akta-kelahiran'))!.service;
		expect(birth.consentBy).toBe('parent');
		expect(catalogue.journeyOf(birth, true).consentBy).toBe('parent');
		expect((await catalogue.find(db, 'izin-usaha'))!.service.consentBy).toBe('resident');

		expect(await catalogue.update(db, 'akta-kelahiran', await formFor('akta-kelahiran', { consentBy: 'resident' }))).toMatchObject({ ok: true });
		const { service } = (await catalogue.findActive(db, 'akta-kelahiran'))!;
		expect(catalogue.journeyOf(service, true).consentBy).toBe('resident');

		expect(v.safeParse(catalogue.serviceFormSchema.entries.consentBy, 'neighbour').issues?.[0]?.message).toBe(
			'Pilih siapa yang menyetujui.'
		);
		await catalogue.update(db, 'akta-kelahiran', await formFor('akta-kelahiran', { consentBy: 'parent' }));
		expect((await catalogue.find(db, 'akta-kelahiran'))!.service.consentBy).toBe('parent');
	});

	it('sets what the issued document shows: its title, in whose name, which answers, only printable ones', async () => {
		const before = (await catalogue.find(db, 'akta-kelahiran'))!.service.issued;
		expect(before?.holder).toBe('child_name');
		const form = await formFor('akta-kelahiran', {
			issuedTitle: '  Kutipan Akta Kelahiran ',
			issuedHolder: 'child_name',
			issuedShows: ['child_birth_date', 'child_birth_place', 'child_birth_date']
		});
		expect(await catalogue.update(db, 'akta-kelahiran', form)).toMatchObject({ ok: true });
		expect((await catalogue.find(db, 'akta-kelahiran'))!.service.issued).toEqual({
			title: 'Kutipan Akta Kelahiran',
			holder: 'child_name',
			shows: ['child_birth_date', 'child_birth_place']
		});

		// a NIK stays sealed, a field of another service does not exist here, a date does not name a person
		for (const changes of [{ issuedShows: ['mother_nik'] }, { issuedShows: ['business_name'] }, { issuedHolder: 'child_birth_date' }]) {
			const result = await catalogue.update(db, 'akta-kelahiran', await formFor('akta-kelahiran', changes));
			expect(result, JSON.stringify(changes)).toMatchObject({ ok: false, reason: 'invalid' });
			if (result.ok || result.reason !== 'invalid') continue;
			expect(Object.values(result.errors)).toEqual(['Pilih isian dari daftar layanan ini.']);
		}

		// nothing set: the applicant's name only
		await catalogue.update(db, 'akta-kelahiran', await formFor('akta-kelahiran', { issuedTitle: '', issuedHolder: '', issuedShows: [] }));
		expect((await catalogue.find(db, 'akta-kelahiran'))!.service.issued).toBeNull();
		await catalogue.update(db, 'akta-kelahiran', await formFor('akta-kelahiran', { issuedTitle: '', issuedHolder: before!.holder, issuedShows: [...before!.shows] }));
		expect((await catalogue.find(db, 'akta-kelahiran'))!.service.issued).toEqual(before);
	});

	it('hides an inactive service from citizens but not from the admin', async () => {
		await catalogue.update(db, 'ktp-el-rusak', await formFor('ktp-el-rusak', { active: false }));
		expect(await catalogue.findActive(db, 'ktp-el-rusak')).toBeNull();
		expect((await catalogue.listActive(db)).some((s) => s.slug === 'ktp-el-rusak')).toBe(false);
		expect((await catalogue.listAll(db)).find((s) => s.slug === 'ktp-el-rusak')?.active).toBe(false);
	});

	it('answers not_found for an unknown service', async () => {
		const form = await formFor('akta-kelahiran');
		expect(await catalogue.update(db, 'tidak-ada', form)).toEqual({ ok: false, reason: 'not_found' });
	});
});

describe('the holiday calendar', () => {
	it('holds the 2026 decree: 25 dates, 240 working days, known until 2026', async () => {
		const { years, knownUntilYear } = await holidays.calendar(db);
		expect(knownUntilYear).toBe(2026);
		expect(years.map((y) => [y.year, y.days.length, y.workingDays])).toEqual([[2026, 25, 240]]);
	});

	it('adds a date of a new year, which extends the known calendar, and removes it again', async () => {
		const input = v.parse(holidays.holidaySchema, { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'libur' });
		expect(await holidays.add(db, input)).toEqual({ ok: true });
		let cal = await holidays.calendar(db);
		expect(cal.knownUntilYear).toBe(2027);
		expect(cal.years.at(-1)?.days).toEqual([{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'libur' }]);

		expect(await holidays.remove(db, '2027-01-01')).toBe(true);
		expect(await holidays.remove(db, '2027-01-01')).toBe(false);
		cal = await holidays.calendar(db);
		expect(cal.knownUntilYear).toBe(2026);
	});

	it('a new cuti bersama takes a working day off the year', async () => {
		const input = v.parse(holidays.holidaySchema, { date: '2026-12-31', name: 'Cuti bersama akhir tahun', kind: 'cuti_bersama' });
		expect(await holidays.add(db, input)).toEqual({ ok: true });
		expect((await holidays.calendar(db)).years[0]?.workingDays).toBe(239);
		await holidays.remove(db, '2026-12-31');
	});

	it('refuses a date that is already in the calendar, naming it, and dates that do not exist', async () => {
		const again = v.parse(holidays.holidaySchema, { date: '2026-08-17', name: 'Hari Kemerdekaan', kind: 'libur' });
		expect(await holidays.add(db, again)).toEqual({
			ok: false,
			reason: 'exists',
			existing: 'Hari Kemerdekaan Republik Indonesia'
		});
		for (const date of ['2026-02-30', '17-08-2026', '2026-8-17', '']) {
			expect(v.safeParse(holidays.holidaySchema, { date, name: 'Libur', kind: 'libur' }).success, date).toBe(false);
		}
		expect(v.safeParse(holidays.holidaySchema, { date: '2027-03-10', name: 'Nyepi', kind: 'cuti' }).success).toBe(false);
	});
});

describe("an office's document number format", () => {
	const parse = (documentNumber: string, officeId = 'dpmptsp') => v.safeParse(offices.numberFormatSchema, { officeId, documentNumber });

	it('saves a new format for the next documents, trimmed', async () => {
		const parsed = parse('  510/{kode}/DPMPTSP/{tahun}/{kode} ');
		expect(parsed.success).toBe(true);
		if (!parsed.success) return;
		expect(await offices.setNumberFormat(db, parsed.output)).toEqual({ ok: true, name: 'DPMPTSP' });
		const stored = (await offices.listOffices(db)).find((o) => o.id === 'dpmptsp');
		expect(stored?.documentNumber).toBe('510/{kode}/DPMPTSP/{tahun}/{kode}');
		expect((await offices.listOffices(db)).find((o) => o.id === 'disdukcapil')?.documentNumber).toBe(
			'474/{kode}/Disdukcapil/{tahun}'
		);
	});

	it('refuses a format without {kode}, with an unknown placeholder, too long or empty, in Indonesian', () => {
		const message = (format: string) => {
			const parsed = parse(format);
			return parsed.success ? null : parsed.issues.map((i) => [v.getDotPath(i), i.message]);
		};
		expect(message('503/DPMPTSP/{tahun}')).toEqual([['documentNumber', 'Format nomor harus memuat {kode}, agar setiap nomor berbeda.']]);
		expect(message('503/{kode}/{tahn}')?.[0]?.[1]).toMatch(/hanya boleh memakai \{kode\}, \{tahun\}/);
		expect(message('503/{kode}/{tahun')?.[0]?.[1]).toMatch(/hanya boleh memakai/);
		expect(message(`{kode}/${'x'.repeat(80)}`)?.[0]?.[1]).toBe('Format nomor paling panjang 80 karakter.');
		expect(message('   ')?.[0]?.[1]).toBe('Tulis format nomor.');
	});

	it('answers not_found for an unknown office', async () => {
		expect(await offices.setNumberFormat(db, { officeId: 'kecamatan', documentNumber: '{kode}' })).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});

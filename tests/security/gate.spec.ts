/**
 * Doors: every protected page and every form action, asked by every role and by nobody, through every
 * spelling of its path that a router might read as the same route (percent-encoded letters, doubled and
 * trailing slashes, dot segments, encoded slashes, path parameters, case). The expected outcome is written
 * here, independently of domain/roles.ts. Side effects are checked in the database afterwards: a refused
 * post must also have changed nothing.
 */
import { expect, test } from '@playwright/test';
import { demo, e2eDatabase, uniquePhone } from '../e2e/helpers';
import { e164, form, refused, send, session, Tally } from './support';
import { birthApplication } from './applications';

const tally = new Tally('gate');
test.afterAll(() => tally.write());

type Who = 'anonymous' | 'citizen' | 'volunteer' | 'officer' | 'admin';
const everyone: Who[] = ['anonymous', 'citizen', 'volunteer', 'officer', 'admin'];

/** Spellings of one path that a lax gate could read differently from the router. */
export function variants(path: string): string[] {
	const [first, ...rest] = path.slice(1).split('/');
	const tail = rest.length ? `/${rest.join('/')}` : '';
	const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
	const out = new Set<string>([
		path,
		`/${hex(first![0]!)}${first!.slice(1)}${tail}`,
		`/${hex(first![0]!).toUpperCase()}${first!.slice(1)}${tail}`,
		`/${[...first!].map(hex).join('')}${tail}`,
		`//${first}${tail}`,
		`/${first}//${rest.join('/')}`,
		`${path}/`,
		`/./${first}${tail}`,
		`/${first}/./${rest.join('/')}`,
		`/x/../${first}${tail}`,
		`/${first}%2f${rest.join('%2f')}`,
		`/${first}%2F${rest.join('%2F')}`,
		`/${first};x${tail}`,
		`/${first!.toUpperCase()}${tail}`,
		`/%25${hex(first![0]!).slice(1)}${first!.slice(1)}${tail}`,
		`/${first}${tail}%20`,
		`/${first}${tail}?x=1`,
		`/${first}${tail}%3F`
	]);
	return [...out];
}

const fakeId = '00000000-0000-4000-8000-000000000000';

/** Pages, with who may open them. */
const pages: { path: string; may: Who[] }[] = [
	{ path: '/akun', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/akun/relawan', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/akun/klaim', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/akun/sandi', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/notifikasi', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/permohonan', may: ['citizen', 'volunteer', 'officer'] },
	{ path: `/permohonan/${fakeId}`, may: [] },
	{ path: `/permohonan/${fakeId}/slip`, may: [] },
	{ path: `/permohonan/${fakeId}/hasil`, may: [] },
	{ path: `/permohonan/${fakeId}/jadwal`, may: [] },
	{ path: `/permohonan/${fakeId}/perbaiki`, may: [] },
	{ path: `/dokumen/${fakeId}`, may: [] },
	{ path: '/ajukan/akta-kelahiran', may: ['citizen', 'volunteer', 'officer'] },
	{ path: '/akun/kabar', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/akun/nomor', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/relawan', may: ['volunteer'] },
	{ path: '/petugas', may: ['officer'] },
	{ path: '/petugas/jadwal', may: ['officer'] },
	{ path: '/petugas/loket', may: ['officer'] },
	{ path: `/petugas/permohonan/${fakeId}`, may: [] },
	{ path: '/admin', may: ['admin'] },
	{ path: '/admin/petugas', may: ['admin'] },
	{ path: '/admin/layanan', may: ['admin'] },
	{ path: '/admin/layanan/akta-kelahiran', may: ['admin'] },
	{ path: '/admin/hari-libur', may: ['admin'] },
	{ path: '/admin/lokasi', may: ['admin'] },
	{ path: '/admin/kantor', may: ['admin'] },
	{ path: '/admin/relawan', may: ['admin'] },
	{ path: '/admin/permohonan', may: ['admin'] },
	{ path: '/admin/kabar', may: ['admin'] },
	{ path: `/admin/permohonan/${fakeId}`, may: [] },
	{ path: '/akun/data', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/akun/data/unduh', may: ['citizen', 'volunteer', 'officer', 'admin'] },
	{ path: '/admin/data-pribadi', may: ['admin'] },
	{ path: '/admin/pengaduan', may: ['admin'] },
	{ path: '/admin/ikm', may: ['admin'] },
	{ path: '/petugas/pengaduan', may: ['officer'] },
	{ path: `/petugas/pengaduan/${fakeId}`, may: [] },
	{ path: `/admin/pengaduan/${fakeId}`, may: [] }
];

const attackPhone = `+62${uniquePhone().slice(1)}`;
const attackDate = '2026-12-30';

/** Form actions, with who may use them and a body that would do harm if it were let through. */
const actions: { path: string; may: Who[]; body: Record<string, string> }[] = [
	{ path: '/admin/petugas?/buat', may: ['admin'], body: { name: 'Penyusup', phone: attackPhone, officeId: 'disdukcapil', password: 'sandi-penyusup-2026' } },
	{ path: '/admin/petugas?/pindah', may: ['admin'], body: { userId: fakeId, officeId: 'dpmptsp' } },
	{ path: '/admin/petugas?/cabut', may: ['admin'], body: { userId: fakeId } },
	{ path: '/admin/hari-libur?/tambah', may: ['admin'], body: { date: attackDate, name: 'Libur palsu', kind: 'holiday' } },
	{ path: '/admin/hari-libur?/hapus', may: ['admin'], body: { date: '2026-12-25' } },
	{ path: '/admin/layanan/akta-kelahiran?/simpan', may: ['admin'], body: { name: 'Layanan dibajak', slaValue: '99', slaUnit: 'working_days' } },
	{ path: '/admin/lokasi?/buat', may: ['admin'], body: { locationId: 'disdukcapil', from: '2026-12-28', to: '2026-12-28', times: '08:00', capacity: '1' } },
	{ path: '/admin/lokasi?/kapasitas', may: ['admin'], body: { slotId: fakeId, capacity: '0' } },
	{ path: '/admin/kantor?/nomor', may: ['admin'], body: { officeId: 'dpmptsp', documentNumber: 'DIBAJAK/{kode}' } },
	{ path: '/admin/relawan?/setujui', may: ['admin'], body: { requestId: fakeId } },
	{ path: '/admin/relawan?/tolak', may: ['admin'], body: { requestId: fakeId, note: 'x' } },
	{ path: '/admin/relawan?/cabut', may: ['admin'], body: { userId: fakeId } },
	{ path: `/admin/permohonan/${fakeId}?/alihkan`, may: ['admin'], body: { officerId: fakeId } },
	{ path: `/petugas/permohonan/${fakeId}?/claim`, may: [], body: {} },
	{ path: `/petugas/permohonan/${fakeId}?/approve`, may: [], body: {} },
	{ path: `/petugas/permohonan/${fakeId}?/reject`, may: [], body: { note: 'ditolak' } },
	{ path: `/petugas/permohonan/${fakeId}?/request_correction`, may: [], body: { note: 'perbaiki', fields: 'child_name' } },
	{ path: `/petugas/permohonan/${fakeId}?/complete`, may: [], body: { kind: 'issued' } },
	{ path: `/petugas/permohonan/${fakeId}?/checklist`, may: [], body: { checked: 'kk_scan' } },
	{ path: `/petugas/permohonan/${fakeId}?/result_revoked`, may: [], body: { reason: 'dicabut' } },
	{ path: `/permohonan/${fakeId}?/cancel`, may: [], body: {} },
	{ path: `/permohonan/${fakeId}/jadwal?/pesan`, may: [], body: { slotId: fakeId } },
	{ path: `/permohonan/${fakeId}/jadwal?/pindah`, may: [], body: { slotId: fakeId } },
	{ path: `/permohonan/${fakeId}/jadwal?/batal`, may: [], body: {} },
	{ path: `/permohonan/${fakeId}/perbaiki`, may: [], body: { child_name: 'x' } },
	{ path: '/akun/relawan', may: ['citizen', 'volunteer', 'officer', 'admin'], body: { kelurahan: '6372041002', motivation: 'x' } },
	{ path: '/akun/klaim', may: ['citizen', 'volunteer', 'officer', 'admin'], body: { code: 'ABCD2345', phone: '0812' } },
	{ path: '/akun/data?/request', may: ['citizen', 'volunteer', 'officer', 'admin'], body: { kind: 'deletion', detail: 'hapus' } },
	{ path: '/admin/data-pribadi?/answer', may: ['admin'], body: { requestId: fakeId, status: 'done', answer: 'sudah' } },
	{ path: '/admin/ikm', may: ['admin'], body: { serviceSlug: 'akta-kelahiran', month: '2026-11', text: 'Tindak lanjut palsu' } },
	{ path: '/petugas/loket', may: ['officer'], body: { cari: '6372045204950001' } },
	{ path: `/petugas/pengaduan/${fakeId}`, may: [], body: { answer: 'Jawaban palsu' } },
	{ path: `/admin/pengaduan/${fakeId}`, may: [], body: { answer: 'Jawaban palsu' } }
];

async function cookies() {
	const jar: Partial<Record<Who, string>> = {};
	jar.citizen = await session(demo('citizen').phone, demo('citizen').password);
	jar.volunteer = await session(demo('volunteer').phone, demo('volunteer').password);
	jar.officer = await session(demo('officer', 'disdukcapil').phone, demo('officer', 'disdukcapil').password);
	jar.admin = await session(demo('admin').phone, demo('admin').password);
	return jar;
}

test('every protected page refuses nobody and the wrong roles, in every spelling of its path', async () => {
	const jar = await cookies();
	for (const page of pages) {
		for (const who of everyone) {
			if (page.may.includes(who)) continue;
			// nobody gets every spelling; signed-in users every spelling of the pages their role may not open
			const spellings = who === 'anonymous' || page.may.length > 0 ? variants(page.path) : [page.path];
			for (const path of spellings) {
				const reply = await send(path, { cookie: who === 'anonymous' ? undefined : jar[who] });
				tally.check('protected pages × roles × path spellings', refused(reply), `${who} GET ${path} → ${reply.status} ${reply.location}`);
			}
		}
	}
});

test('every form action refuses nobody and the wrong roles, in every spelling of its path, and changes nothing', async () => {
	const jar = await cookies();
	for (const action of actions) {
		const [path, query] = action.path.split('?');
		for (const who of everyone) {
			if (action.may.includes(who)) continue;
			const spellings = who === 'anonymous' ? variants(path!) : [path!, variants(path!)[1]!];
			for (const spelled of spellings) {
				const target = query ? `${spelled}?${query}` : spelled;
				for (const accept of ['text/html', 'application/json']) {
					const body = form(action.body);
					const reply = await send(target, {
						method: 'POST',
						cookie: who === 'anonymous' ? undefined : jar[who],
						headers: { ...body.headers, accept },
						body: body.body
					});
					tally.check('form actions × roles × path spellings', refused(reply), `${who} POST ${target} (${accept}) → ${reply.status} ${reply.location}${reply.body.slice(0, 80)}`);
				}
			}
		}
	}

	const db = e2eDatabase();
	try {
		const officer = await db.execute({ sql: 'select id from users where phone = ?', args: [attackPhone] });
		tally.check('refused posts changed nothing', officer.rows.length === 0, 'no officer account was created');
		const holiday = await db.execute({ sql: 'select date from holidays where date = ?', args: [attackDate] });
		tally.check('refused posts changed nothing', holiday.rows.length === 0, 'no holiday was added');
		const christmas = await db.execute({ sql: "select date from holidays where date = '2026-12-25'", args: [] });
		tally.check('refused posts changed nothing', christmas.rows.length === 1, 'no holiday was removed');
		const service = await db.execute({ sql: "select name from services where slug = 'akta-kelahiran'", args: [] });
		tally.check('refused posts changed nothing', service.rows[0]?.name !== 'Layanan dibajak', 'the service text is unchanged');
		const office = await db.execute({ sql: "select document_number from offices where id = 'dpmptsp'", args: [] });
		tally.check('refused posts changed nothing', !String(office.rows[0]?.document_number).startsWith('DIBAJAK'), "the office's number format is unchanged");
	} finally {
		db.close();
	}
});

test("a citizen cannot approve their own volunteer request, by any spelling of the admin's action", async () => {
	const citizen = await session(demo('citizen').phone, demo('citizen').password);
	const asked = await send('/akun/relawan', { method: 'POST', cookie: citizen, ...form({ kelurahan: '6372041002', motivation: 'Saya ingin membantu tetangga.' }) });
	expect([303, 400]).toContain(asked.status);
	const db = e2eDatabase();
	try {
		const rows = await db.execute({
			sql: "select r.id from volunteer_requests r join users u on u.id = r.user_id where u.phone = ? and r.status = 'pending'",
			args: [e164(demo('citizen').phone)]
		});
		const requestId = String(rows.rows[0]?.id ?? fakeId);
		for (const path of variants('/admin/relawan')) {
			const reply = await send(`${path}?/setujui`, { method: 'POST', cookie: citizen, ...form({ requestId }) });
			tally.check('form actions × roles × path spellings', refused(reply), `citizen approves own request via ${path}`);
		}
		const role = await db.execute({ sql: 'select role from users where phone = ?', args: [e164(demo('citizen').phone)] });
		tally.check('refused posts changed nothing', role.rows[0]?.role === 'citizen', 'the citizen is still a citizen');
	} finally {
		db.close();
	}
});

test("other users' records: an application, its documents, slip, result, appointments and corrections", async () => {
	const own = await birthApplication();
	const jar = await cookies();
	const dpmptsp = await session(demo('officer', 'dpmptsp').phone, demo('officer', 'dpmptsp').password);
	const strangers: [string, string][] = [
		['another citizen', jar.citizen!],
		['a volunteer who did not help', jar.volunteer!],
		['an officer of the other office', dpmptsp]
	];
	const residentPaths = ['', '/slip', '/hasil', '/jadwal', '/perbaiki'].map((p) => `/permohonan/${own.id}${p}`);
	for (const [who, cookie] of strangers) {
		for (const path of [...residentPaths, `/dokumen/${own.documentId}`, `/petugas/permohonan/${own.id}`]) {
			const reply = await send(path, { cookie });
			tally.check("other users' records", refused(reply), `${who} GET ${path} → ${reply.status}`);
		}
		for (const path of [`/permohonan/${own.id}?/cancel`, `/permohonan/${own.id}/jadwal?/batal`, `/petugas/permohonan/${own.id}?/claim`, `/petugas/permohonan/${own.id}?/tolak`]) {
			const reply = await send(path, { method: 'POST', cookie, ...form({ note: 'bukan milik saya' }) });
			tally.check("other users' records", refused(reply), `${who} POST ${path} → ${reply.status}`);
		}
	}
	const db = e2eDatabase();
	try {
		const row = await db.execute({ sql: 'select status, assigned_officer_id from applications where id = ?', args: [own.id] });
		tally.check('refused posts changed nothing', row.rows[0]?.status === 'submitted' && row.rows[0]?.assigned_officer_id === null, 'the application is untouched');
	} finally {
		db.close();
	}
	// the applicant still gets in: the refusals above are not a broken page
	const mine = await send(`/permohonan/${own.id}`, { cookie: own.cookie });
	expect(mine.status).toBe(200);
	const doc = await send(`/dokumen/${own.documentId}`, { cookie: own.cookie });
	expect(doc.status).toBe(200);
});

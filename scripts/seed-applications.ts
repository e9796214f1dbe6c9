/**
 * `npm run db:seed-applications -- --db file:data/bench.db --count 100000`: fills a local database with
 * realistic submitted applications, to look at a full officer queue or to measure it (`npm run bench:queue`).
 *
 * The database is migrated and seeded first (demo accounts included), then `count` applications are added:
 * spread over every service in the catalogue (and so both offices) by how often each is asked for, over all
 * statuses (about two in three still open), submitted over the past year with open ones mostly recent, so
 * that due times fall both in the past (overdue) and in the future. Applications an officer has claimed are
 * assigned to one, about a third of them to the demo officer of their office, so "assigned to me" has work.
 * Each application gets its one 'submitted' event, as a real submission does.
 *
 * The data is drawn from a seeded generator (`--seed`), so two runs with the same arguments build the same
 * database. Rows go in as multi-row INSERTs of 500, several per `db.batch` (one transaction and one round
 * trip each): 100,000 applications load in seconds. Running it again adds more; it never deletes.
 *
 * Relative imports only: tsx does not resolve `$lib`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { count as count_, eq, inArray } from 'drizzle-orm';
import { calendarFrom } from '../src/lib/domain/holidays';
import { kelurahanList } from '../src/lib/domain/kelurahan';
import { normalizePhone } from '../src/lib/domain/phone';
import type { OfficeId, SlaUnit } from '../src/lib/domain/service';
import { generateTrackingCode } from '../src/lib/domain/tracking-code';
import { openStatuses as openStatusList, type Status } from '../src/lib/domain/workflow';
import { dueAt } from '../src/lib/domain/working-time';
import { hashPassword } from '../src/lib/server/auth/password';
import type { Database } from '../src/lib/server/db/open';
import { prepareDatabase } from '../src/lib/server/db/prepare';
import {
	applicationEvents,
	applications,
	holidays,
	services,
	users,
	type Application,
	type CorrectionRequest
} from '../src/lib/server/db/schema';
import { demoAccounts } from '../src/lib/server/db/seed';

const ROWS_PER_INSERT = 500;
const INSERTS_PER_BATCH = 10;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** How often each service is asked for, relative to the others; a service not listed here weighs 5. */
const serviceWeights: Record<string, number> = {
	'ktp-el-baru': 20,
	'akta-kelahiran': 18,
	'kk-perubahan': 15,
	'izin-usaha': 15,
	'akta-kematian': 8,
	'ktp-el-hilang': 8,
	'ktp-el-perubahan-data': 8,
	'ktp-el-rusak': 6
};

/** About 65% still open: the queue's worst case, bigger than a real office's backlog. */
const statusWeights: Record<Status, number> = {
	submitted: 28,
	in_review: 18,
	needs_correction: 8,
	resubmitted: 5,
	approved: 6,
	completed: 25,
	rejected: 5,
	cancelled: 5
};
const openStatuses = new Set<Status>(openStatusList);

const firstNames = [
	'Ahmad', 'Muhammad', 'Siti', 'Nur', 'Rahmat', 'Dewi', 'Budi', 'Rina', 'Fitri', 'Agus', 'Yusuf', 'Aisyah',
	'Rudi', 'Lestari', 'Hendra', 'Wahyu', 'Putri', 'Fauzan', 'Intan', 'Ratna', 'Gusti', 'Syahrani', 'Norhayati',
	'Mahmud', 'Halimah', 'Rizki', 'Aulia', 'Noor', 'Iwan', 'Yuliani'
];
const lastNames = [
	'Rahman', 'Hidayat', 'Saputra', 'Lestari', 'Wijaya', 'Fauzi', 'Rahmah', 'Kurniawan', 'Hasanah', 'Pratama',
	'Maulida', 'Arsyad', 'Ansyari', 'Effendi', 'Syarifuddin', 'Kamaludin', 'Nurjanah', 'Rusdi', 'Hamdani', 'Zainal'
];

/** mulberry32: small, fast, good enough to spread test data; seeded so runs repeat. */
function generator(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
	function weighted<T extends string>(weights: Record<T, number>): () => T {
		const entries = Object.entries(weights) as [T, number][];
		const total = entries.reduce((sum, [, w]) => sum + w, 0);
		return () => {
			let r = next() * total;
			for (const [key, w] of entries) if ((r -= w) < 0) return key;
			return entries.at(-1)![0];
		};
	}
	const bytes = (n: number) => {
		const out = new Uint8Array(n);
		for (let i = 0; i < n; i++) out[i] = int(256);
		return out;
	};
	const uuid = () => {
		const b = bytes(16);
		b[6] = (b[6]! & 0x0f) | 0x40;
		b[8] = (b[8]! & 0x3f) | 0x80;
		const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	};
	const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
	return { next, int, pick, weighted, bytes, uuid, digits };
}

/** Extra accounts so that work spreads over several officers per office and many residents. */
async function seedPeople(db: Database, officersPerOffice: number, residents: number) {
	// nobody logs in to these: a hash of a random secret nobody knows, computed once (Argon2id is slow on purpose)
	const passwordHash = await hashPassword(crypto.randomUUID());
	const people: (typeof users.$inferInsert)[] = [];
	(['disdukcapil', 'dpmptsp'] as const).forEach((officeId, o) => {
		for (let i = 0; i < officersPerOffice; i++) {
			people.push({
				id: crypto.randomUUID(),
				name: `Petugas Uji ${officeId === 'disdukcapil' ? 'Disdukcapil' : 'DPMPTSP'} ${i + 1}`,
				phone: `+6281990${o}${String(i).padStart(5, '0')}`,
				passwordHash,
				role: 'officer',
				officeId
			});
		}
	});
	for (let i = 0; i < residents; i++) {
		people.push({
			id: crypto.randomUUID(),
			name: `Warga Uji ${i + 1}`,
			phone: `+6281991${String(i).padStart(6, '0')}`,
			passwordHash,
			role: 'citizen'
		});
	}
	for (let i = 0; i < people.length; i += ROWS_PER_INSERT) {
		await db.insert(users).values(people.slice(i, i + ROWS_PER_INSERT)).onConflictDoNothing();
	}
}

export interface SeedOptions {
	count: number;
	/** Submission times are spread over the year before this instant. */
	now?: Date;
	seed?: number;
	onProgress?: (inserted: number) => void;
}

/** Adds `count` applications (and their 'submitted' events) to a migrated, seeded database. */
export async function seedApplications(db: Database, options: SeedOptions) {
	const { count, now = new Date(), seed = 1, onProgress } = options;
	// a second run on the same database must not draw the first run's ids and tracking codes again
	const [{ existing }] = (await db.select({ existing: count_() }).from(applications)) as [{ existing: number }];
	const random = generator(seed * 1_000_003 + existing);
	await seedPeople(db, 4, 500);

	const demoPhone = (role: string, officeId?: OfficeId) =>
		normalizePhone(demoAccounts.find((a) => a.role === role && a.officeId === officeId)!.phone)!;
	const [serviceRows, holidayRows, officerRows, citizenRows, demoRows] = await db.batch([
		db.select({ slug: services.slug, officeId: services.officeId, slaValue: services.slaValue, slaUnit: services.slaUnit }).from(services),
		db.select({ date: holidays.date }).from(holidays),
		db.select({ id: users.id, officeId: users.officeId, phone: users.phone }).from(users).where(eq(users.role, 'officer')),
		db.select({ id: users.id, name: users.name, phone: users.phone }).from(users).where(eq(users.role, 'citizen')),
		db
			.select({ id: users.id, phone: users.phone })
			.from(users)
			.where(inArray(users.phone, [demoPhone('officer', 'disdukcapil'), demoPhone('officer', 'dpmptsp'), demoPhone('volunteer')]))
	]);
	const calendar = calendarFrom(holidayRows);
	const bySlug = new Map(serviceRows.map((s) => [s.slug, s]));
	const pickService = random.weighted(Object.fromEntries(serviceRows.map((s) => [s.slug, serviceWeights[s.slug] ?? 5])));
	const pickStatus = random.weighted(statusWeights);
	const demoOfficer = (officeId: OfficeId) =>
		demoRows.find((r) => r.phone === demoPhone('officer', officeId))?.id;
	const volunteerId = demoRows.find((r) => r.phone === demoPhone('volunteer'))?.id ?? null;
	const officersOf = (officeId: OfficeId) => officerRows.filter((o) => o.officeId === officeId).map((o) => o.id);
	const officers = { disdukcapil: officersOf('disdukcapil'), dpmptsp: officersOf('dpmptsp') };
	const codes = new Set<string>();

	function application(): Application {
		const service = bySlug.get(pickService())!;
		const status = pickStatus();
		const open = openStatuses.has(status);
		// open work is mostly recent (squared: more of it in the last days); closed work spreads over a year
		const age = open ? 21 * DAY * random.next() ** 2 : 365 * DAY * random.next();
		const submittedAt = new Date(now.getTime() - age);
		const due = dueAt(submittedAt, { value: service.slaValue, unit: service.slaUnit as SlaUnit }, calendar).due;
		const claimed = status !== 'submitted' && status !== 'cancelled';
		const demo = demoOfficer(service.officeId);
		const assignedOfficerId = !claimed
			? null
			: demo && random.next() < 0.35
				? demo
				: random.pick(officers[service.officeId].length > 0 ? officers[service.officeId] : [demo ?? null]);
		const resident = random.pick(citizenRows);
		const name = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
		const phone = `+62812${random.digits(8)}`;
		let code: string;
		do code = generateTrackingCode(random.bytes);
		while (codes.has(code));
		codes.add(code);
		const touched = new Date(Math.min(now.getTime(), submittedAt.getTime() + random.int(3 * DAY)));
		const waiting = status === 'needs_correction';
		const correction: CorrectionRequest | null = waiting
			? { fields: [], documents: ['kk_scan'], note: 'Foto Kartu Keluarga kurang jelas. Mohon foto ulang di tempat terang.' }
			: null;
		return {
			id: random.uuid(),
			trackingCode: code,
			serviceSlug: service.slug,
			officeId: service.officeId,
			applicantId: resident.id,
			volunteerId: random.next() < 0.1 ? volunteerId : null,
			applicantName: name,
			applicantPhone: phone,
			answers: {
				applicant_name: name,
				applicant_nik: `637204${String(1 + random.int(28)).padStart(2, '0')}${String(1 + random.int(12)).padStart(2, '0')}${String(70 + random.int(30))}${String(1 + random.int(9999)).padStart(4, '0')}`,
				applicant_phone: phone,
				kelurahan: random.pick(kelurahanList).code
			},
			status,
			submittedAt,
			dueAt: due,
			pausedAt: waiting ? touched : null,
			assignedOfficerId,
			checklist: claimed ? { kk_scan: true } : {},
			correction,
			updatedAt: touched
		};
	}

	let inserted = 0;
	while (inserted < count) {
		const statements = [];
		for (let i = 0; i < INSERTS_PER_BATCH && inserted < count; i++) {
			const rows = Array.from({ length: Math.min(ROWS_PER_INSERT, count - inserted) }, application);
			statements.push(
				db.insert(applications).values(rows),
				db.insert(applicationEvents).values(
					rows.map((row) => ({
						applicationId: row.id,
						actorId: row.applicantId,
						type: 'submitted',
						toStatus: 'submitted' as const,
						visibleToCitizen: true,
						createdAt: row.submittedAt
					}))
				)
			);
			inserted += rows.length;
		}
		await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
		onProgress?.(inserted);
	}
	return { inserted };
}

// run as a script (not when imported by bench-queue.ts)
if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
	const { values } = parseArgs({
		options: {
			db: { type: 'string', default: 'file:data/bench.db' },
			count: { type: 'string', default: '100000' },
			seed: { type: 'string', default: '1' }
		}
	});
	const count = Number(values.count);
	if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a whole number ≥ 1, got ${values.count}`);
	if (!values.db.startsWith('file:')) throw new Error('Only a local file database (file:…) is filled with test data.');
	const db = await prepareDatabase({ url: values.db, demo: true });
	const started = performance.now();
	await seedApplications(db, {
		count,
		seed: Number(values.seed),
		onProgress: (n) => process.stdout.write(`\r${n.toLocaleString('id-ID')} / ${count.toLocaleString('id-ID')} permohonan`)
	});
	console.log(`\n${count.toLocaleString('id-ID')} permohonan dimuat ke ${values.db} dalam ${((performance.now() - started) / 1000).toFixed(1)} s`);
	db.$client.close();
}

/**
 * Becoming a volunteer (relawan): a citizen asks to become one for one of Banjarbaru's 20 kelurahan
 * (`request`); an admin approves (the account's role becomes `volunteer`, its kelurahan is set) or refuses
 * with a note; an admin can withdraw the role later (back to `citizen`). Every role change ends that user's
 * sessions, and the citizen is told in their notifications. The forms' schemas and the wording are in
 * `domain/volunteer-requests.ts`; results here carry reason codes.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type * as v from 'valibot';
import { kelurahanName } from '$lib/domain/kelurahan';
import { formatPhone } from '$lib/domain/phone';
import type { refuseSchema, requestSchema } from '$lib/domain/volunteer-requests';
import { formatWita } from '$lib/domain/working-time';
import type { SessionUser } from './auth/session';
import { invalidateAllForUser } from './auth/session';
import { insertIfPreviousChanged, insertWhere } from './db/conditional';
import type { Database } from './db/open';
import { applications, notifications, users, volunteerRequests } from './db/schema';

/** The citizen's latest request, for their "become a volunteer" page. */
export async function latestRequest(db: Database, userId: string) {
	const [row] = await db
		.select()
		.from(volunteerRequests)
		.where(eq(volunteerRequests.userId, userId))
		.orderBy(desc(volunteerRequests.createdAt))
		.limit(1);
	return row ? { ...row, kelurahanName: kelurahanName(row.kelurahan)! } : null;
}

export type RequestResult = { ok: true } | { ok: false; reason: 'not_citizen' | 'pending' };

/** A citizen asks to become a volunteer. One pending request at a time: asking twice changes nothing. */
export async function request(
	db: Database,
	user: Pick<SessionUser, 'id' | 'role'>,
	input: v.InferOutput<typeof requestSchema>,
	now = new Date()
): Promise<RequestResult> {
	if (user.role !== 'citizen') return { ok: false, reason: 'not_citizen' };
	const inserted = await insertWhere(
		db,
		volunteerRequests,
		[
			{
				id: crypto.randomUUID(),
				userId: user.id,
				kelurahan: input.kelurahan,
				motivation: input.motivation,
				status: 'pending',
				createdAt: now
			}
		],
		// decided in the database, so two posts at once still make one request
		sql`NOT EXISTS (SELECT 1 FROM ${volunteerRequests} WHERE ${volunteerRequests.userId} = ${user.id} AND ${volunteerRequests.status} = 'pending')
			AND EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${user.id} AND ${users.role} = 'citizen')`
	);
	return inserted.rowsAffected > 0 ? { ok: true } : { ok: false, reason: 'pending' };
}

/** The admin's page: requests waiting for a decision, and the volunteers there are, in one round trip. */
export async function forAdmin(db: Database) {
	const [pending, volunteers] = await db.batch([
		db
			.select({
				id: volunteerRequests.id,
				kelurahan: volunteerRequests.kelurahan,
				motivation: volunteerRequests.motivation,
				createdAt: volunteerRequests.createdAt,
				name: users.name,
				phone: users.phone,
				role: users.role
			})
			.from(volunteerRequests)
			.innerJoin(users, eq(users.id, volunteerRequests.userId))
			.where(eq(volunteerRequests.status, 'pending'))
			.orderBy(asc(volunteerRequests.createdAt))
			.limit(200),
		db
			.select({
				id: users.id,
				name: users.name,
				phone: users.phone,
				kelurahan: users.kelurahan,
				helped: sql<number>`(SELECT count(*) FROM ${applications} WHERE ${applications.volunteerId} = ${users.id})`
			})
			.from(users)
			.where(eq(users.role, 'volunteer'))
			.orderBy(asc(users.name))
	]);
	return {
		pending: pending.map((p) => ({
			...p,
			phone: formatPhone(p.phone),
			kelurahanName: kelurahanName(p.kelurahan)!,
			submittedAt: formatWita(p.createdAt)
		})),
		volunteers: volunteers.map((p) => ({ ...p, phone: formatPhone(p.phone), kelurahanName: kelurahanName(p.kelurahan) }))
	};
}

export type RequestDecisionResult =
	| { ok: true; name: string }
	| { ok: false; reason: 'not_found' | 'not_citizen' };

async function pendingRequest(db: Database, requestId: string) {
	const [row] = await db
		.select({ userId: volunteerRequests.userId, kelurahan: volunteerRequests.kelurahan, name: users.name })
		.from(volunteerRequests)
		.innerJoin(users, eq(users.id, volunteerRequests.userId))
		.where(and(eq(volunteerRequests.id, requestId), eq(volunteerRequests.status, 'pending')));
	return row ?? null;
}

const stillPending = (requestId: string) =>
	sql`EXISTS (SELECT 1 FROM ${volunteerRequests} WHERE ${volunteerRequests.id} = ${requestId} AND ${volunteerRequests.status} = 'pending')`;

/**
 * Approves a request: the citizen becomes a volunteer for the kelurahan they asked for, is told, and logs
 * in again. The role, the request and the notification change together or not at all (one batch; each
 * step only if the one before it wrote something), so two admins deciding at once cannot both win.
 */
export async function approve(
	db: Database,
	admin: Pick<SessionUser, 'id'>,
	requestId: string,
	now = new Date()
): Promise<RequestDecisionResult> {
	const found = await pendingRequest(db, requestId);
	if (!found) return { ok: false, reason: 'not_found' };
	const place = kelurahanName(found.kelurahan);
	const [promoted] = await db.batch([
		db
			.update(users)
			.set({ role: 'volunteer', kelurahan: found.kelurahan })
			.where(and(eq(users.id, found.userId), eq(users.role, 'citizen'), stillPending(requestId)))
			.returning({ id: users.id }),
		db
			.update(volunteerRequests)
			.set({ status: 'approved', decidedBy: admin.id, decidedAt: now })
			.where(and(eq(volunteerRequests.id, requestId), eq(volunteerRequests.status, 'pending'), sql`changes() > 0`)),
		insertIfPreviousChanged(db, notifications, [
			{
				userId: found.userId,
				applicationId: null,
				text: `Permintaan Anda menjadi relawan untuk Kelurahan ${place} disetujui. Masuk lagi, lalu buka "Bantu warga mengajukan".`,
				createdAt: now
			}
		])
	]);
	if (promoted.length === 0) {
		return (await pendingRequest(db, requestId)) ? { ok: false, reason: 'not_citizen' } : { ok: false, reason: 'not_found' };
	}
	await invalidateAllForUser(db, found.userId);
	return { ok: true, name: found.name };
}

/** Refuses a request with a note the citizen reads. They may ask again later. */
export async function refuse(
	db: Database,
	admin: Pick<SessionUser, 'id'>,
	input: v.InferOutput<typeof refuseSchema>,
	now = new Date()
): Promise<RequestDecisionResult> {
	const found = await pendingRequest(db, input.requestId);
	if (!found) return { ok: false, reason: 'not_found' };
	const [refused] = await db.batch([
		db
			.update(volunteerRequests)
			.set({ status: 'refused', decidedBy: admin.id, decidedAt: now, note: input.note })
			.where(and(eq(volunteerRequests.id, input.requestId), eq(volunteerRequests.status, 'pending')))
			.returning({ id: volunteerRequests.id }),
		insertIfPreviousChanged(db, notifications, [
			{
				userId: found.userId,
				applicationId: null,
				text: `Permintaan Anda menjadi relawan belum disetujui. Alasan: ${input.note}`,
				createdAt: now
			}
		])
	]);
	return refused.length > 0 ? { ok: true, name: found.name } : { ok: false, reason: 'not_found' };
}

/** Takes the volunteer role away: the account becomes a citizen's again, is told, and its sessions end. */
export async function withdraw(
	db: Database,
	userId: string,
	now = new Date()
): Promise<RequestDecisionResult> {
	const [withdrawn] = await db.batch([
		db
			.update(users)
			.set({ role: 'citizen', kelurahan: null })
			.where(and(eq(users.id, userId), eq(users.role, 'volunteer')))
			.returning({ name: users.name }),
		insertIfPreviousChanged(db, notifications, [
			{
				userId,
				applicationId: null,
				text: 'Peran relawan Anda dicabut oleh admin. Akun Anda kini akun warga biasa.',
				createdAt: now
			}
		]),
		db
			.update(volunteerRequests)
			.set({ status: 'withdrawn' })
			.where(and(eq(volunteerRequests.userId, userId), eq(volunteerRequests.status, 'approved'), sql`changes() > 0`))
	]);
	const row = withdrawn[0];
	if (!row) return { ok: false, reason: 'not_found' };
	await invalidateAllForUser(db, userId);
	return { ok: true, name: row.name };
}

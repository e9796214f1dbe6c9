/**
 * Who works in the app: officers with their offices, volunteers, and how many accounts each role has.
 *
 * An officer is a user with role `officer` and exactly one office; the office decides whose queue they see
 * and whose documents they may open. An admin creates officer accounts with a temporary password (the
 * officer must change it at first login: `mustChangePassword`), moves officers between offices, and withdraws the role (the account stays, as a
 * citizen's: its history and the events it signed must keep their author).
 *
 * Invariant: whenever an officer's role or office changes, all their sessions end. The hook reads the role
 * fresh on every request anyway, but a desk computer left logged in should not carry on under the old office
 * with pages already open; the officer logs in again and sees where they now belong.
 */
import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { passwordAcceptable } from '$lib/domain/account-forms';
import { normalizePhone } from '$lib/domain/phone';
import type { OfficeId } from '$lib/domain/service';
import { hashPassword } from './auth/password';
import { invalidateAllForUser } from './auth/session';
import type { Database } from './db/open';
import { holidays, offices, services, users } from './db/schema';
import { m } from '../paraglide/messages.js';

/** The admin home's numbers in one round trip: people by role, the catalogue, the holiday calendar. */
export async function overview(db: Database) {
	const [people, counts, catalogue, calendar] = await db.batch([
		db
			.select({ id: users.id, name: users.name, role: users.role, office: offices.shortName })
			.from(users)
			.leftJoin(offices, eq(offices.id, users.officeId))
			.where(inArray(users.role, ['officer', 'admin', 'volunteer']))
			.orderBy(asc(users.role), asc(users.name)),
		db.select({ role: users.role, n: count() }).from(users).groupBy(users.role),
		db.select({ active: services.active, n: count() }).from(services).groupBy(services.active),
		db.select({ n: count(), lastDate: max(holidays.date) }).from(holidays)
	]);
	return {
		people,
		counts: Object.fromEntries(counts.map((c) => [c.role, c.n])) as Partial<Record<string, number>>,
		services: {
			active: catalogue.find((c) => c.active)?.n ?? 0,
			inactive: catalogue.find((c) => !c.active)?.n ?? 0
		},
		holidays: {
			count: calendar[0]?.n ?? 0,
			knownUntilYear: calendar[0]?.lastDate ? Number(calendar[0].lastDate.slice(0, 4)) : null
		}
	};
}

/** Every officer with their office, and the offices to choose from, for the admin's officer page. */
export async function listOfficers(db: Database) {
	const [officers, officeRows] = await db.batch([
		db
			.select({
				id: users.id,
				name: users.name,
				phone: users.phone,
				officeId: users.officeId,
				office: offices.shortName
			})
			.from(users)
			.leftJoin(offices, eq(offices.id, users.officeId))
			.where(eq(users.role, 'officer'))
			.orderBy(asc(offices.shortName), asc(users.name)),
		db.select({ id: offices.id, name: offices.name, shortName: offices.shortName }).from(offices).orderBy(asc(offices.shortName))
	]);
	return { officers, offices: officeRows };
}

// --- forms ------------------------------------------------------------------------------------------------

const officeId = v.pipe(
	v.string(() => m.staff_officer_office()),
	v.nonEmpty(() => m.staff_officer_office()),
	v.picklist(['disdukcapil', 'dpmptsp'] as const satisfies readonly OfficeId[], () => m.staff_officer_office_unknown())
);

/** The new-officer form: like registering, plus the office. The temporary password passes the same policy. */
export const newOfficerSchema = v.pipe(
	v.object({
		name: v.pipe(
			v.string(() => m.staff_officer_name()),
			v.trim(),
			v.nonEmpty(() => m.staff_officer_name()),
			v.minLength(2, () => m.staff_officer_name_short()),
			v.maxLength(100, () => m.staff_officer_name_long())
		),
		phone: v.pipe(
			v.string(() => m.staff_officer_phone()),
			v.trim(),
			v.nonEmpty(() => m.staff_officer_phone()),
			v.transform((value) => normalizePhone(value) ?? ''),
			v.nonEmpty(() => m.staff_officer_phone_unknown())
		),
		password: v.string(() => m.staff_officer_password()),
		officeId
	}),
	passwordAcceptable()
);

export const moveSchema = v.object({
	userId: v.pipe(v.string(), v.nonEmpty(() => m.staff_officer_unknown())),
	officeId
});

export const withdrawSchema = v.object({ userId: v.pipe(v.string(), v.nonEmpty(() => m.staff_officer_unknown())) });

// --- verbs ------------------------------------------------------------------------------------------------

export type CreateOfficerResult = { ok: true; userId: string } | { ok: false; reason: 'phone_taken' };

export async function createOfficer(
	db: Database,
	input: v.InferOutput<typeof newOfficerSchema>
): Promise<CreateOfficerResult> {
	const passwordHash = await hashPassword(input.password);
	const userId = crypto.randomUUID();
	// the unique index on phone decides, also when two admins add the same number at once
	const inserted = await db
		.insert(users)
		// the admin chose this password: the officer must choose their own at first login (accounts.ts)
		.values({
			id: userId,
			name: input.name,
			phone: input.phone,
			passwordHash,
			role: 'officer',
			officeId: input.officeId,
			mustChangePassword: true
		})
		.onConflictDoNothing()
		.returning({ id: users.id });
	return inserted.length > 0 ? { ok: true, userId } : { ok: false, reason: 'phone_taken' };
}

export type ChangeResult = { ok: true; name: string } | { ok: false; reason: 'not_found' | 'unchanged' };

/** Moves an officer to another office and ends their sessions. Moving to the office they are in changes nothing. */
export async function moveOfficer(
	db: Database,
	input: { userId: string; officeId: OfficeId }
): Promise<ChangeResult> {
	const officer = and(eq(users.id, input.userId), eq(users.role, 'officer'));
	const [moved] = await db
		.update(users)
		.set({ officeId: input.officeId })
		.where(and(officer, sql`${users.officeId} is not ${input.officeId}`))
		.returning({ name: users.name });
	if (!moved) {
		const [found] = await db.select({ id: users.id }).from(users).where(officer);
		return { ok: false, reason: found ? 'unchanged' : 'not_found' };
	}
	await invalidateAllForUser(db, input.userId);
	return { ok: true, name: moved.name };
}

/** Takes the officer role away: the account becomes a citizen's, without an office, and its sessions end. */
export async function withdrawOfficer(db: Database, userId: string): Promise<ChangeResult> {
	const updated = await db
		.update(users)
		.set({ role: 'citizen', officeId: null })
		.where(and(eq(users.id, userId), eq(users.role, 'officer')))
		.returning({ name: users.name });
	const row = updated[0];
	if (!row) return { ok: false, reason: 'not_found' };
	await invalidateAllForUser(db, userId);
	return { ok: true, name: row.name };
}

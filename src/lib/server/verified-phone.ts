/**
 * A confirmed phone number: the account's own number, proven by a one-time code (notify/codes.ts,
 * purpose `verify`). Offered after registration and on /akun (skippable, and not offered at all when no
 * WhatsApp or SMS provider is configured). A confirmed number lets its owner take applications a
 * volunteer made for that number into the account without the tracking code: the number is the proof.
 * The claim is one conditional UPDATE that re-reads the confirmation inside the statement.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { localizeService } from '$lib/domain/service-language';
import type { SessionUser } from './auth/session';
import type { Database } from './db/open';
import { applications, services, users } from './db/schema';
import { recordEvent } from './events';
import { checkCode, sendCode, type CheckCodeResult, type SendCodeResult } from './notify/codes';

export async function isVerified(db: Database, userId: string) {
	const [row] = await db.select({ at: users.phoneVerifiedAt }).from(users).where(eq(users.id, userId));
	return !!row?.at;
}

export async function sendVerification(db: Database, user: Pick<SessionUser, 'id' | 'phone'>, address: string, now = new Date()): Promise<SendCodeResult> {
	const [row] = await db.select({ by: users.noticeByPhone }).from(users).where(eq(users.id, user.id));
	return sendCode(db, { phone: user.phone, purpose: 'verify', address, by: row?.by }, now);
}

export async function confirm(db: Database, user: Pick<SessionUser, 'id' | 'phone'>, code: string, address: string, now = new Date()): Promise<CheckCodeResult> {
	const checked = await checkCode(db, { phone: user.phone, purpose: 'verify', code, address }, now);
	if (checked.ok) await db.update(users).set({ phoneVerifiedAt: now }).where(and(eq(users.id, user.id), eq(users.phone, user.phone)));
	return checked;
}

/** Applications made for the account's confirmed number and not in any account yet. */
export async function claimable(db: Database, user: Pick<SessionUser, 'id' | 'phone' | 'role'>) {
	if (user.role !== 'citizen' && user.role !== 'volunteer') return [];
	const rows = await db
		.select({ id: applications.id, trackingCode: applications.trackingCode, service: services, submittedAt: applications.submittedAt })
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.innerJoin(users, and(eq(users.id, user.id), eq(users.phone, applications.applicantPhone), isNotNull(users.phoneVerifiedAt)))
		.where(and(isNull(applications.applicantId), eq(applications.applicantPhone, user.phone)))
		.orderBy(desc(applications.submittedAt))
		.limit(50);
	// the service's name in the reader's language (the page shows it)
	return rows.map((r) => ({ id: r.id, trackingCode: r.trackingCode, serviceName: localizeService(r.service).name, submittedAt: r.submittedAt }));
}

/** Takes one of `claimable` into the account; false when it is not (or no longer) claimable. */
export async function claimByPhone(db: Database, user: Pick<SessionUser, 'id' | 'phone' | 'role'>, applicationId: string, now = new Date()) {
	if (user.role !== 'citizen' && user.role !== 'volunteer') return false;
	const confirmed = sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${user.id} AND ${users.phone} = ${applications.applicantPhone} AND ${users.phoneVerifiedAt} IS NOT NULL)`;
	const [claimed] = await db.batch([
		db
			.update(applications)
			.set({ applicantId: user.id, updatedAt: now })
			.where(and(eq(applications.id, applicationId), isNull(applications.applicantId), eq(applications.applicantPhone, user.phone), confirmed))
			.returning({ id: applications.id }),
		...recordEvent(db, { applicationId, actorId: user.id, type: 'applicant_claimed', at: now })
	]);
	return claimed.length > 0;
}

/**
 * The satisfaction survey (IKM): invitations, anonymous responses, the follow-up an office publishes.
 *
 * When an application gets its result (decisions.ts), the same batch adds an invitation (one per
 * application: its primary key) with a random one-time token and tells the applicant (and the helping
 * volunteer) through the notice helper. The link is shown on the status page, the tracking page and the
 * slip. Answering uses the token up (it is cleared) and stores the response apart, with only the service,
 * the month and the answers: nothing leads from a response back to a person or an application.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { witaMonth } from '$lib/domain/performance';
import { followupMessages, surveyMessages, surveySchema } from '$lib/domain/survey';
import { textLimits } from '$lib/domain/limits';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import { insertIfPreviousChanged } from './db/conditional';
import type { Database } from './db/open';
import { applications, services, surveyFollowups, surveyInvitations, surveyResponses } from './db/schema';
import { noticeToParties } from './events';
import { localizedName } from '$lib/server/db/localized';

const newToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));

/**
 * The invitation and its notice, for the batch that gives an application its result: written only if that
 * batch's update really finished it at `finishedAt` (a lost race writes nothing), and never twice.
 */
export function invitationStatements(
	db: Database,
	input: { applicationId: string; serviceSlug: string; serviceName: string; trackingCode: string; finishedAt: Date }
) {
	const at = input.finishedAt.getTime();
	const insert = db.run(sql`INSERT INTO ${surveyInvitations} (application_id, token, service_slug, month, created_at)
		SELECT ${applications.id}, ${newToken()}, ${input.serviceSlug}, ${witaMonth(input.finishedAt)}, ${at} FROM ${applications}
		WHERE ${applications.id} = ${input.applicationId} AND ${applications.finishedAt} = ${at}
		ON CONFLICT DO NOTHING`);
	const notice = noticeToParties(db, {
		applicationId: input.applicationId,
		text: surveyMessages.notice(input.serviceName, formatTrackingCode(input.trackingCode)),
		at: input.finishedAt,
		ifPreviousChanged: true
	});
	return [insert, notice] as const;
}

/** What the pages show about an application's survey: the link while open, a thank-you once answered. */
export async function invitationOf(db: Database, applicationId: string) {
	const [row] = await db
		.select({ token: surveyInvitations.token, answeredAt: surveyInvitations.answeredAt })
		.from(surveyInvitations)
		.where(eq(surveyInvitations.applicationId, applicationId));
	if (!row) return null;
	return row.answeredAt ? ({ state: 'answered' } as const) : ({ state: 'open', href: `/survei/${row.token}` } as const);
}

/** The survey behind a token, or null when it is unknown or used. */
export async function open(db: Database, token: string) {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const [row] = await db
		.select({ serviceSlug: surveyInvitations.serviceSlug, month: surveyInvitations.month, serviceName: localizedName(services) })
		.from(surveyInvitations)
		.innerJoin(services, eq(services.slug, surveyInvitations.serviceSlug))
		.where(and(eq(surveyInvitations.token, token), isNull(surveyInvitations.answeredAt)));
	return row ?? null;
}

export type AnswerResult =
	| { ok: true }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> }
	| { ok: false; reason: 'used' };

/** Stores one response and uses the token up, in one transaction; a second use stores nothing. */
export async function answer(db: Database, token: string, input: Record<string, string>, now = new Date()): Promise<AnswerResult> {
	const parsed = v.safeParse(surveySchema, input);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.issues) {
			const key = issue.path?.[0]?.key;
			if (typeof key === 'string' && !errors[key]) errors[key] = issue.message;
		}
		return { ok: false, reason: 'invalid', errors };
	}
	const invitation = await open(db, token);
	if (!invitation) return { ok: false, reason: 'used' };
	const a = parsed.output;
	const [used] = await db.batch([
		db
			.update(surveyInvitations)
			.set({ token: null, answeredAt: now })
			.where(and(eq(surveyInvitations.token, token), isNull(surveyInvitations.answeredAt)))
			.returning({ month: surveyInvitations.month }),
		insertIfPreviousChanged(db, surveyResponses, [
			{
				id: crypto.randomUUID(),
				serviceSlug: invitation.serviceSlug,
				month: invitation.month,
				u1: a.u1, u2: a.u2, u3: a.u3, u4: a.u4, u5: a.u5, u6: a.u6, u7: a.u7, u8: a.u8, u9: a.u9,
				ageBand: a.ageBand,
				sex: a.sex,
				education: a.education,
				occupation: a.occupation
			}
		])
	]);
	return used.length > 0 ? { ok: true } : { ok: false, reason: 'used' };
}

export const followupSchema = v.object({
	service: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => followupMessages.serviceUnknown),
		v.maxLength(80, () => followupMessages.serviceUnknown)
	),
	month: v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, () => followupMessages.monthInvalid)),
	text: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => followupMessages.missing),
		v.maxLength(textLimits.note, () => followupMessages.tooLong)
	)
});

/** An admin writes (or rewrites) the follow-up of one service and month. */
export async function saveFollowup(db: Database, adminId: string, input: Record<string, string>, now = new Date()) {
	const parsed = v.safeParse(followupSchema, input);
	if (!parsed.success) return { ok: false as const, message: parsed.issues[0].message };
	const { service, month, text } = parsed.output;
	const [known] = await db.select({ slug: services.slug }).from(services).where(eq(services.slug, service));
	if (!known) return { ok: false as const, message: followupMessages.serviceUnknown };
	await db
		.insert(surveyFollowups)
		.values({ serviceSlug: service, month, text, updatedBy: adminId, updatedAt: now })
		.onConflictDoUpdate({ target: [surveyFollowups.serviceSlug, surveyFollowups.month], set: { text, updatedBy: adminId, updatedAt: now } });
	return { ok: true as const };
}

export { followupMessages };

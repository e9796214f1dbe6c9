/**
 * The notice outbox: messages that leave the app (WhatsApp, SMS, Web Push) wait here until a sender
 * hands them to their provider. The in-app notice needs no outbox: its row is the delivery.
 *
 * Invariants:
 * - **Written with its cause.** `queueEventNotices` is one statement placed by server/events.ts in the
 *   same batch as the event, addressed inside the statement from the rows as they are then (the
 *   applicant's account and choice of channel; for a resident a volunteer helped, the resident's own
 *   number on the application) and only if the event itself was written.
 * - **At most once per channel.** Each row's `key` (event, channel, recipient) is unique, so a replayed
 *   write adds nothing. A sender claims rows with one conditional UPDATE (`pending` → `sending`, with its
 *   own token): SQLite runs writes one at a time, so two senders never claim the same row, and only the
 *   claimer's token can settle it. A claim whose sender vanished (a crash mid-send) is not sent again:
 *   it is marked failed "unknown", because the provider may have delivered it.
 * - **Retries with capped back-off.** A failure worth retrying puts the row back to `pending` after
 *   retryDelay (domain/notice-message.ts); after `maxAttempts`, or on a permanent refusal, it is `failed`
 *   with the provider's words, for the admin (/admin/kabar). Nothing is dropped silently.
 */
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { retryDelay } from '$lib/domain/notice-message';
import type { Database } from '../db/open';
import { applicationEvents, applications, noticeOutbox, pushSubscriptions, users, type OutboxStatus, type QueuedChannel } from '../db/schema';
import { configuredChannels, type Channel, type OutgoingMessage } from './channels';
import { notifyConfig, phoneChannel, type NotifyConfig } from './config';
import { notifyMessages } from './wording';

// --- writing ----------------------------------------------------------------------------------------

/** The SQL channel for an account's choice (`users.notice_by_phone`), from what is configured. */
function phoneChannelSql(choice: SQL, config: NotifyConfig): SQL {
	const both = config.whatsapp && config.sms;
	const only = phoneChannel('whatsapp', config);
	if (!only) return sql`NULL`;
	return both ? sql`CASE ${choice} WHEN 'none' THEN NULL ELSE ${choice} END` : sql`CASE ${choice} WHEN 'none' THEN NULL ELSE ${only} END`;
}

let queuedSinceDrain = false;
/** Set when a request queued messages: the hook then starts a sender after answering (waitUntil). */
export const takeQueuedFlag = () => {
	const was = queuedSinceDrain;
	queuedSinceDrain = false;
	return was;
};

/**
 * The statement that queues an event's notice for every channel that reaches its people, or null when no
 * channel leaves the app. Written only if the event (application, type, time) exists by then, so it is
 * safe after a conditional event insert in the same batch.
 */
export function queueEventNotices(
	db: Pick<Database, 'run'>,
	input: { applicationId: string; type: string; at: Date; text: string },
	config: NotifyConfig = notifyConfig()
) {
	const residentChannel = phoneChannel('whatsapp', config);
	if (!residentChannel && !config.push) return null;
	queuedSinceDrain = true;
	const at = input.at.getTime();
	const a = applications;
	const choice = phoneChannelSql(sql`u.${sql.identifier(users.noticeByPhone.name)}`, config);
	const pushOn = config.push ? sql`1` : sql`0`;
	// the tracking code as formatTrackingCode shows it (domain/tracking-code.ts): "ABCD EFGH"
	const code = sql`substr(${a.trackingCode}, 1, 4) || ' ' || substr(${a.trackingCode}, 5)`;
	return db.run(sql`INSERT OR IGNORE INTO ${noticeOutbox}
		(key, channel, kind, user_id, phone, application_id, text, params, status, attempts, next_attempt_at, created_at)
		SELECT 'event:' || e.id || ':' || ch.channel || ':' || ch.recipient, ch.channel, 'notice', ch.user_id, ch.phone,
			${input.applicationId}, ${input.text}, json_array(ch.code, ch.link), 'pending', 0, ${at}, ${at}
		FROM ${applicationEvents} e, (
			SELECT ${choice} AS channel, u.id AS user_id, u.phone AS phone, u.id AS recipient, '/permohonan/' || ${a.id} AS link, ${code} AS code
				FROM ${a} JOIN ${users} u ON u.id = ${a.applicantId} WHERE ${a.id} = ${input.applicationId}
			UNION ALL
			SELECT 'push', u.id, NULL, u.id, '/permohonan/' || ${a.id}, ${code}
				FROM ${a} JOIN ${users} u ON u.id = ${a.applicantId} WHERE ${a.id} = ${input.applicationId} AND ${pushOn}
					AND EXISTS (SELECT 1 FROM ${pushSubscriptions} WHERE ${pushSubscriptions.userId} = u.id)
			UNION ALL
			SELECT ${residentChannel}, NULL, ${a.applicantPhone}, ${a.applicantPhone}, '/lacak?kode=' || ${a.trackingCode}, ${code}
				FROM ${a} WHERE ${a.id} = ${input.applicationId} AND ${a.applicantId} IS NULL AND ${a.consent} IS NOT NULL
		) ch
		WHERE e.id = (SELECT max(id) FROM ${applicationEvents} WHERE ${applicationEvents.applicationId} = ${input.applicationId}
				AND ${applicationEvents.type} = ${input.type} AND ${applicationEvents.createdAt} = ${at})
			AND ch.channel IS NOT NULL`);
}

/** The statement that queues a one-time code to a number (notify/codes.ts), once per code. */
export function queueCode(db: Database, input: { codeId: string; channel: 'whatsapp' | 'sms'; phone: string; code: string; minutes: number; at: Date }) {
	queuedSinceDrain = true;
	return db
		.insert(noticeOutbox)
		.values({
			key: `code:${input.codeId}:${input.channel}`,
			channel: input.channel,
			kind: 'code',
			phone: input.phone,
			text: input.code,
			params: [input.code, String(input.minutes)],
			nextAttemptAt: input.at,
			createdAt: input.at
		})
		.onConflictDoNothing();
}

// --- sending ----------------------------------------------------------------------------------------

export interface DrainOptions {
	config?: NotifyConfig;
	/** The channels by name (default: those configured); tests pass their own. */
	channels?: Partial<Record<QueuedChannel, Channel>>;
	fetch?: typeof fetch;
	now?: () => Date;
	/** Rows claimed per round. */
	batch?: number;
	/** Rounds at most (each claims `batch`). */
	rounds?: number;
}

export interface DrainReport {
	sent: number;
	retried: number;
	failed: number;
}

type Row = typeof noticeOutbox.$inferSelect;

/** Claims due rows for this sender: one conditional UPDATE, so concurrent senders split them, never share. */
async function claim(db: Database, token: string, now: Date, leaseMs: number, limit: number): Promise<Row[]> {
	const t = now.getTime();
	const due = sql`SELECT id FROM ${noticeOutbox} WHERE ${noticeOutbox.status} = 'pending' AND ${noticeOutbox.nextAttemptAt} <= ${t}
		ORDER BY ${noticeOutbox.nextAttemptAt}, ${noticeOutbox.id} LIMIT ${limit}`;
	return db
		.update(noticeOutbox)
		.set({ status: 'sending', claimToken: token, claimedUntil: new Date(t + leaseMs), attempts: sql`${noticeOutbox.attempts} + 1` })
		.where(and(sql`${noticeOutbox.id} IN (${due})`, eq(noticeOutbox.status, 'pending')))
		.returning();
}

/** Sends what is due, over the configured channels; returns what happened. Safe to run from many places at once. */
export async function drainOutbox(db: Database, options: DrainOptions = {}): Promise<DrainReport> {
	const config = options.config ?? notifyConfig();
	const channels = options.channels ?? configuredChannels(config);
	const now = options.now ?? (() => new Date());
	const report: DrainReport = { sent: 0, retried: 0, failed: 0 };
	const leaseMs = Math.max(60_000, config.retry.timeoutMs * 4);
	const origin = config.origin ?? 'http://localhost';

	// claims whose sender is gone: the message may have left, so it is not sent again (at most once)
	await db
		.update(noticeOutbox)
		.set({ status: 'failed', lastError: notifyMessages.leaseLost, claimToken: null })
		.where(and(eq(noticeOutbox.status, 'sending'), sql`${noticeOutbox.claimedUntil} < ${now().getTime()}`));

	for (let round = 0; round < (options.rounds ?? 5); round++) {
		const token = crypto.randomUUID();
		const rows = await claim(db, token, now(), leaseMs, options.batch ?? 20);
		if (rows.length === 0) break;
		await Promise.all(
			rows.map(async (row) => {
				const outcome = await sendOne(db, row, channels[row.channel], { fetch: options.fetch ?? fetch, timeoutMs: config.retry.timeoutMs, origin });
				const at = now();
				let update: Partial<Row>;
				if (outcome.ok) {
					update = { status: 'sent', sentAt: at, lastError: null };
					report.sent++;
				} else if (!outcome.permanent && row.attempts < config.retry.maxAttempts) {
					update = { status: 'pending', nextAttemptAt: new Date(at.getTime() + retryDelay(row.attempts, config.retry)), lastError: outcome.error };
					report.retried++;
				} else {
					update = { status: 'failed', lastError: outcome.error };
					report.failed++;
				}
				await db
					.update(noticeOutbox)
					.set({ ...update, claimToken: null, claimedUntil: null })
					.where(and(eq(noticeOutbox.id, row.id), eq(noticeOutbox.claimToken, token)));
			})
		);
	}
	return report;
}

async function sendOne(db: Database, row: Row, channel: Channel | undefined, context: { fetch: typeof fetch; timeoutMs: number; origin: string }) {
	if (!channel) return { ok: false as const, permanent: true, error: notifyMessages.notConfigured(row.channel) };
	const message: OutgoingMessage = { kind: row.kind, phone: row.phone, userId: row.userId, text: row.text, params: row.params };
	try {
		return await channel.send(message, { db, ...context });
	} catch (cause) {
		return { ok: false as const, permanent: false, error: cause instanceof Error ? cause.message : String(cause) };
	}
}

// --- reading (the admin) ---------------------------------------------------------------------------

/** Rows per status, for the admin's overview. */
export async function outboxCounts(db: Database): Promise<Record<OutboxStatus, number>> {
	const rows = await db.select({ status: noticeOutbox.status, n: count() }).from(noticeOutbox).groupBy(noticeOutbox.status);
	const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
	for (const row of rows) counts[row.status] = row.n;
	return counts;
}

/** The latest messages that could not be sent, with the application they were about. */
export function failedMessages(db: Database, limit = 50) {
	return db
		.select({
			id: noticeOutbox.id,
			channel: noticeOutbox.channel,
			kind: noticeOutbox.kind,
			phone: noticeOutbox.phone,
			text: noticeOutbox.text,
			attempts: noticeOutbox.attempts,
			lastError: noticeOutbox.lastError,
			createdAt: noticeOutbox.createdAt,
			applicationId: noticeOutbox.applicationId,
			trackingCode: applications.trackingCode
		})
		.from(noticeOutbox)
		.leftJoin(applications, eq(applications.id, noticeOutbox.applicationId))
		.where(eq(noticeOutbox.status, 'failed'))
		.orderBy(desc(noticeOutbox.id))
		.limit(limit);
}

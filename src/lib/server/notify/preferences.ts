/**
 * A person's choice of how notices reach their phone (users.notice_by_phone), shown and changed on
 * /akun/kabar. The choice is only among channels the server has configured; the outbox falls back to the
 * other phone channel when the chosen one is not (config.ts `phoneChannel`).
 */
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { phoneChoices } from '$lib/domain/notice-message';
import { m } from '../../paraglide/messages.js';
import type { Database } from '../db/open';
import { pushSubscriptions, users, type PhoneChoice } from '../db/schema';
import { notifyConfig, phoneChannel, type NotifyConfig } from './config';
import { channelLabel } from './wording';

export const choiceSchema = v.object({ byPhone: v.picklist(phoneChoices, () => m.account_notices_choose_one()) });

export const preferenceMessages = {
	get saved() {
		return m.account_notices_saved();
	},
	get none() {
		return m.account_notices_none();
	},
	get unavailable() {
		return m.account_notices_unavailable();
	},
	willUse: (channel: 'whatsapp' | 'sms' | null) =>
		channel ? m.account_notices_will_use({ channel: channelLabel[channel] }) : m.account_notices_app_only()
} as const;

export async function readChoice(db: Database, userId: string, config: NotifyConfig = notifyConfig()) {
	const [row] = await db.select({ byPhone: users.noticeByPhone }).from(users).where(eq(users.id, userId));
	const choice: PhoneChoice = row?.byPhone ?? 'whatsapp';
	const options = [
		...(config.whatsapp ? [{ value: 'whatsapp' as const, label: channelLabel.whatsapp }] : []),
		...(config.sms ? [{ value: 'sms' as const, label: channelLabel.sms }] : []),
		{ value: 'none' as const, label: preferenceMessages.none }
	];
	return {
		choice,
		options,
		effective: phoneChannel(choice, config),
		phoneConfigured: !!(config.whatsapp || config.sms),
		/** For the browser's PushManager.subscribe (applicationServerKey); null while Web Push is off. */
		vapidPublicKey: config.push?.publicKey ?? null
	};
}

/** A browser's push subscription as its PushSubscription.toJSON() gives it (RFC 8030 endpoint, RFC 8291 keys). */
export const subscriptionSchema = v.object({
	endpoint: v.pipe(v.string(), v.maxLength(1000), v.url(), v.startsWith('https://')),
	p256dh: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86,88}$/)),
	auth: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{21,24}$/))
});

/** Stores a subscription for this account (an endpoint moves to the account that subscribed it last). */
export async function subscribe(db: Database, userId: string, subscription: v.InferOutput<typeof subscriptionSchema>, now = new Date()) {
	await db
		.insert(pushSubscriptions)
		.values({ id: crypto.randomUUID(), userId, ...subscription, createdAt: now })
		.onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh: subscription.p256dh, auth: subscription.auth, createdAt: now } });
}

export async function unsubscribe(db: Database, userId: string, endpoint: string) {
	await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
}

export async function saveChoice(db: Database, userId: string, choice: PhoneChoice) {
	await db.update(users).set({ noticeByPhone: choice }).where(eq(users.id, userId));
}

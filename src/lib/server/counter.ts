/**
 * The counter (loket): an officer finds an application of their own office by tracking code, phone or
 * name (domain/counter-search.ts reads what was typed). The scope is access.ts's own rule: what the
 * officer may inspect (their office's applications; opening one is the audited look of
 * /petugas/permohonan/[id]) and what they made at this counter for a walk-in resident (its receipt and
 * slip, /permohonan/[id]), so the counter never lists what the officer may not open.
 *
 * NIK: the NIK is stored only sealed; an exact search goes through its keyed blind index (nik_index,
 * server/crypto), with every configured key so that it keeps working during a key rotation.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { counterMessages, readCounterQuery } from '$lib/domain/counter-search';
import { whereMay, whereRelation, type Viewer } from './access';
import type { Database } from './db/open';
import { applications, nikIndex, services } from './db/schema';
import { keyring } from './crypto/keys';
import { blindIndexes } from './crypto/sealing';
import { localizedName } from '$lib/server/db/localized';

export const COUNTER_LIMIT = 20;

export type CounterResult =
	| { ok: true; rows: Awaited<ReturnType<typeof rowsWhere>> }
	| { ok: false; message: string };

function rowsWhere(db: Database, officer: Viewer, condition: SQL) {
	return db
		.select({
			id: applications.id,
			trackingCode: applications.trackingCode,
			applicantName: applications.applicantName,
			applicantPhone: applications.applicantPhone,
			status: applications.status,
			submittedAt: applications.submittedAt,
			serviceName: localizedName(services),
			/** Made by this officer at the counter: they open its receipt, not the case file. */
			helped: sql<number>`${applications.volunteerId} IS ${officer.id}`.mapWith(Boolean)
		})
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(and(or(whereMay(officer, 'inspect'), whereRelation(officer, ['volunteer'])), condition))
		.orderBy(desc(applications.submittedAt), asc(applications.id))
		.limit(COUNTER_LIMIT);
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const nameLike = (name: string) => sql`${applications.applicantName} LIKE ${likeEscaped(name)} ESCAPE '\\'`;

export async function search(db: Database, officer: Viewer, typed: string): Promise<CounterResult> {
	const query = readCounterQuery(typed);
	let condition: SQL;
	switch (query.kind) {
		case 'invalid':
			return { ok: false, message: query.message };
		case 'code':
			condition = or(eq(applications.trackingCode, query.code), nameLike(query.name))!;
			break;
		case 'phone':
			condition = eq(applications.applicantPhone, query.phone);
			break;
		case 'name':
			condition = nameLike(query.name);
			break;
		case 'nik':
			condition = inArray(
				applications.id,
				db
					.select({ id: nikIndex.applicationId })
					.from(nikIndex)
					.where(inArray(nikIndex.digest, await blindIndexes(keyring(), query.nik)))
			);
			break;
		default: {
			const unknown: never = query;
			throw new Error(`unknown query ${JSON.stringify(unknown)}`);
		}
	}
	const rows = await rowsWhere(db, officer, condition);
	return rows.length > 0 ? { ok: true, rows } : { ok: false, message: counterMessages.none };
}

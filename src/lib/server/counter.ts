/**
 * The counter (loket): an officer finds an application of their own office by tracking code, phone or
 * name (domain/counter-search.ts reads what was typed). The scope is access.ts's own rule: what the
 * officer may inspect (their office's applications; opening one is the audited look of
 * /petugas/permohonan/[id]) and what they made at this counter for a walk-in resident (its receipt and
 * slip, /permohonan/[id]), so the counter never lists what the officer may not open.
 *
 * NIK: searching by NIK needs the NIK stored encrypted with a keyed blind index (the personal-data work,
 * issue of h11). `registerNikLookup` is the seam: it gives the SQL condition on `applications` for a NIK;
 * until one is registered, a NIK search says plainly that it is not available yet.
 */
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { counterMessages, readCounterQuery } from '$lib/domain/counter-search';
import { whereMay, whereRelation, type Viewer } from './access';
import type { Database } from './db/open';
import { applications, services } from './db/schema';

type NikLookup = (nik: string) => Promise<SQL> | SQL;
let nikLookup: NikLookup | null = null;

/** The blind-index lookup for NIK (a condition on `applications`), registered by the personal-data module. */
export function registerNikLookup(lookup: NikLookup | null) {
	nikLookup = lookup;
}

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
			serviceName: services.name,
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
			if (!nikLookup) return { ok: false, message: counterMessages.nikNotYet };
			condition = await nikLookup(query.nik);
			break;
		default: {
			const unknown: never = query;
			throw new Error(`unknown query ${JSON.stringify(unknown)}`);
		}
	}
	const rows = await rowsWhere(db, officer, condition);
	return rows.length > 0 ? { ok: true, rows } : { ok: false, message: counterMessages.none };
}

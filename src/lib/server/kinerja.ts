/**
 * The figures of /kinerja, per service and WITA month, from the monthly rollups (kept by triggers, see
 * schema.ts) plus what is only true "now" (open and overdue applications, escalated complaints). One batch,
 * one round trip, whatever the number of applications: the page costs the same at 100 or 100,000.
 *
 * Definitions (shown on the page, `kinerjaMessages.definitions`) and the arithmetic live in
 * domain/performance.ts and domain/ikm.ts; `recount` computes the rollups again from the raw rows, for the
 * test that holds the triggers to it.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { ikm, targetSample, type ElementTotals, type IkmResult } from '$lib/domain/ikm';
import { lastMonths, percentileOfHistogram } from '$lib/domain/performance';
import { WITA_OFFSET_MS } from '$lib/domain/working-time';
import { openStatuses } from '$lib/domain/workflow';
import type { Database } from './db/open';
import {
	applications,
	complaints,
	performanceDurations,
	performanceMonths,
	services,
	surveyFollowups,
	surveyMonths,
	surveyResponses
} from './db/schema';
import { localizedName } from '$lib/server/db/localized';

export const MONTHS_SHOWN = 6;

/** Midnight WITA on the first of a 'YYYY-MM' month, in ms. */
export function monthStartMs(month: string): number {
	const [y, m] = month.split('-').map(Number);
	return Date.UTC(y!, m! - 1, 1) - WITA_OFFSET_MS;
}

const monthOf = (column: unknown) => sql<string>`strftime('%Y-%m', (${column} + ${WITA_OFFSET_MS}) / 1000, 'unixepoch')`;

export interface MonthFigures {
	month: string;
	received: number;
	finished: number;
	onTime: number;
	rejected: number;
	/** Working hours, nearest rank; null when nothing finished. */
	medianHours: number | null;
	p90Hours: number | null;
	respondents: number;
	/** Population for the target sample: the applications finished that month. */
	targetSample: number;
	ikm: IkmResult | null;
	followup: string | null;
	complaints: number;
	complaintsAnswered: number;
	complaintsAnsweredOnTime: number;
}

export interface ServiceFigures {
	slug: string;
	name: string;
	office: string;
	sla: { value: number; unit: 'days' | 'hours' };
	months: MonthFigures[];
	openNow: number;
	overdueNow: number;
	escalatedNow: number;
}

export async function figures(db: Database, now = new Date()): Promise<{ months: string[]; services: ServiceFigures[] }> {
	const months = lastMonths(now, MONTHS_SHOWN);
	const since = monthStartMs(months[0]!);
	const [serviceRows, monthRows, durationRows, openRows, surveyRows, complaintRows, followupRows] = await db.batch([
		db
			.select({ slug: services.slug, name: localizedName(services), office: services.officeId, slaValue: services.slaValue, slaUnit: services.slaUnit })
			.from(services)
			.where(eq(services.active, true))
			.orderBy(services.rank, services.name),
		db.select().from(performanceMonths).where(inArray(performanceMonths.month, months)),
		db.select().from(performanceDurations).where(inArray(performanceDurations.month, months)),
		db
			.select({
				slug: applications.serviceSlug,
				open: sql<number>`count(*)`,
				overdue: sql<number>`coalesce(sum(${applications.pausedAt} IS NULL AND ${applications.dueAt} < ${now.getTime()}), 0)`
			})
			.from(applications)
			.where(inArray(applications.status, [...openStatuses]))
			.groupBy(applications.serviceSlug),
		db.select().from(surveyMonths).where(inArray(surveyMonths.month, months)),
		db
			.select({
				slug: complaints.serviceSlug,
				month: monthOf(complaints.filedAt),
				filed: sql<number>`count(*)`,
				answered: sql<number>`coalesce(sum(${complaints.firstAnsweredOnTime} IS NOT NULL), 0)`,
				onTime: sql<number>`coalesce(sum(${complaints.firstAnsweredOnTime} = 1), 0)`,
				escalated: sql<number>`coalesce(sum(${complaints.status} = 'open' AND ${complaints.dueAt} < ${now.getTime()}), 0)`
			})
			.from(complaints)
			.where(gte(complaints.filedAt, new Date(since)))
			.groupBy(complaints.serviceSlug, sql`2`),
		db.select({ slug: surveyFollowups.serviceSlug, month: surveyFollowups.month, text: surveyFollowups.text }).from(surveyFollowups).where(inArray(surveyFollowups.month, months))
	]);

	const key = (slug: string, month: string) => `${slug}\u0000${month}`;
	const rollup = new Map(monthRows.map((r) => [key(r.serviceSlug, r.month), r]));
	const histograms = new Map<string, { value: number; count: number }[]>();
	for (const d of durationRows) {
		const k = key(d.serviceSlug, d.month);
		if (d.count > 0) (histograms.get(k) ?? histograms.set(k, []).get(k)!).push({ value: d.hours, count: d.count });
	}
	const surveys = new Map(surveyRows.map((r) => [key(r.serviceSlug, r.month), r]));
	const complaintsBy = new Map(complaintRows.map((r) => [key(r.slug, r.month), r]));
	const followups = new Map(followupRows.map((r) => [key(r.slug, r.month), r.text]));
	const open = new Map(openRows.map((r) => [r.slug, r]));
	const escalated = new Map<string, number>();
	for (const r of complaintRows) escalated.set(r.slug, (escalated.get(r.slug) ?? 0) + Number(r.escalated));

	return {
		months,
		services: serviceRows.map((s) => ({
			slug: s.slug,
			name: s.name,
			office: s.office,
			sla: { value: s.slaValue, unit: s.slaUnit },
			openNow: Number(open.get(s.slug)?.open ?? 0),
			overdueNow: Number(open.get(s.slug)?.overdue ?? 0),
			escalatedNow: escalated.get(s.slug) ?? 0,
			months: months.map((month) => {
				const k = key(s.slug, month);
				const r = rollup.get(k);
				const histogram = histograms.get(k) ?? [];
				const sv = surveys.get(k);
				const c = complaintsBy.get(k);
				const finished = r?.finished ?? 0;
				return {
					month,
					received: r?.received ?? 0,
					finished,
					onTime: r?.onTime ?? 0,
					rejected: r?.rejected ?? 0,
					medianHours: percentileOfHistogram(histogram, 50),
					p90Hours: percentileOfHistogram(histogram, 90),
					respondents: sv?.respondents ?? 0,
					targetSample: targetSample(finished),
					ikm: sv && sv.respondents > 0 ? ikm(surveyTotals(sv)) : null,
					followup: followups.get(k) ?? null,
					complaints: Number(c?.filed ?? 0),
					complaintsAnswered: Number(c?.answered ?? 0),
					complaintsAnsweredOnTime: Number(c?.onTime ?? 0)
				};
			})
		}))
	};
}

function surveyTotals(r: typeof surveyMonths.$inferSelect): ElementTotals[] {
	return [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7, r.s8, r.s9].map((sum) => ({ sum, count: r.respondents }));
}

/** This month's line for a service page: "Bulan ini: 47 dari 50 selesai tepat waktu". */
export async function thisMonth(db: Database, slug: string, now = new Date()) {
	const [month] = lastMonths(now, 1);
	const [row] = await db
		.select({ finished: performanceMonths.finished, onTime: performanceMonths.onTime })
		.from(performanceMonths)
		.where(and(eq(performanceMonths.serviceSlug, slug), eq(performanceMonths.month, month!)));
	return { finished: row?.finished ?? 0, onTime: row?.onTime ?? 0 };
}

// ------------------------------------------------------------------------------------------------
// The rollups as kept, and as a full recount from the raw rows (they must be equal)

export interface Rollups {
	months: { serviceSlug: string; month: string; received: number; finished: number; onTime: number; rejected: number }[];
	durations: { serviceSlug: string; month: string; hours: number; count: number }[];
	surveys: { serviceSlug: string; month: string; respondents: number; sums: number[] }[];
}

const sortRollups = (r: Rollups): Rollups => {
	const by = (a: { serviceSlug: string; month: string }, b: { serviceSlug: string; month: string }) =>
		a.serviceSlug.localeCompare(b.serviceSlug) || a.month.localeCompare(b.month);
	return {
		months: r.months.filter((m) => m.received || m.finished).sort(by),
		durations: r.durations.filter((d) => d.count > 0).sort((a, b) => by(a, b) || a.hours - b.hours),
		surveys: r.surveys.filter((s) => s.respondents > 0).sort(by)
	};
};

export async function rollups(db: Database): Promise<Rollups> {
	const [m, d, s] = await db.batch([db.select().from(performanceMonths), db.select().from(performanceDurations), db.select().from(surveyMonths)]);
	return sortRollups({
		months: m,
		durations: d,
		surveys: s.map((r) => ({ serviceSlug: r.serviceSlug, month: r.month, respondents: r.respondents, sums: [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7, r.s8, r.s9] }))
	});
}

export async function recount(db: Database): Promise<Rollups> {
	const [received, finished, durations, surveys] = await db.batch([
		db.select({ serviceSlug: applications.serviceSlug, month: monthOf(applications.submittedAt), n: sql<number>`count(*)` }).from(applications).groupBy(sql`1`, sql`2`),
		db
			.select({
				serviceSlug: applications.serviceSlug,
				month: monthOf(applications.finishedAt),
				n: sql<number>`count(*)`,
				onTime: sql<number>`sum(${applications.onTime})`,
				rejected: sql<number>`sum(${applications.status} = 'rejected')`
			})
			.from(applications)
			.where(sql`${applications.finishedAt} IS NOT NULL`)
			.groupBy(sql`1`, sql`2`),
		db.select({ serviceSlug: applications.serviceSlug, month: monthOf(applications.finishedAt), workingMs: applications.workingMs }).from(applications).where(sql`${applications.finishedAt} IS NOT NULL`),
		db.select().from(surveyResponses)
	]);
	const months = new Map<string, Rollups['months'][number]>();
	const at = (serviceSlug: string, month: string) => {
		const k = `${serviceSlug}\u0000${month}`;
		return months.get(k) ?? months.set(k, { serviceSlug, month, received: 0, finished: 0, onTime: 0, rejected: 0 }).get(k)!;
	};
	for (const r of received) at(r.serviceSlug, r.month).received = Number(r.n);
	for (const r of finished) Object.assign(at(r.serviceSlug, r.month), { finished: Number(r.n), onTime: Number(r.onTime), rejected: Number(r.rejected) });
	const hist = new Map<string, Rollups['durations'][number]>();
	for (const r of durations) {
		const hours = Math.ceil((r.workingMs ?? 0) / 3_600_000);
		const k = `${r.serviceSlug}\u0000${r.month}\u0000${hours}`;
		(hist.get(k) ?? hist.set(k, { serviceSlug: r.serviceSlug, month: r.month, hours, count: 0 }).get(k)!).count += 1;
	}
	const sv = new Map<string, Rollups['surveys'][number]>();
	for (const r of surveys) {
		const k = `${r.serviceSlug}\u0000${r.month}`;
		const entry = sv.get(k) ?? sv.set(k, { serviceSlug: r.serviceSlug, month: r.month, respondents: 0, sums: Array(9).fill(0) }).get(k)!;
		entry.respondents += 1;
		[r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9].forEach((a, i) => (entry.sums[i] = (entry.sums[i] ?? 0) + a));
	}
	return sortRollups({ months: [...months.values()], durations: [...hist.values()], surveys: [...sv.values()] });
}

/**
 * Documents this app issues (the city's own permits): what the printable page and the public verification
 * page show. Verification shows that the document is genuine, who it is for with the name partly masked,
 * when it was issued, and whether it was revoked: enough to check a paper, not enough to profile a person.
 */
import { and, eq, sql } from 'drizzle-orm';
import { formatWitaDate } from '$lib/domain/working-time';
import { whereMay, type Viewer } from './access';
import type { Database } from './db/open';
import { applications, offices, results, services } from './db/schema';

/** "Ahmad Fauzi" → "Ah*** Fa***": recognisable to its holder, not a full name for a stranger. */
export function maskName(name: string): string {
	return name
		.trim()
		.split(/\s+/)
		.map((part) => (part.length <= 2 ? `${part[0]}*` : `${part.slice(0, 2)}${'*'.repeat(Math.min(part.length - 2, 5))}`))
		.join(' ');
}

const columns = {
	// the title as issued; documents issued before titles were stored show the service's name
	title: sql<string>`coalesce(${results.title}, ${services.name})`,
	officeName: offices.name,
	number: results.number,
	holderName: results.holderName,
	applicantName: results.applicantName,
	details: results.details,
	issuedAt: results.issuedAt,
	revokedAt: results.revokedAt,
	revokedReason: results.revokedReason,
	verificationCode: results.verificationCode
};

function present(row: {
	title: string;
	officeName: string;
	number: string | null;
	holderName: string;
	applicantName: string | null;
	details: { label: string; value: string }[] | null;
	issuedAt: Date;
	revokedAt: Date | null;
	revokedReason: string | null;
	verificationCode: string | null;
}) {
	return {
		title: row.title,
		officeName: row.officeName,
		number: row.number ?? '',
		holderName: row.holderName,
		applicantName: row.applicantName,
		details: row.details ?? [],
		issuedOn: formatWitaDate(row.issuedAt),
		revoked: row.revokedAt !== null,
		revokedOn: row.revokedAt ? formatWitaDate(row.revokedAt) : null,
		revokedReason: row.revokedReason,
		verificationCode: row.verificationCode ?? ''
	};
}

/** The issued document of an application, in full, for those who may see its result (access.ts, `result`). */
export async function issuedFor(db: Database, viewer: Viewer, applicationId: string) {
	const [row] = await db
		.select(columns)
		.from(results)
		.innerJoin(applications, eq(applications.id, results.applicationId))
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.innerJoin(offices, eq(offices.id, applications.officeId))
		.where(and(eq(results.applicationId, applicationId), eq(results.kind, 'issued'), whereMay(viewer, 'result')));
	return row ? present(row) : null;
}

/** The public check of a paper by the code in its QR code; null for an unknown code. */
export async function verify(db: Database, code: string) {
	const normalized = code.trim().toUpperCase();
	if (!/^[A-Z2-7]{16}$/.test(normalized)) return null;
	const [row] = await db
		.select(columns)
		.from(results)
		.innerJoin(applications, eq(applications.id, results.applicationId))
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.innerJoin(offices, eq(offices.id, applications.officeId))
		.where(and(eq(results.verificationCode, normalized), eq(results.kind, 'issued')));
	if (!row) return null;
	const shown = present(row);
	// enough to check a paper: the holder's name masked, none of what the document shows about them
	return { ...shown, holderName: maskName(shown.holderName), applicantName: null, details: [] };
}

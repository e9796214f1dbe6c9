/**
 * The volunteer's own page (/relawan): the residents they helped and those residents' applications, the
 * corrections waiting for them and their resident drafts. A volunteer sees exactly the applications whose
 * `volunteerId` is theirs, and only while they are a volunteer (access.ts).
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { kelurahanName } from '$lib/domain/kelurahan';
import { formatPhone } from '$lib/domain/phone';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import type { Status } from '$lib/domain/workflow';
import { whereRelation, type Viewer } from './access';
import type { Database } from './db/open';
import { applicationDrafts, applications, services, users } from './db/schema';
import { m } from '../paraglide/messages.js';
import { localizedName } from './db/localized';

export interface HelpedApplication {
	id: string;
	code: string;
	serviceName: string;
	status: Status;
	dueAt: Date;
	submittedAt: Date;
	correctionNote: string | null;
	/** Whether the resident has the application in their own account. */
	inResidentAccount: boolean;
}

/**
 * Everything the volunteer helped with, by resident (newest first), the corrections waiting for them,
 * their resident drafts and their kelurahan, in one round trip. Only applications whose relation to
 * this user is `volunteer` (access.ts): a resident who removed them, or a withdrawn role, takes the
 * application out of this list.
 */
export async function helped(db: Database, volunteer: Viewer) {
	const volunteerId = volunteer.id;
	const [rows, drafts, me] = await db.batch([
		db
			.select({
				id: applications.id,
				trackingCode: applications.trackingCode,
				serviceName: localizedName(services),
				applicantName: applications.applicantName,
				applicantPhone: applications.applicantPhone,
				applicantId: applications.applicantId,
				status: applications.status,
				dueAt: applications.dueAt,
				submittedAt: applications.submittedAt,
				correction: applications.correction
			})
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.where(whereRelation(volunteer, ['volunteer']))
			.orderBy(desc(applications.submittedAt))
			.limit(300),
		db
			.select({
				id: applicationDrafts.id,
				serviceSlug: applicationDrafts.serviceSlug,
				serviceName: localizedName(services),
				resident: applicationDrafts.resident,
				updatedAt: applicationDrafts.updatedAt
			})
			.from(applicationDrafts)
			.innerJoin(services, eq(services.slug, applicationDrafts.serviceSlug))
			.where(and(eq(applicationDrafts.userId, volunteerId), isNotNull(applicationDrafts.resident)))
			.orderBy(desc(applicationDrafts.updatedAt))
			.limit(50),
		db.select({ kelurahan: users.kelurahan }).from(users).where(eq(users.id, volunteerId))
	]);

	const residents = new Map<string, { name: string; phone: string; applications: HelpedApplication[] }>();
	for (const row of rows) {
		const item: HelpedApplication = {
			id: row.id,
			code: formatTrackingCode(row.trackingCode),
			serviceName: row.serviceName,
			status: row.status,
			dueAt: row.dueAt,
			submittedAt: row.submittedAt,
			correctionNote: row.status === 'needs_correction' ? (row.correction?.note ?? '') : null,
			inResidentAccount: row.applicantId !== null
		};
		const resident = residents.get(row.applicantPhone);
		if (resident) resident.applications.push(item);
		else residents.set(row.applicantPhone, { name: row.applicantName, phone: formatPhone(row.applicantPhone), applications: [item] });
	}
	const list = [...residents.values()];
	return {
		kelurahanName: kelurahanName(me[0]?.kelurahan ?? null),
		residents: list,
		corrections: list.flatMap((r) =>
			r.applications.filter((a) => a.correctionNote !== null).map((a) => ({ ...a, residentName: r.name }))
		),
		drafts: drafts.map((d) => ({
			id: d.id,
			serviceSlug: d.serviceSlug,
			serviceName: d.serviceName,
			residentName: d.resident?.name || m.staff_volunteer_resident_unnamed(),
			updatedAt: d.updatedAt
		}))
	};
}

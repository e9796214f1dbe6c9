/**
 * The counter's day list (/petugas/jadwal): who comes when at one location on one day, with their queue
 * number, for the officer's own office.
 */
import { and, asc, eq } from 'drizzle-orm';
import { formatQueueNumber } from '$lib/domain/locations';
import type { OfficeId } from '$lib/domain/service';
import { locationsQuery } from './appointment-reads';
import type { Database } from './db/open';
import { appointments, appointmentSlots, applications, services } from './db/schema';
import { localizedName } from './db/localized';

/**
 * The day's list for an office's counter at one location: who comes when, with their queue number. Only
 * applications of the officer's own office; the locations come along for the page's picker.
 */
export async function dayList(db: Database, input: { locationId: string; date: string; officeId: OfficeId }) {
	const [locations, rows] = await db.batch([
		locationsQuery(db),
		db
			.select({
				id: appointments.id,
				applicationId: applications.id,
				startTime: appointmentSlots.startTime,
				queueNumber: appointments.queueNumber,
				applicantName: applications.applicantName,
				serviceName: localizedName(services),
				trackingCode: applications.trackingCode
			})
			.from(appointments)
			.innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
			.innerJoin(applications, eq(applications.id, appointments.applicationId))
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.where(
				and(
					eq(appointmentSlots.locationId, input.locationId),
					eq(appointmentSlots.date, input.date),
					eq(appointments.status, 'booked'),
					eq(applications.officeId, input.officeId)
				)
			)
			.orderBy(asc(appointmentSlots.startTime), asc(appointments.queueNumber))
	]);
	return {
		locations,
		rows: rows.map((r) => ({ ...r, queueLabel: formatQueueNumber(r.queueNumber) }))
	};
}

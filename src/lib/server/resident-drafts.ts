/**
 * Applying for a resident (field mode): a volunteer in the field, or an officer at the counter for a
 * walk-in, starts a draft that carries the resident (name, phone) and how they agreed (`DraftResident`).
 * On submit that becomes the application's `consent` (`residentForSubmit` in domain/resident.ts), and the
 * application belongs to the resident (`applicantId`, once they have an account) with the volunteer
 * recorded as the helper (`volunteerId`).
 */
import type { SessionUser } from './auth/session';
import { draftStore } from './drafts';
import type { Database } from './db/open';
import type { DraftResident } from './db/schema';

/**
 * A draft for a resident, made by a volunteer in the field or by an officer at the counter for a walk-in
 * resident (only for their own office's services: the route checks the service); the resident page,
 * with the resident's consent, comes first. Null for anyone else.
 */
export async function startForResident(
	db: Database,
	volunteer: Pick<SessionUser, 'id' | 'role'>,
	serviceSlug: string,
	now = new Date()
): Promise<string | null> {
	if (volunteer.role !== 'volunteer' && volunteer.role !== 'officer') return null;
	return draftStore(db, volunteer.id, now).start(serviceSlug, { forResident: true });
}

/**
 * Saves who the resident is and how they agreed (checked by domain/resident.ts). The applicant's name and
 * phone are not kept in the answers: in field mode they are the resident's (domain/journey.ts).
 */
export async function saveResident(
	db: Database,
	draft: { id: string; userId: string },
	resident: DraftResident,
	now = new Date()
) {
	await draftStore(db, draft.userId, now).saveResident(draft.id, resident);
}

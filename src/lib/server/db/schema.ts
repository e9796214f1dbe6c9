/**
 * The database, in drizzle. SQLite dialect: libSQL files locally and in tests, Turso in production.
 *
 * Times are stored as integer milliseconds since the epoch (UTC); WITA is only a way of showing them.
 * Application events are append-only: triggers in the migrations refuse UPDATE and DELETE on them.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role } from '$lib/domain/roles';
// a relative path: drizzle-kit reads this file outside Vite, where $lib means nothing at run time
import { eventTypes, type CorrectionAsked, type EventData, type EventType } from '../../domain/events';
import type { Status } from '$lib/domain/workflow';
import type {
	DocumentRequirement,
	IssuedDocument,
	OfficeId,
	ServiceStandard,
	SlaUnit,
	StepDefinition
} from '$lib/domain/service';

export interface Consent {
	/** 'resident' agreed themselves; 'parent' for a child's document. */
	by: 'resident' | 'parent';
	/** How: ticked on the volunteer's phone, or said yes out loud. */
	how: 'ticked' | 'spoken';
	/** The person who agreed, as told to the volunteer. */
	name: string;
	at: number;
	volunteerName: string;
}

/**
 * On a volunteer's draft for a resident: who the resident is and how they agreed. Starts empty
 * (name and phone '', consent null) and is complete once the volunteer saved the draft's first page
 * (`/ajukan/<slug>/<id>/warga`); on submit it becomes the application's `consent`, with the time and the
 * volunteer's name.
 */
export interface DraftResident {
	name: string;
	/** E.164, +628…; '' until given. */
	phone: string;
	consent: Pick<Consent, 'by' | 'how' | 'name'> | null;
}

/** The correction being waited on: the same shape its `correction_requested` event carries. */
export type CorrectionRequest = CorrectionAsked;

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const offices = sqliteTable('offices', {
	id: text('id').$type<OfficeId>().primaryKey(),
	name: text('name').notNull(),
	shortName: text('short_name').notNull(),
	address: text('address').notNull(),
	/** How the office numbers the documents it issues: `{kode}` tracking code, `{tahun}` year (WITA). */
	documentNumber: text('document_number').notNull().default('{kode}/{tahun}')
});

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		/** E.164, +628… */
		phone: text('phone').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role').$type<Role>().notNull().default('citizen'),
		/** Officers belong to exactly one office; everyone else has none. */
		officeId: text('office_id').$type<OfficeId>().references(() => offices.id),
		/** Volunteers serve one kelurahan (code from domain/kelurahan.ts). */
		kelurahan: text('kelurahan'),
		/**
		 * Set when someone else chose the password (an admin's temporary password for a new officer): the
		 * hook sends the user to /akun/sandi until they choose their own. Cleared by changing the password.
		 */
		mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('users_phone_unique').on(t.phone)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** SHA-256 of the token's secret part; the secret itself is never stored. */
		secretHash: blob('secret_hash', { mode: 'buffer' }).$type<Uint8Array>().notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Failure counters for throttling (auth/throttle.ts): logins per account, per account and address, per
 * address; registration probes; tracking and claim guesses per code and per address. One row per key.
 */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' })
});

export const services = sqliteTable(
	'services',
	{
		slug: text('slug').primaryKey(),
		officeId: text('office_id')
			.$type<OfficeId>()
			.notNull()
			.references(() => offices.id),
		name: text('name').notNull(),
		summary: text('summary').notNull(),
		description: text('description').notNull(),
		steps: text('steps', { mode: 'json' }).$type<StepDefinition[]>().notNull(),
		documents: text('documents', { mode: 'json' }).$type<DocumentRequirement[]>().notNull(),
		standard: text('standard', { mode: 'json' }).$type<ServiceStandard>().notNull(),
		slaValue: integer('sla_value').notNull(),
		slaUnit: text('sla_unit').$type<SlaUnit>().notNull(),
		inPerson: integer('in_person', { mode: 'boolean' }).notNull().default(false),
		rank: integer('rank').notNull().default(100),
		externalLink: text('external_link', { mode: 'json' }).$type<{ href: string; label: string }>(),
		/** What its result document shows (domain/service.ts); null: the applicant's name only. */
		issued: text('issued', { mode: 'json' }).$type<IssuedDocument>(),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('services_office_idx').on(t.officeId)]
);

export const applications = sqliteTable(
	'applications',
	{
		/** Made by the browser; doubles as the idempotency key of the submission. */
		id: text('id').primaryKey(),
		trackingCode: text('tracking_code').notNull(),
		serviceSlug: text('service_slug')
			.notNull()
			.references(() => services.slug),
		officeId: text('office_id')
			.$type<OfficeId>()
			.notNull()
			.references(() => offices.id),
		applicantId: text('applicant_id').references(() => users.id),
		/** The volunteer who helped, if any; cleared when the resident removes them. */
		volunteerId: text('volunteer_id').references(() => users.id),
		/**
		 * For an application a volunteer made: the resident's consent as recorded (who agreed, how), with
		 * its time and the volunteer's name, so it stays true even if the volunteer account changes.
		 */
		consent: text('consent', { mode: 'json' }).$type<Consent>(),
		applicantName: text('applicant_name').notNull(),
		applicantPhone: text('applicant_phone').notNull(),
		answers: text('answers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		status: text('status').$type<Status>().notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		/** The promise to the citizen; moves later by the working time spent waiting on them. */
		dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
		/** When the clock was paused (waiting on the citizen); null while it runs. */
		pausedAt: integer('paused_at', { mode: 'timestamp_ms' }),
		assignedOfficerId: text('assigned_officer_id').references(() => users.id),
		/** The officer's ticks on the service's requirements checklist, by document/requirement key. */
		checklist: text('checklist', { mode: 'json' }).$type<Record<string, boolean>>().notNull().default({}),
		/** While waiting on the citizen: what the officer asked to fix (field and document keys). */
		correction: text('correction', { mode: 'json' }).$type<CorrectionRequest>(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('applications_tracking_code_unique').on(t.trackingCode),
		index('applications_queue_idx').on(t.officeId, t.status, t.dueAt),
		index('applications_applicant_idx').on(t.applicantId, t.submittedAt),
		index('applications_volunteer_idx').on(t.volunteerId, t.submittedAt),
		index('applications_assigned_idx').on(t.assignedOfficerId, t.dueAt)
	]
);

/** Append-only history of an application: the timeline and the audit log are both read from here. */
export const applicationEvents = sqliteTable(
	'application_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		applicationId: text('application_id')
			.notNull()
			.references(() => applications.id),
		actorId: text('actor_id').references(() => users.id),
		/** One of the event table's types (domain/events.ts). */
		type: text('type', { enum: eventTypes }).notNull(),
		fromStatus: text('from_status').$type<Status>(),
		toStatus: text('to_status').$type<Status>(),
		note: text('note'),
		/** What the event carries beyond its note (EventData of its type): the correction asked, the answers resubmitted, … */
		data: text('data', { mode: 'json' }).$type<EventData[EventType]>(),
		/** Shown on the citizen's timeline (officers' views of personal data are audit-only). */
		visibleToCitizen: integer('visible_to_citizen', { mode: 'boolean' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('application_events_application_idx').on(t.applicationId, t.id)]
);

export const documents = sqliteTable(
	'documents',
	{
		id: text('id').primaryKey(),
		/**
		 * The application's id. Documents are uploaded while the application is still a draft, and a draft
		 * becomes the application with the same id, so this is deliberately not a foreign key.
		 */
		applicationId: text('application_id').notNull(),
		/** The service's document requirement this file answers. */
		requirementKey: text('requirement_key').notNull(),
		/** Unguessable key in the R2 bucket. */
		storageKey: text('storage_key').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		originalName: text('original_name').notNull(),
		uploadedBy: text('uploaded_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('documents_storage_key_unique').on(t.storageKey),
		index('documents_application_idx').on(t.applicationId)
	]
);

/**
 * An application being filled in on the server, for browsers without JavaScript (with JavaScript the
 * draft lives on the phone). Its id becomes the application's id on submit, so submitting twice is harmless.
 */
export const applicationDrafts = sqliteTable(
	'application_drafts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		serviceSlug: text('service_slug')
			.notNull()
			.references(() => services.slug),
		answers: text('answers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		/** A volunteer's draft for a resident (null when applying for oneself). */
		resident: text('resident', { mode: 'json' }).$type<DraftResident>(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('application_drafts_user_idx').on(t.userId, t.updatedAt)]
);

/** National holidays and cuti bersama (WITA dates, YYYY-MM-DD). Editable data: decrees move them. */
export const holidays = sqliteTable('holidays', {
	date: text('date').primaryKey(),
	name: text('name').notNull(),
	kind: text('kind').$type<'libur' | 'cuti_bersama'>().notNull()
});

/** Citizens asking to become volunteers for a kelurahan; an admin approves or refuses. */
export const volunteerRequests = sqliteTable(
	'volunteer_requests',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kelurahan: text('kelurahan').notNull(),
		motivation: text('motivation').notNull(),
		status: text('status').$type<'pending' | 'approved' | 'refused' | 'withdrawn'>().notNull(),
		decidedBy: text('decided_by').references(() => users.id),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		note: text('note'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('volunteer_requests_status_idx').on(t.status, t.createdAt), index('volunteer_requests_user_idx').on(t.userId)]
);

/** In-app notifications: a badge and a list for each change that concerns the citizen. */
export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		applicationId: text('application_id').references(() => applications.id),
		text: text('text').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)]
);

/**
 * What the citizen gets when an application is completed: a file the office uploaded (e.g. the certificate
 * from SIAK, printable at home on plain A4), a pickup at an office, or a document this app issues (city
 * permits), verifiable at /verifikasi/<code> and revocable.
 */
export const results = sqliteTable(
	'results',
	{
		applicationId: text('application_id')
			.primaryKey()
			.references(() => applications.id),
		kind: text('kind').$type<'file' | 'pickup' | 'issued'>().notNull(),
		/** kind = file: the uploaded document. */
		documentId: text('document_id').references(() => documents.id),
		/** kind = pickup: where and what to bring. */
		pickupNote: text('pickup_note'),
		/** kind = issued: the public verification code in the QR code (unguessable). */
		verificationCode: text('verification_code'),
		/** kind = issued: the document's title and number as printed. */
		title: text('title'),
		number: text('number'),
		/** Who the document is for: the applicant, or e.g. the child on a birth certificate. */
		holderName: text('holder_name').notNull(),
		/** The applicant, when not the holder (the parent who applied for a child's certificate). */
		applicantName: text('applicant_name'),
		/** What the document shows, as issued (labels and values from the answers). */
		details: text('details', { mode: 'json' }).$type<{ label: string; value: string }[]>(),
		issuedBy: text('issued_by')
			.notNull()
			.references(() => users.id),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedReason: text('revoked_reason')
	},
	(t) => [uniqueIndex('results_verification_code_unique').on(t.verificationCode)]
);

/** Where in-person steps happen (Disdukcapil office, MPP Banjarbaru, the five kecamatan offices). */
export const appointmentLocations = sqliteTable('appointment_locations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	address: text('address').notNull(),
	active: integer('active', { mode: 'boolean' }).notNull().default(true)
});

/**
 * One bookable time on one day at one location. `booked` never exceeds `capacity`: a booking is a single
 * conditional UPDATE (… WHERE booked < capacity), so concurrent bookings of the last place cannot both win.
 * `lastNumber` only grows, so queue numbers are never reused after a cancellation.
 */
export const appointmentSlots = sqliteTable(
	'appointment_slots',
	{
		id: text('id').primaryKey(),
		locationId: text('location_id')
			.notNull()
			.references(() => appointmentLocations.id),
		/** WITA date, YYYY-MM-DD. */
		date: text('date').notNull(),
		/** WITA time, HH:MM. */
		startTime: text('start_time').notNull(),
		capacity: integer('capacity').notNull(),
		booked: integer('booked').notNull().default(0),
		lastNumber: integer('last_number').notNull().default(0)
	},
	(t) => [uniqueIndex('appointment_slots_unique').on(t.locationId, t.date, t.startTime)]
);

export const appointments = sqliteTable(
	'appointments',
	{
		id: text('id').primaryKey(),
		applicationId: text('application_id')
			.notNull()
			.references(() => applications.id),
		slotId: text('slot_id')
			.notNull()
			.references(() => appointmentSlots.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** Shown to the citizen and called at the counter, e.g. 7 → "A-007". */
		queueNumber: integer('queue_number').notNull(),
		status: text('status').$type<'booked' | 'cancelled'>().notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('appointments_application_idx').on(t.applicationId, t.status),
		index('appointments_slot_idx').on(t.slotId, t.status)
	]
);

/**
 * The NIK blind index (server/crypto/answers.ts): the keyed HMAC of each NIK answer of an application, so
 * an exact search by NIK (the counter) finds it while the NIK itself is stored only sealed.
 */
export const nikIndex = sqliteTable(
	'nik_index',
	{
		digest: text('digest').notNull(),
		applicationId: text('application_id')
			.notNull()
			.references(() => applications.id),
		/** The answer it indexes (applicant_nik, mother_nik, …). */
		fieldKey: text('field_key').notNull()
	},
	(t) => [uniqueIndex('nik_index_unique').on(t.applicationId, t.fieldKey), index('nik_index_digest_idx').on(t.digest)]
);

/**
 * A resident's request about their own data (UU PDP 27/2022): a correction or a deletion, answered by an
 * admin within 3×24 hours (`dueAt`). Kept after it is answered: it is the record that the right was honoured.
 */
export const dataRequests = sqliteTable(
	'data_requests',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<'correction' | 'deletion'>().notNull(),
		/** What the resident wrote: what is wrong and what it should be, or what to delete and why. */
		detail: text('detail').notNull(),
		status: text('status').$type<'open' | 'done' | 'refused'>().notNull(),
		/** The admin's answer, read by the resident (for a refusal: the legal reason). */
		answer: text('answer'),
		decidedBy: text('decided_by').references(() => users.id),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('data_requests_user_idx').on(t.userId, t.createdAt), index('data_requests_status_idx').on(t.status, t.dueAt)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type ApplicationEvent = typeof applicationEvents.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type Draft = typeof applicationDrafts.$inferSelect;
export type Result = typeof results.$inferSelect;
export type AppointmentSlot = typeof appointmentSlots.$inferSelect;

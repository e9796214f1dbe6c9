/**
 * The database, in drizzle. SQLite dialect: libSQL files locally and in tests, Turso in production.
 *
 * Times are stored as integer milliseconds since the epoch (UTC); WITA is only a way of showing them.
 * Application events are append-only: triggers in the migrations refuse UPDATE and DELETE on them.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ComplaintStatus } from '../../domain/complaints';
import type { Role } from '$lib/domain/roles';
// a relative path: drizzle-kit reads this file outside Vite, where $lib means nothing at run time
import { eventTypes, type CorrectionAsked, type EventData, type EventType } from '../../domain/events';
import type { Status } from '$lib/domain/workflow';
import type {
	ConsentBy,
	DocumentRequirement,
	IssuedDocument,
	OfficeId,
	OfficeTranslations,
	ServiceStandard,
	ServiceTranslations,
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
	documentNumber: text('document_number').notNull().default('{kode}/{tahun}'),
	/** The office's name and address in other languages (domain/service-language.ts); null: Indonesian only. */
	translations: text('translations', { mode: 'json' }).$type<OfficeTranslations>()
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
		/** When the number was confirmed by a one-time code (notify/codes.ts); null: never confirmed. */
		phoneVerifiedAt: integer('phone_verified_at', { mode: 'timestamp_ms' }),
		/**
		 * How notices reach this person's phone besides the app (notify/channels.ts): WhatsApp, SMS or not
		 * at all. Web Push goes to every browser they subscribed (`push_subscriptions`).
		 */
		noticeByPhone: text('notice_by_phone').$type<PhoneChoice>().notNull().default('whatsapp'),
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
		/**
		 * Who must agree when a volunteer applies for someone (domain/journey.ts): the resident, or for a
		 * child's document a parent. Seeded from the definition's `consentBy`; admins set it.
		 */
		consentBy: text('consent_by').$type<ConsentBy>().notNull().default('resident'),
		/**
		 * What a person reads, in other languages: `{ en: overlay }` (domain/service-language.ts), seeded from
		 * domain/catalogue-en.ts. Null: Indonesian only. Admins edit the Indonesian; an edited text drops its
		 * stale English (server/catalogue.ts `update`).
		 */
		translations: text('translations', { mode: 'json' }).$type<ServiceTranslations>(),
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
		/** Working time spent waiting on the citizen in finished waits (ms): what the SLA clock left out. */
		waitedMs: integer('waited_ms').notNull().default(0),
		/**
		 * Set once, when the result is given (completed or rejected): when, the working time it took with the
		 * waiting left out, and whether it kept the promise (domain/performance.ts `finish`). Triggers keep the
		 * monthly rollups (performance_months, performance_durations) from these.
		 */
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		workingMs: integer('working_ms'),
		onTime: integer('on_time', { mode: 'boolean' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('applications_tracking_code_unique').on(t.trackingCode),
		index('applications_open_idx').on(t.status, t.serviceSlug, t.dueAt, t.pausedAt),
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
 * Monthly rollups for /kinerja, per service and WITA month, kept by triggers (migration 'kinerja') in the
 * same transaction as the application write, so they can never drift: `received` counts submissions by
 * their month; `finished`, `onTime` and `rejected` count results by the month they were given.
 * tests/integration/kinerja.test.ts checks that they equal a full recount.
 */
export const performanceMonths = sqliteTable(
	'performance_months',
	{
		serviceSlug: text('service_slug').notNull(),
		month: text('month').notNull(),
		received: integer('received').notNull().default(0),
		finished: integer('finished').notNull().default(0),
		onTime: integer('on_time').notNull().default(0),
		rejected: integer('rejected').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.serviceSlug, t.month] })]
);

/** How long finished applications took: a histogram per service and month, in whole working hours (rounded up). */
export const performanceDurations = sqliteTable(
	'performance_durations',
	{
		serviceSlug: text('service_slug').notNull(),
		month: text('month').notNull(),
		hours: integer('hours').notNull(),
		count: integer('count').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.serviceSlug, t.month, t.hours] })]
);

/**
 * The invitation to the satisfaction survey, one per application, made when its result is given. The token
 * is the one-time key of the survey link; it is cleared when used, and the response itself is stored apart
 * without any link back (survey_responses).
 */
export const surveyInvitations = sqliteTable(
	'survey_invitations',
	{
		applicationId: text('application_id')
			.primaryKey()
			.references(() => applications.id),
		token: text('token'),
		serviceSlug: text('service_slug').notNull(),
		/** The WITA month of the result: the period the answer counts for. */
		month: text('month').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('survey_invitations_token_unique').on(t.token)]
);

/** One anonymous answer to the nine elements (1–4) and the optional demographics: no person, no application, no time. */
export const surveyResponses = sqliteTable(
	'survey_responses',
	{
		id: text('id').primaryKey(),
		serviceSlug: text('service_slug').notNull(),
		month: text('month').notNull(),
		u1: integer('u1').notNull(),
		u2: integer('u2').notNull(),
		u3: integer('u3').notNull(),
		u4: integer('u4').notNull(),
		u5: integer('u5').notNull(),
		u6: integer('u6').notNull(),
		u7: integer('u7').notNull(),
		u8: integer('u8').notNull(),
		u9: integer('u9').notNull(),
		ageBand: text('age_band'),
		sex: text('sex'),
		education: text('education'),
		occupation: text('occupation')
	},
	(t) => [index('survey_responses_service_month_idx').on(t.serviceSlug, t.month)]
);

/** The survey per service and month: respondents and the sum of each element's answers, kept by a trigger. */
export const surveyMonths = sqliteTable(
	'survey_months',
	{
		serviceSlug: text('service_slug').notNull(),
		month: text('month').notNull(),
		respondents: integer('respondents').notNull().default(0),
		s1: integer('s1').notNull().default(0),
		s2: integer('s2').notNull().default(0),
		s3: integer('s3').notNull().default(0),
		s4: integer('s4').notNull().default(0),
		s5: integer('s5').notNull().default(0),
		s6: integer('s6').notNull().default(0),
		s7: integer('s7').notNull().default(0),
		s8: integer('s8').notNull().default(0),
		s9: integer('s9').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.serviceSlug, t.month] })]
);

/** What an office changed because of the survey (tindak lanjut), published on /kinerja beside the score. */
export const surveyFollowups = sqliteTable(
	'survey_followups',
	{
		serviceSlug: text('service_slug')
			.notNull()
			.references(() => services.slug),
		month: text('month').notNull(),
		text: text('text').notNull(),
		updatedBy: text('updated_by').references(() => users.id),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.serviceSlug, t.month] })]
);

/** Complaints (pengaduan), on SP4N-LAPOR!'s clock: see domain/complaints.ts. */
export const complaints = sqliteTable(
	'complaints',
	{
		id: text('id').primaryKey(),
		code: text('code').notNull(),
		serviceSlug: text('service_slug')
			.notNull()
			.references(() => services.slug),
		officeId: text('office_id')
			.$type<OfficeId>()
			.notNull()
			.references(() => offices.id),
		applicationId: text('application_id').references(() => applications.id),
		/** The account that filed it, if any (a complaint can be filed without one). */
		userId: text('user_id').references(() => users.id),
		contactName: text('contact_name'),
		contactPhone: text('contact_phone'),
		text: text('text').notNull(),
		/** About an officer: the admin handles it, the office does not see it. */
		namesOfficer: integer('names_officer', { mode: 'boolean' }).notNull().default(false),
		officerName: text('officer_name'),
		status: text('status').$type<ComplaintStatus>().notNull(),
		filedAt: integer('filed_at', { mode: 'timestamp_ms' }).notNull(),
		/** When the answer is due (5 working days; moved by a reopening). */
		dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
		answer: text('answer'),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		answeredBy: text('answered_by').references(() => users.id),
		/** Whether the first answer came within the first 5 working days (the /kinerja figure). */
		firstAnsweredOnTime: integer('first_answered_on_time', { mode: 'boolean' }),
		reopenCount: integer('reopen_count').notNull().default(0),
		reopenReason: text('reopen_reason'),
		previousAnswer: text('previous_answer'),
		solvedAt: integer('solved_at', { mode: 'timestamp_ms' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('complaints_code_unique').on(t.code),
		index('complaints_office_idx').on(t.officeId, t.status, t.dueAt),
		index('complaints_service_idx').on(t.serviceSlug, t.filedAt),
		index('complaints_user_idx').on(t.userId)
	]
);

export type Complaint = typeof complaints.$inferSelect;

/**
 * The notice outbox (notify/outbox.ts): one row per message per channel per recipient, written in the same
 * batch as the event that causes it (or the one-time code). `key` is the idempotency key: a replayed
 * write inserts nothing, and a row is sent only by the sender that claimed it (`claim_token`), so two
 * senders never send it twice. `failed` rows stay for the admin to see.
 */
export const noticeOutbox = sqliteTable(
	'notice_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** `event:<event id>:<channel>:<recipient>` or `code:<code id>:<channel>`. */
		key: text('key').notNull(),
		channel: text('channel').$type<QueuedChannel>().notNull(),
		kind: text('kind').$type<'notice' | 'code'>().notNull(),
		/** The account it is for (push needs it); null for a resident without an account. */
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		/** E.164 number for WhatsApp and SMS; null for push. */
		phone: text('phone'),
		applicationId: text('application_id').references(() => applications.id),
		/** The plain text (SMS, push body). */
		text: text('text').notNull(),
		/** Template parameters: a notice's code, what happened, what next, link path; a code's digits. */
		params: text('params', { mode: 'json' }).$type<string[]>().notNull(),
		status: text('status').$type<OutboxStatus>().notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		claimToken: text('claim_token'),
		claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
		lastError: text('last_error'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('notice_outbox_key_unique').on(t.key),
		index('notice_outbox_due_idx').on(t.status, t.nextAttemptAt),
		index('notice_outbox_application_idx').on(t.applicationId)
	]
);

/** Browsers that agreed to Web Push, per account (the subscription's endpoint and keys, RFC 8291). */
export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('push_subscriptions_endpoint_unique').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)]
);

/**
 * One-time codes sent to a phone number (notify/codes.ts): 6 digits, valid 5 minutes, only a hash stored,
 * a few tries each. `purpose` says what a right code allows.
 */
export const phoneCodes = sqliteTable(
	'phone_codes',
	{
		id: text('id').primaryKey(),
		phone: text('phone').notNull(),
		purpose: text('purpose').$type<CodePurpose>().notNull(),
		/** SHA-256 of the id and the code: the code itself is never stored. */
		codeHash: text('code_hash').notNull(),
		attempts: integer('attempts').notNull().default(0),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('phone_codes_phone_idx').on(t.phone, t.purpose, t.createdAt)]
);

export type PhoneChoice = 'whatsapp' | 'sms' | 'none';
export type QueuedChannel = 'whatsapp' | 'sms' | 'push';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
export type CodePurpose = 'verify' | 'reset' | 'claim';

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

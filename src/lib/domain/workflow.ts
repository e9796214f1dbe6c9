/**
 * The life of an application, as one table of allowed transitions.
 *
 *   submitted → in_review → (needs_correction ⇄ resubmitted) → approved → completed
 *   in_review → rejected (a reason is required) · submitted → cancelled (by the applicant, before review)
 *
 * `transitions` is the single source of truth: the server refuses anything it does not list, and pages show
 * only the buttons `allowedActions` returns, so the two can never disagree. An application's status is the
 * result of its append-only events; each event is one action from this table.
 *
 * Actors are the applicant (a citizen, or a volunteer acting for one: they may do the same things) and the
 * officer of the office that owns the service. The SLA clock stops while the application waits on the
 * applicant (`needs_correction`) and there is nothing left to do in a terminal status.
 */

export const statuses = [
	'submitted',
	'in_review',
	'needs_correction',
	'resubmitted',
	'approved',
	'completed',
	'rejected',
	'cancelled'
] as const;
export type Status = (typeof statuses)[number];

export const actions = [
	'claim',
	'request_correction',
	'resubmit',
	'approve',
	'reject',
	'complete',
	'cancel'
] as const;
export type Action = (typeof actions)[number];

export type ActorKind = 'applicant' | 'officer';

export interface Transition {
	from: readonly Status[];
	to: Status;
	by: readonly ActorKind[];
	/** The officer must write a note the applicant will read (what to fix, or why it was refused). */
	noteRequired: boolean;
}

export const transitions = {
	claim: { from: ['submitted', 'resubmitted'], to: 'in_review', by: ['officer'], noteRequired: false },
	request_correction: { from: ['in_review'], to: 'needs_correction', by: ['officer'], noteRequired: true },
	resubmit: { from: ['needs_correction'], to: 'resubmitted', by: ['applicant'], noteRequired: false },
	approve: { from: ['in_review'], to: 'approved', by: ['officer'], noteRequired: false },
	reject: { from: ['in_review'], to: 'rejected', by: ['officer'], noteRequired: true },
	complete: { from: ['approved'], to: 'completed', by: ['officer'], noteRequired: false },
	cancel: { from: ['submitted'], to: 'cancelled', by: ['applicant'], noteRequired: false }
} as const satisfies Record<Action, Transition>;

/** The same table with its literal types widened, so `includes(status)` type-checks. */
const table: Record<Action, Transition> = transitions;

/** The actions `actor` may take on an application in `status`, in table order. */
export function allowedActions(status: Status, actor: ActorKind): Action[] {
	return actions.filter((action) => table[action].from.includes(status) && table[action].by.includes(actor));
}

/** The status after `action`, or `null` when the table does not allow it from `status`. */
export function nextStatus(status: Status, action: Action): Status | null {
	const transition = table[action];
	return transition.from.includes(status) ? transition.to : null;
}

/** A status no action leaves: completed, rejected, cancelled. Derived from the table, not listed twice. */
export function isTerminal(status: Status): boolean {
	return !actions.some((action) => table[action].from.includes(status));
}

/** The statuses no action leaves, and the ones still in progress: defined here once, imported everywhere. */
export const terminalStatuses: readonly Status[] = statuses.filter(isTerminal);
export const openStatuses: readonly Status[] = statuses.filter((status) => !isTerminal(status));

/** Whether the SLA clock stands still: only while the application waits on the applicant. */
export function pausesSla(status: Status): boolean {
	return status === 'needs_correction';
}

export const workflowMessages = {
	notAllowed: 'Tindakan ini tidak bisa dilakukan pada permohonan dengan status ini.',
	wrongActor: 'Anda tidak berhak melakukan tindakan ini.',
	noteMissing: 'Catatan wajib diisi. Tulis dengan jelas untuk pemohon.'
} as const;

/**
 * The server's check before writing an event: is `action` allowed from `status`, by this actor, with the
 * note the table requires? Returns the new status, or a plain-Indonesian reason to show.
 */
export function checkTransition(
	status: Status,
	action: Action,
	actor: ActorKind,
	note?: string | null
): { ok: true; to: Status } | { ok: false; message: string } {
	const transition = table[action];
	if (!transition.from.includes(status)) return { ok: false, message: workflowMessages.notAllowed };
	if (!transition.by.includes(actor)) return { ok: false, message: workflowMessages.wrongActor };
	if (transition.noteRequired && !note?.trim()) return { ok: false, message: workflowMessages.noteMissing };
	return { ok: true, to: transition.to };
}

/** What a citizen reads as the status of their application. */
export const statusLabel: Record<Status, string> = {
	submitted: 'Diterima, menunggu diperiksa',
	in_review: 'Sedang diperiksa',
	needs_correction: 'Perlu perbaikan dari Anda',
	resubmitted: 'Perbaikan dikirim',
	approved: 'Disetujui',
	completed: 'Selesai',
	rejected: 'Ditolak',
	cancelled: 'Dibatalkan'
};

/** The same statuses as the office reads them (the citizen's wording speaks to the citizen). */
export const officeStatusLabel: Record<Status, string> = {
	...statusLabel,
	submitted: 'Baru masuk',
	needs_correction: 'Menunggu perbaikan pemohon',
	resubmitted: 'Perbaikan masuk'
};

/** Button text for each action. */
export const actionLabel: Record<Action, string> = {
	claim: 'Periksa permohonan ini',
	request_correction: 'Minta perbaikan',
	resubmit: 'Kirim perbaikan',
	approve: 'Setujui',
	reject: 'Tolak',
	complete: 'Tandai selesai',
	cancel: 'Batalkan permohonan'
};

/** One sentence telling the citizen what happens next, or `null` when nothing more will happen. */
export function citizenNextStep(status: Status): string | null {
	switch (status) {
		case 'submitted':
			return 'Petugas akan memeriksa permohonan Anda. Selama belum diperiksa, Anda masih bisa membatalkannya.';
		case 'in_review':
			return 'Petugas sedang memeriksa berkas Anda. Kami beri tahu jika ada yang perlu diperbaiki.';
		case 'needs_correction':
			return 'Baca catatan petugas, perbaiki yang diminta, lalu kirim lagi. Batas waktu layanan berhenti sampai Anda mengirim perbaikan.';
		case 'resubmitted':
			return 'Petugas akan memeriksa perbaikan Anda.';
		case 'approved':
			return 'Permohonan Anda disetujui. Dokumen Anda sedang disiapkan.';
		case 'completed':
			return 'Dokumen Anda sudah selesai. Unduh atau ambil dokumen sesuai petunjuk.';
		case 'rejected':
			return 'Baca alasan penolakan dari petugas. Anda boleh mengajukan permohonan baru.';
		case 'cancelled':
			return null;
		default: {
			const unreachable: never = status;
			throw new Error(`Unknown status: ${String(unreachable)}`);
		}
	}
}

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
 *
 * What people read (status names, buttons, next steps) comes from messages/<locale>/status.json in the
 * reader's language, read at use: the maps below keep their shape with getters. The stored types do not change.
 */
import { m } from '../paraglide/messages.js';

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
	get notAllowed() {
		return m.status_workflow_not_allowed();
	},
	get wrongActor() {
		return m.status_workflow_wrong_actor();
	},
	get noteMissing() {
		return m.status_workflow_note_missing();
	}
} as const;

/**
 * The server's check before writing an event: is `action` allowed from `status`, by this actor, with the
 * note the table requires? Returns the new status, or a plain reason to show (in the reader's language).
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
	get submitted() {
		return m.status_label_submitted();
	},
	get in_review() {
		return m.status_label_in_review();
	},
	get needs_correction() {
		return m.status_label_needs_correction();
	},
	get resubmitted() {
		return m.status_label_resubmitted();
	},
	get approved() {
		return m.status_label_approved();
	},
	get completed() {
		return m.status_label_completed();
	},
	get rejected() {
		return m.status_label_rejected();
	},
	get cancelled() {
		return m.status_label_cancelled();
	}
};

/** The same statuses as the office reads them (the citizen's wording speaks to the citizen). */
export const officeStatusLabel: Record<Status, string> = {
	get submitted() {
		return m.status_office_submitted();
	},
	get in_review() {
		return statusLabel.in_review;
	},
	get needs_correction() {
		return m.status_office_needs_correction();
	},
	get resubmitted() {
		return m.status_office_resubmitted();
	},
	get approved() {
		return statusLabel.approved;
	},
	get completed() {
		return statusLabel.completed;
	},
	get rejected() {
		return statusLabel.rejected;
	},
	get cancelled() {
		return statusLabel.cancelled;
	}
};

/** Button text for each action. */
export const actionLabel: Record<Action, string> = {
	get claim() {
		return m.status_action_claim();
	},
	get request_correction() {
		return m.status_action_request_correction();
	},
	get resubmit() {
		return m.status_action_resubmit();
	},
	get approve() {
		return m.status_action_approve();
	},
	get reject() {
		return m.status_action_reject();
	},
	get complete() {
		return m.status_action_complete();
	},
	get cancel() {
		return m.status_action_cancel();
	}
};

/** One sentence telling the citizen what happens next, or `null` when nothing more will happen. */
export function citizenNextStep(status: Status): string | null {
	switch (status) {
		case 'submitted':
			return m.status_next_submitted();
		case 'in_review':
			return m.status_next_in_review();
		case 'needs_correction':
			return m.status_next_needs_correction();
		case 'resubmitted':
			return m.status_next_resubmitted();
		case 'approved':
			return m.status_next_approved();
		case 'completed':
			return m.status_next_completed();
		case 'rejected':
			return m.status_next_rejected();
		case 'cancelled':
			return null;
		default: {
			const unreachable: never = status;
			throw new Error(`Unknown status: ${String(unreachable)}`);
		}
	}
}

import { describe, expect, it } from 'vitest';
import {
	actionLabel,
	actions,
	allowedActions,
	checkTransition,
	citizenNextStep,
	isTerminal,
	nextStatus,
	pausesSla,
	statusLabel,
	statuses,
	transitions,
	workflowMessages,
	type Action,
	type ActorKind,
	type Status
} from './workflow';

/** Every allowed move, written out by hand so the table is checked against an independent list. */
const allowed: [Status, Action, Status, ActorKind][] = [
	['submitted', 'claim', 'in_review', 'officer'],
	['resubmitted', 'claim', 'in_review', 'officer'],
	['in_review', 'request_correction', 'needs_correction', 'officer'],
	['needs_correction', 'resubmit', 'resubmitted', 'applicant'],
	['in_review', 'approve', 'approved', 'officer'],
	['in_review', 'reject', 'rejected', 'officer'],
	['approved', 'complete', 'completed', 'officer'],
	['submitted', 'cancel', 'cancelled', 'applicant']
];

describe('nextStatus', () => {
	it.each(allowed)('%s --%s--> %s', (from, action, to) => {
		expect(nextStatus(from, action)).toBe(to);
	});

	it('returns null for every move not in the list', () => {
		let refused = 0;
		for (const status of statuses) {
			for (const action of actions) {
				const isAllowed = allowed.some(([from, a]) => from === status && a === action);
				if (!isAllowed) {
					expect(nextStatus(status, action), `${status} + ${action}`).toBeNull();
					refused += 1;
				}
			}
		}
		expect(refused).toBe(statuses.length * actions.length - allowed.length);
	});

	it('refuses some moves people might expect', () => {
		expect(nextStatus('submitted', 'approve')).toBeNull(); // no approval without review
		expect(nextStatus('needs_correction', 'approve')).toBeNull();
		expect(nextStatus('in_review', 'cancel')).toBeNull(); // too late to cancel once review started
		expect(nextStatus('approved', 'reject')).toBeNull();
		expect(nextStatus('rejected', 'claim')).toBeNull();
	});
});

describe('allowedActions', () => {
	it('gives the officer the review actions in the order of the table', () => {
		expect(allowedActions('submitted', 'officer')).toEqual(['claim']);
		expect(allowedActions('in_review', 'officer')).toEqual(['request_correction', 'approve', 'reject']);
		expect(allowedActions('resubmitted', 'officer')).toEqual(['claim']);
		expect(allowedActions('approved', 'officer')).toEqual(['complete']);
		expect(allowedActions('needs_correction', 'officer')).toEqual([]);
	});

	it('gives the applicant only cancel before review and resubmit after a correction request', () => {
		expect(allowedActions('submitted', 'applicant')).toEqual(['cancel']);
		expect(allowedActions('needs_correction', 'applicant')).toEqual(['resubmit']);
		for (const status of ['in_review', 'resubmitted', 'approved'] as const) {
			expect(allowedActions(status, 'applicant')).toEqual([]);
		}
	});

	it('matches the hand-written list exactly, per actor', () => {
		for (const status of statuses) {
			for (const actor of ['applicant', 'officer'] as const) {
				const expected = allowed.filter(([from, , , by]) => from === status && by === actor).map(([, a]) => a);
				expect(allowedActions(status, actor).sort()).toEqual(expected.sort());
			}
		}
	});
});

describe('terminal statuses', () => {
	it('are completed, rejected and cancelled', () => {
		expect(statuses.filter(isTerminal)).toEqual(['completed', 'rejected', 'cancelled']);
	});

	it('allow no action to anyone', () => {
		for (const status of ['completed', 'rejected', 'cancelled'] as const) {
			expect(allowedActions(status, 'officer')).toEqual([]);
			expect(allowedActions(status, 'applicant')).toEqual([]);
			for (const action of actions) expect(nextStatus(status, action)).toBeNull();
		}
	});

	it('are reachable from submitted', () => {
		const reached = new Set<Status>(['submitted']);
		for (let changed = true; changed; ) {
			changed = false;
			for (const action of actions) {
				for (const from of [...reached]) {
					const to = nextStatus(from, action);
					if (to && !reached.has(to)) {
						reached.add(to);
						changed = true;
					}
				}
			}
		}
		expect([...reached].sort()).toEqual([...statuses].sort());
	});
});

describe('checkTransition', () => {
	it('allows a listed move by the right actor', () => {
		expect(checkTransition('in_review', 'approve', 'officer')).toEqual({ ok: true, to: 'approved' });
	});

	it('refuses a move the status does not allow', () => {
		expect(checkTransition('completed', 'approve', 'officer')).toEqual({
			ok: false,
			message: workflowMessages.notAllowed
		});
	});

	it('refuses the wrong actor', () => {
		expect(checkTransition('in_review', 'approve', 'applicant')).toEqual({
			ok: false,
			message: workflowMessages.wrongActor
		});
		expect(checkTransition('submitted', 'cancel', 'officer')).toEqual({
			ok: false,
			message: workflowMessages.wrongActor
		});
	});

	it('requires a note to reject or to ask for a correction, and only then', () => {
		expect(Object.entries(transitions).filter(([, t]) => t.noteRequired).map(([a]) => a)).toEqual([
			'request_correction',
			'reject'
		]);
		for (const note of [undefined, null, '', '   ']) {
			expect(checkTransition('in_review', 'reject', 'officer', note)).toEqual({
				ok: false,
				message: workflowMessages.noteMissing
			});
			expect(checkTransition('in_review', 'request_correction', 'officer', note).ok).toBe(false);
		}
		expect(checkTransition('in_review', 'reject', 'officer', 'Surat keterangan lahir tidak terbaca.')).toEqual({
			ok: true,
			to: 'rejected'
		});
	});
});

describe('SLA pause', () => {
	it('stops the clock only while waiting on the applicant', () => {
		expect(statuses.filter(pausesSla)).toEqual(['needs_correction']);
	});
});

describe('texts for people', () => {
	it('labels every status in plain Indonesian', () => {
		expect(statusLabel).toEqual({
			submitted: 'Diterima, menunggu diperiksa',
			in_review: 'Sedang diperiksa',
			needs_correction: 'Perlu perbaikan dari Anda',
			resubmitted: 'Perbaikan dikirim',
			approved: 'Disetujui',
			completed: 'Selesai',
			rejected: 'Ditolak',
			cancelled: 'Dibatalkan'
		});
	});

	it('labels every action', () => {
		for (const action of actions) expect(actionLabel[action].length).toBeGreaterThan(0);
	});

	it('tells the citizen the next step, and nothing after cancelling', () => {
		expect(citizenNextStep('needs_correction')).toContain('perbaiki');
		expect(citizenNextStep('submitted')).toContain('membatalkan');
		expect(citizenNextStep('cancelled')).toBeNull();
		for (const status of statuses.filter((s) => s !== 'cancelled')) {
			expect(citizenNextStep(status), status).toMatch(/\.$/);
		}
	});
});

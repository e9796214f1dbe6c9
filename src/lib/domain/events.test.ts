import { describe, expect, it } from 'vitest';
import { relationsFor } from '$lib/server/access';
import { definitionOf, deriveStatus, eventOf, eventTable, eventTypes, labelOfEvent, noticeText } from './events';
import { actions, transitions } from './workflow';

describe('the event table', () => {
	it('records every workflow action with exactly one event type', () => {
		for (const action of actions) {
			const recording = eventTypes.filter((t) => definitionOf(t).action === action);
			expect(recording, action).toEqual([eventOf[action]]);
		}
	});

	it('lets an action be caused only by the relations of the workflow actor who may take it', () => {
		for (const action of actions) {
			const by = relationsFor(definitionOf(eventOf[action]).by);
			const actors = transitions[action].by as readonly string[];
			if (actors.includes('officer')) expect(by, action).toEqual(['officer']);
			if (actors.includes('applicant')) expect([...by].sort(), action).toEqual(['applicant', 'volunteer']);
		}
	});

	it('tells the citizen about what the office did, not about what they did themselves', () => {
		const about = { service: 'Akta Kelahiran', code: 'ABCD-EFGH', data: null };
		expect(noticeText('approved', { ...about, data: { checklist: { ticked: [], open: [], reason: null } } })).toBe('Permohonan Akta Kelahiran (ABCD-EFGH) disetujui. Dokumen Anda sedang disiapkan.');
		expect(noticeText('resubmitted', { ...about, data: { answers: {}, documents: [] } })).toBeNull();
		expect(noticeText('cancelled', about)).toBeNull();
		expect(noticeText('appointment_moved', { ...about, data: { when: 'Senin', queue: 'A-002', previous: { when: 'Jumat', queue: 'A-001' } } })).toBe(
			'Jadwal Anda pindah ke Senin. Nomor antrean baru A-002.'
		);
	});

	it('keeps officers\u2019 looks at personal data and internal work off the citizen\u2019s timeline', () => {
		const hidden = eventTypes.filter((t) => !eventTable[t].citizen);
		expect(hidden.sort()).toEqual(['checklist', 'document_viewed', 'nik_revealed', 'reassigned', 'viewed']);
	});

	it('labels every type, and an unknown stored type as a note', () => {
		for (const t of eventTypes) expect(labelOfEvent(t).length, t).toBeGreaterThan(0);
		expect(labelOfEvent('something_old')).toBe('Catatan');
	});
});

describe('deriveStatus', () => {
	it('replays the workflow from the submission', () => {
		const log = ['submitted', 'viewed', 'claimed', 'correction_requested', 'resubmitted', 'claimed', 'approved', 'completed'];
		expect(deriveStatus(log.map((type) => ({ type })))).toBe('completed');
		expect(deriveStatus([{ type: 'submitted' }, { type: 'cancelled' }])).toBe('cancelled');
		expect(deriveStatus([])).toBeNull();
	});

	it('refuses a log the workflow cannot produce', () => {
		expect(deriveStatus([{ type: 'submitted' }, { type: 'completed' }])).toBeNull();
		expect(deriveStatus([{ type: 'submitted' }, { type: 'submitted' }])).toBeNull();
		expect(deriveStatus([{ type: 'submitted' }, { type: 'claimed' }, { type: 'cancelled' }])).toBeNull();
	});
});

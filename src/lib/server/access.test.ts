/**
 * The pure half of access.ts: the relation of a user to an application and the permission table. The
 * integration test (tests/integration/access.test.ts) runs the same rules through the SQL fragment and the
 * real feature functions.
 */
import { describe, expect, it } from 'vitest';
import { complaintRelationOf, may, mayComplaint, operations, permissions, relationOf, relations, type Operation, type Relation, type Viewer } from './access';

const app = { applicantId: 'resident', volunteerId: 'rudi', officeId: 'disdukcapil' as const };
const user = (id: string, role: Viewer['role'], officeId: Viewer['officeId'] = null): Viewer => ({ id, role, officeId });

describe('relationOf', () => {
	it.each([
		['the applicant', user('resident', 'citizen'), 'applicant'],
		['the helping volunteer, while a volunteer', user('rudi', 'volunteer'), 'volunteer'],
		['the same account once the role is withdrawn', user('rudi', 'citizen'), 'none'],
		['another volunteer', user('yanto', 'volunteer'), 'none'],
		['another citizen', user('siti', 'citizen'), 'none'],
		['an officer of the office', user('dewi', 'officer', 'disdukcapil'), 'officer'],
		['an officer of another office', user('bayu', 'officer', 'dpmptsp'), 'none'],
		['an officer without an office', user('tono', 'officer', null), 'none'],
		['an admin', user('admin', 'admin'), 'admin'],
		['the officer who made it at the counter', user('rudi', 'officer', 'disdukcapil'), 'volunteer'],
		['nobody signed in', null, 'none']
	] as const)('%s → %s', (_, who, expected) => {
		expect(relationOf(who, app)).toBe(expected);
	});

	it('a released volunteer (link cleared) has no relation', () => {
		expect(relationOf(user('rudi', 'volunteer'), { ...app, volunteerId: null })).toBe('none');
	});

	it('an applicant stays the applicant, even as an officer of the office: nobody decides their own case', () => {
		expect(relationOf(user('resident', 'officer', 'disdukcapil'), app)).toBe('applicant');
		expect(relationOf(user('resident', 'volunteer'), { ...app, volunteerId: 'resident' })).toBe('applicant');
	});

	it('an application nobody has claimed yet belongs to no citizen', () => {
		expect(relationOf(user('siti', 'citizen'), { ...app, applicantId: null })).toBe('none');
		expect(relationOf(user('rudi', 'volunteer'), { ...app, applicantId: null })).toBe('volunteer');
	});
});

describe('the permission table', () => {
	// written out by hand, so a change to the table has to be made twice on purpose
	const expected: Record<Relation, Operation[]> = {
		applicant: ['view', 'document', 'correct', 'cancel', 'appointment', 'result', 'slip', 'release', 'notified', 'replay', 'apply', 'adopt', 'export'],
		volunteer: ['view', 'document', 'correct', 'cancel', 'appointment', 'result', 'slip', 'notified', 'replay', 'apply'],
		officer: ['document', 'inspect', 'decide'],
		admin: ['audit'],
		none: []
	};

	it.each(relations)('%s may do exactly its operations', (relation) => {
		expect(operations.filter((op) => may(relation, op)).sort()).toEqual([...expected[relation]].sort());
	});

	it('never lets "none" do anything', () => {
		for (const op of operations) expect(may('none', op)).toBe(false);
		for (const allowed of Object.values(permissions)) expect(allowed as readonly string[]).not.toContain('none');
	});

	it('only the applicant sends the volunteer away; admins never open residents\u2019 documents', () => {
		expect(permissions.release).toEqual(['applicant']);
		expect(may('admin', 'document')).toBe(false);
		expect(may('officer', 'view')).toBe(false);
		expect(may('volunteer', 'decide')).toBe(false);
	});
});

describe('complaints: relation and permission', () => {
	const complaint = { userId: 'resident', officeId: 'dpmptsp' as const, namesOfficer: false };
	it.each([
		['the account that filed it', user('resident', 'citizen'), false, 'filer'],
		['anyone holding its code', null, true, 'filer'],
		['an officer of the office', user('bayu', 'officer', 'dpmptsp'), false, 'office'],
		['an officer of another office', user('dewi', 'officer', 'disdukcapil'), false, 'none'],
		['an admin', user('admin', 'admin'), false, 'admin'],
		['another citizen', user('siti', 'citizen'), false, 'none'],
		['nobody, without the code', null, false, 'none']
	] as const)('%s → %s', (_, who, holdsCode, expected) => {
		expect(complaintRelationOf(who, complaint, holdsCode)).toBe(expected);
	});

	it('a complaint naming an officer is the admin’s only: the office does not see it', () => {
		const aboutStaff = { ...complaint, namesOfficer: true };
		expect(complaintRelationOf(user('bayu', 'officer', 'dpmptsp'), aboutStaff)).toBe('none');
		expect(complaintRelationOf(user('admin', 'admin'), aboutStaff)).toBe('admin');
	});

	it('the office and the admin answer; only the filer closes or reopens; contact details are staff-only', () => {
		expect(mayComplaint('office', 'answer')).toBe(true);
		expect(mayComplaint('admin', 'answer')).toBe(true);
		expect(mayComplaint('filer', 'answer')).toBe(false);
		expect(mayComplaint('filer', 'close')).toBe(true);
		expect(mayComplaint('office', 'close')).toBe(false);
		expect(mayComplaint('filer', 'contact')).toBe(false);
		expect(mayComplaint('none', 'read')).toBe(false);
	});
});

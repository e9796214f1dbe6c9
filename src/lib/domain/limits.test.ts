import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from './file-type';
import { bodyCapForFiles, limitMessages, submissionLimits, textKindOf, textTooLong, utf8Length } from './limits';

describe('text limits', () => {
	it('reads the kind of text from the field', () => {
		expect(textKindOf({ key: 'applicant_name', kind: 'text' })).toBe('name');
		expect(textKindOf({ key: 'kk_head_name', kind: 'text' })).toBe('name');
		expect(textKindOf({ key: 'address', kind: 'textarea' })).toBe('address');
		expect(textKindOf({ key: 'business_address', kind: 'textarea' })).toBe('address');
		expect(textKindOf({ key: 'child_birth_place', kind: 'text' })).toBe('address');
		expect(textKindOf({ key: 'business_line', kind: 'text' })).toBe('short');
		expect(textKindOf({ key: 'nickname_note', kind: 'textarea' })).toBe('note');
		// "name" inside a key is not a name
		expect(textKindOf({ key: 'names_count', kind: 'text' })).toBe('short');
	});
	it('says the maximum in plain words', () => {
		expect(textTooLong('a'.repeat(1000), 'note')).toBeNull();
		expect(textTooLong('a'.repeat(1001), 'note')).toBe('Paling banyak 1000 karakter.');
		expect(textTooLong('a'.repeat(101), 'name')).toBe('Paling banyak 100 karakter.');
		expect(limitMessages.tooLongNamed('Alasan', 1000)).toBe('Alasan terlalu panjang. Paling banyak 1000 karakter.');
	});
});

describe('request limits', () => {
	it('gives a form room for its documents, never more than a whole submission', () => {
		expect(bodyCapForFiles(0)).toBeLessThan(MAX_DOCUMENT_BYTES);
		expect(bodyCapForFiles(1)).toBeGreaterThan(MAX_DOCUMENT_BYTES);
		expect(bodyCapForFiles(1)).toBeLessThan(2 * MAX_DOCUMENT_BYTES);
		expect(bodyCapForFiles(50)).toBe(submissionLimits.maxBodyBytes);
	});
	it('says sizes as people read them', () => {
		expect(limitMessages.bodyTooBig(25 * 1024 * 1024)).toMatch(/^Kiriman terlalu besar \(lebih dari 25 MB\)\./);
		expect(limitMessages.bodyTooBig(256 * 1024)).toMatch(/lebih dari 256 KB/);
	});
	it('counts JSON sizes in UTF-8 bytes', () => {
		expect(utf8Length('abc')).toBe(3);
		expect(utf8Length('é')).toBe(2);
	});
});

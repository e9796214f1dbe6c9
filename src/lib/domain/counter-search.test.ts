import { describe, expect, it } from 'vitest';
import { counterMessages, readCounterQuery } from './counter-search';

describe('readCounterQuery', () => {
	it('reads tracking codes, phone numbers, NIK and names', () => {
		expect(readCounterQuery('abcd efgh')).toEqual({ kind: 'code', code: 'ABCDEFGH', name: 'abcd efgh' });
		expect(readCounterQuery('0812-3456-7890')).toEqual({ kind: 'phone', phone: '+6281234567890' });
		expect(readCounterQuery('6372 0452 0495 0001')).toEqual({ kind: 'nik', nik: '6372045204950001' });
		expect(readCounterQuery('  Siti   Aminah ')).toEqual({ kind: 'name', name: 'Siti Aminah' });
	});
	it('refuses what cannot be searched, with a reason', () => {
		expect(readCounterQuery('  ')).toEqual({ kind: 'invalid', message: counterMessages.empty });
		expect(readCounterQuery('Si')).toEqual({ kind: 'invalid', message: counterMessages.short });
		expect(readCounterQuery('x'.repeat(101))).toEqual({ kind: 'invalid', message: counterMessages.long });
	});
});

import { describe, expect, it } from 'vitest';
import { checkDocument, MAX_DOCUMENT_BYTES, sniffType } from './file-type';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('sniffType', () => {
	it('recognises the four accepted kinds by their first bytes', () => {
		expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
		expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
		expect(sniffType(new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
		expect(sniffType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
	});
	it('refuses anything else, whatever its name would say', () => {
		expect(sniffType(new TextEncoder().encode('<html><script>'))).toBeNull();
		expect(sniffType(new TextEncoder().encode('GIF89a'))).toBeNull();
		expect(sniffType(new TextEncoder().encode('RIFF\x10\x00\x00\x00WAVE'))).toBeNull();
		expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // zip, docx
	});
});

describe('checkDocument', () => {
	it('refuses empty and oversized files', () => {
		expect(checkDocument(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
		const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
		big.set([0xff, 0xd8, 0xff]);
		expect(checkDocument(big)).toEqual({ ok: false, problem: 'tooBig' });
	});
});

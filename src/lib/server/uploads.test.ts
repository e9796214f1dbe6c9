import { describe, expect, it } from 'vitest';
import { limitMessages } from '$lib/domain/limits';
import { fileBytes, readForm } from './uploads';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
	new Request('http://localhost/x', { method: 'POST', body, headers });

describe('readForm', () => {
	it('reads a multipart form and a url-encoded form under the cap', async () => {
		const form = new FormData();
		form.set('a', 'satu');
		form.set('file', new Blob([new Uint8Array([1, 2, 3])]), 'f.bin');
		const multipart = await readForm(post(form), { maxBytes: 10_000, maxFiles: 1 });
		expect(multipart.ok && multipart.form.get('a')).toBe('satu');
		expect(multipart.ok && (await fileBytes(multipart.form.get('file')))?.bytes).toEqual(new Uint8Array([1, 2, 3]));
		const encoded = await readForm(post(new URLSearchParams({ b: 'dua' })), { maxBytes: 100, maxFiles: 0 });
		expect(encoded.ok && encoded.form.get('b')).toBe('dua');
	});
	it('refuses a body one byte over the cap', async () => {
		const body = new URLSearchParams({ b: 'x'.repeat(98) }); // "b=" + 98 = 100 bytes
		expect((await readForm(post(body), { maxBytes: 100, maxFiles: 0 })).ok).toBe(true);
		expect(await readForm(post(new URLSearchParams({ b: 'x'.repeat(99) })), { maxBytes: 100, maxFiles: 0 })).toEqual({
			ok: false,
			status: 413,
			message: limitMessages.bodyTooBig(100)
		});
	});
	it('refuses what is not a form, a broken multipart body, and too many files or parts', async () => {
		expect(await readForm(post('{}', { 'content-type': 'application/json' }), { maxBytes: 100, maxFiles: 0 })).toMatchObject({ ok: false, status: 415 });
		expect(
			await readForm(post('--x\r\nnonsense', { 'content-type': 'multipart/form-data; boundary=x' }), { maxBytes: 100, maxFiles: 0 })
		).toMatchObject({ ok: false, status: 400, message: limitMessages.unreadable });
		const form = new FormData();
		form.append('f', new Blob(['a']), 'a');
		form.append('f', new Blob(['b']), 'b');
		expect(await readForm(post(form), { maxBytes: 10_000, maxFiles: 1 })).toEqual({ ok: false, status: 400, message: limitMessages.tooManyFiles(1) });
		const parts = new URLSearchParams(Array.from({ length: 11 }, (_, i) => [`k${i}`, '']));
		expect(await readForm(post(parts), { maxBytes: 10_000, maxFiles: 0, maxParts: 10 })).toEqual({ ok: false, status: 400, message: limitMessages.tooManyParts });
	});
	it('an empty file input is no file', async () => {
		expect(await fileBytes(new File([], ''))).toBeNull();
		expect(await fileBytes('text')).toBeNull();
		expect(await fileBytes(null)).toBeNull();
	});
});

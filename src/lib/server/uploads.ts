/**
 * Reading a posted form without ever holding more than its cap in memory.
 *
 * `request.formData()` reads the whole body before anyone can look at its size: one 50 MB post costs the
 * server ~200 MB, five at once a gigabyte. Here the body is read as a stream and counted:
 *   1. a declared Content-Length over the cap is refused (413) before a byte is read;
 *   2. the stream is read chunk by chunk and abandoned as soon as the total passes the cap (413), which
 *      also covers chunked bodies and a Content-Length that lies;
 *   3. only the bounded bytes are parsed (`new Response(bytes).formData()`), then the number of files and
 *      of fields is checked (400).
 * Web APIs only: the same code runs on Workers and on Node.
 */
import { limitMessages } from '$lib/domain/limits';

export interface FormCaps {
	/** the most bytes the body may have */
	maxBytes: number;
	/** the most file parts (an empty file input counts too: browsers send it) */
	maxFiles: number;
	/** the most parts in all, files and text */
	maxParts?: number;
	/** the message for a body over the cap (default: says the cap, in MB or KB) */
	tooBigMessage?: string;
}

export type FormRead =
	| { ok: true; form: FormData; bytes: number }
	| { ok: false; status: 400 | 413 | 415; message: string };

export async function readForm(request: Request, caps: FormCaps): Promise<FormRead> {
	const tooBig = () =>
		({
			ok: false,
			status: 413,
			message: caps.tooBigMessage ?? limitMessages.bodyTooBig(caps.maxBytes)
		}) as const;
	const unreadable = { ok: false, status: 400, message: limitMessages.unreadable } as const;

	const type = request.headers.get('content-type') ?? '';
	// The refusals below leave the body unread rather than cancel it: on Node, cancelling the stream
	// destroys the socket, and the sender would get no answer at all (an outbox would retry forever).
	// The server drops an unread body after answering; a declared length over BODY_SIZE_LIMIT never
	// gets this far (scripts/serve.ts, and Cloudflare's own limit).
	if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
		return { ok: false, status: 415, message: limitMessages.unreadable };
	}
	const declared = request.headers.get('content-length');
	if (declared !== null) {
		const length = Number(declared);
		if (!Number.isFinite(length) || length < 0) return unreadable;
		if (length > caps.maxBytes) return tooBig();
	}

	const read = await readCapped(request.body, caps.maxBytes);
	if (read === 'too_big') return tooBig();
	if (read === 'failed') return unreadable;

	let form: FormData;
	try {
		form = await new Response(read, { headers: { 'content-type': type } }).formData();
	} catch {
		return unreadable;
	}
	let files = 0;
	let parts = 0;
	for (const [, value] of form.entries()) {
		parts++;
		if (typeof value !== 'string') files++;
	}
	if (files > caps.maxFiles) return { ok: false, status: 400, message: limitMessages.tooManyFiles(caps.maxFiles) };
	if (caps.maxParts !== undefined && parts > caps.maxParts) return { ok: false, status: 400, message: limitMessages.tooManyParts };
	return { ok: true, form, bytes: read.byteLength };
}

/**
 * The body's bytes, or 'too_big' as soon as more than `max` arrived (the rest is never pulled: the stream
 * is cancelled), or 'failed' when the stream broke.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array<ArrayBuffer> | 'too_big' | 'failed'> {
	if (!body) return new Uint8Array(0);
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > max) {
				await reader.cancel().catch(() => {});
				return 'too_big';
			}
			chunks.push(value);
		}
	} catch {
		await reader.cancel().catch(() => {});
		return 'failed';
	} finally {
		reader.releaseLock();
	}
	const bytes = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return bytes;
}

/** The bytes of a file part, or null when the part is not a chosen file (browsers send an empty one). */
export async function fileBytes(value: FormDataEntryValue | null): Promise<{ bytes: Uint8Array; name: string } | null> {
	if (value === null || typeof value === 'string' || value.size === 0) return null;
	return { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
}

/**
 * The public origin for links the app prints or sends (the slip, the QR code on an issued document, the
 * WhatsApp hand-over): always the configured `ORIGIN` (`https://layanan.banjarbarukota.go.id`), never the
 * request's `Host` header, which on a self-hosted server anyone can set (a slip printed with an attacker's
 * host would send a resident to a copy of the site). `npm start` sets ORIGIN for the local server; on
 * Workers it is a `[vars]` entry. Only when it is missing does the request's own URL stand in, said once in
 * the log.
 */
import { env } from '$env/dynamic/private';

let warned = false;

export function publicOrigin(requestUrl: URL): string {
	const configured = env.ORIGIN;
	if (configured) {
		try {
			return new URL(configured).origin;
		} catch {
			// fall through: a malformed setting must not take the slip page down
		}
	}
	if (!warned) {
		warned = true;
		console.error('ORIGIN is not set (or not a URL): printed links use the request URL. Set ORIGIN in production.');
	}
	return requestUrl.origin;
}

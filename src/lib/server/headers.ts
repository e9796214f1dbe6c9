/**
 * Security headers every response carries. Pages rendered by SvelteKit get them from the hook, with the
 * Content-Security-Policy from `kit.csp` (svelte.config.js: hashes and nonces, no 'unsafe-inline' for
 * scripts); prerendered pages and static files get the same list from `_headers (project root; adapter-cloudflare copies it)` on Cloudflare
 * and from the Node server (scripts/serve.ts), both built from `staticHeaders` below, so one list holds.
 */

/** Nothing here needs a camera API (photos come through a file input), the microphone or location. */
export const permissionsPolicy =
	'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()';

export const staticHeaders: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': permissionsPolicy,
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

/**
 * The CSP for files that SvelteKit does not render (prerendered pages carry their own in a meta tag with
 * script hashes; this header adds what a meta tag cannot: frame-ancestors).
 */
export const staticCsp = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

export function securityHeaders(url: URL): Record<string, string> {
	return url.protocol === 'https:'
		? { ...staticHeaders, 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }
		: staticHeaders;
}

/** Small helpers shared by the routes' form actions. */

/** A form field as a string ('' when absent or a file). */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/**
 * Where to go after logging in (`?ke=`): only ever a path on this site. Judged after the URL parser has
 * normalised the value, as the browser will: tabs and newlines (which browsers silently drop, turning
 * `/\t/evil.example` into `//evil.example`), backslashes (read as slashes), encoded slashes that decode
 * into `//`, and anything that parses to another origin or scheme are refused.
 */
export function safeRedirectTarget(target: string | null | undefined, fallback: string): string {
	if (!target || target.length > 2000 || !target.startsWith('/')) return fallback;
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(target);
	} catch {
		return fallback;
	}
	if (/[\u0000-\u001f\u007f\\]/.test(decoded) || decoded.startsWith('//')) return fallback;
	const base = new URL('http://layanan.invalid');
	let parsed: URL;
	try {
		parsed = new URL(target, base);
	} catch {
		return fallback;
	}
	if (parsed.origin !== base.origin) return fallback;
	const path = parsed.pathname + parsed.search + parsed.hash;
	return path.startsWith('//') ? fallback : path;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Small helpers shared by the routes' form actions. */

/** A form field as a string ('' when absent or a file). */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** Only same-site paths may be redirected to after logging in (no open redirect). */
export function safeRedirectTarget(target: string | null | undefined, fallback: string): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
		return fallback;
	}
	return target;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

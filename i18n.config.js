/**
 * Two languages (Paraglide JS 2): Indonesian by default, English when the reader chose it. The choice is a
 * cookie, set by /bahasa/[kode] (a plain link, no JavaScript needed) and read on the server per request and
 * in the browser from `document.cookie`, so a prerendered or cached page switches too.
 * Messages live in messages/<locale>/<feature>.json (project.inlang/settings.json lists the files).
 *
 * One set of options for both ways of compiling: the Vite plugin (dev, build, vitest) and `npm run i18n`
 * (postinstall and `npm run check`, so type checking and scripts see the messages on a fresh clone).
 */
export const i18nOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'baseLocale'],
	cookieName: 'bahasa',
	// a year; the choice is a preference, not personal data
	cookieMaxAge: 60 * 60 * 24 * 365,
	emitReadme: false
};

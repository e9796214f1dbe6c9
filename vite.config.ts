import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { i18nOptions } from './i18n.config.js';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * `vite dev` against a local database file gets that file's data key, the same one `npm start` uses
 * (scripts/local-key.ts, the same file and format; repeated here because the config imports no local
 * module), unless DATA_KEYS is set. Never for a build, never under vitest (tests install their own).
 */
function localKeySpec(dbFile: string): string {
	const file = `${dbFile}.key`;
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	const spec = `lokal1:${randomBytes(32).toString('base64url')}`;
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, spec + '\n', { mode: 0o600 });
	return spec;
}

function localDataKey(): Plugin {
	return {
		name: 'layanan-local-data-key',
		apply: 'serve',
		config() {
			if (process.env.VITEST || process.env.DATA_KEYS) return;
			const url = process.env.TURSO_DATABASE_URL ?? 'file:data/layanan.db';
			if (url.startsWith('file:')) process.env.DATA_KEYS = localKeySpec(url.slice('file:'.length));
		}
	};
}

/**
 * The shell script (src/lib/client/shell.ts): its own entry of the client build, beside SvelteKit's, so
 * pages without the framework (`csr = false`) can load it alone. A fixed name, `/_app/shell.js`, because
 * the server writes the tag (hooks.server.ts, with `?v=<version>` against stale caches) and SvelteKit has
 * no API to look up another entry's hashed name; being in the client manifest, it is in `$service-worker`'s
 * `build` list, so the service worker precaches it (and the chunks it loads lazily) with the app.
 * The read-aloud code (src/lib/client/read-aloud.ts) is a second such entry, `/_app/read-aloud.js`, that
 * the shell imports by that name on the first "Dengarkan" press: a plain `import()` of a chunk would make
 * Vite add its preload helper to the shell as one more file every page downloads.
 */
const fixedEntries: Record<string, string> = {
	shell: 'src/lib/client/shell.ts',
	'read-aloud': 'src/lib/client/read-aloud.ts'
};

function shellEntry(): Plugin {
	let client = false;
	return {
		name: 'layanan-shell-entry',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
		},
		options(options) {
			if (!client || !options.input || typeof options.input !== 'object' || Array.isArray(options.input)) return;
			// only SvelteKit's app build (it has entry/start); not the service worker's own build
			if (!('entry/start' in options.input)) return;
			return { ...options, input: { ...options.input, ...fixedEntries } };
		},
		outputOptions(output) {
			if (!client) return;
			const names = output.entryFileNames;
			if (typeof names !== 'string' || !names.includes('immutable')) return;
			return {
				...output,
				entryFileNames: (chunk) => (chunk.name in fixedEntries ? `_app/${chunk.name}.js` : names)
			};
		}
	};
}


/**
 * The offline form's script (src/lib/client/formulir.ts, for /formulir/<slug>, a page without SvelteKit's
 * client) is built on its own, right after the app's client build and into it (`_app/formulir/`): a build of
 * its own tree-shakes Svelte's runtime down to what the form uses, where a chunk shared with every other
 * page carries what any page uses (10 KB more, brotli). Its entry keeps a fixed name, asked for without a
 * query (the chunks it loads when needed import it by that name); those chunks are hashed. `files.json` lists them all, for the
 * service worker to precache (they are not in SvelteKit's manifest).
 */
function offlineFormBuild(): Plugin {
	let appBuild = false;
	let outDir = '';
	return {
		name: 'layanan-offline-form-build',
		apply: 'build',
		options(options) {
			appBuild = Boolean(options.input && typeof options.input === 'object' && !Array.isArray(options.input) && 'entry/start' in options.input);
		},
		configResolved(config) {
			outDir = config.build.outDir;
		},
		async writeBundle() {
			if (!appBuild) return;
			const into = join(outDir, '_app/formulir');
			const output = await build({
				configFile: false,
				logLevel: 'warn',
				base: '/_app/formulir/',
				// svelte.config.js, as the app is compiled (runes, TypeScript)
				plugins: [svelte()],
				resolve: {
					alias: {
						$lib: resolve('src/lib'),
						// the only thing the form reads from SvelteKit: this always runs in the browser
						'$app/environment': resolve('src/lib/client/browser-environment.ts')
					}
				},
				build: {
					outDir: into,
					emptyOutDir: true,
					copyPublicDir: false,
					rollupOptions: {
						input: { formulir: 'src/lib/client/formulir.ts' },
						output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' }
					}
				}
			});
			const files = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).map((f) => `/_app/formulir/${f.fileName}`);
			writeFileSync(join(into, 'files.json'), JSON.stringify(files));
		}
	};
}

export default defineConfig({
	plugins: [
		// under vitest the messages are compiled beforehand (`npm run i18n` in test:unit): the plugin's file
		// watcher would keep the test run from exiting
		...(process.env.VITEST ? [] : [paraglideVitePlugin(i18nOptions as Parameters<typeof paraglideVitePlugin>[0])]),
		localDataKey(), sveltekit(), shellEntry(), offlineFormBuild()],
	// workbox-window's package points bundlers at its ES5 build (classes and iterators transpiled, 2.5× the
	// size); every browser that has service workers runs its ES2017 build
	resolve: { alias: { 'workbox-window': 'workbox-window/build/workbox-window.prod.mjs' } },
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/i18n/**/*.test.ts', 'tests/ci/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		// fresh databases and Argon2id hashes in beforeAll: slow on a shared 2-core machine
		hookTimeout: 60_000
	}
});

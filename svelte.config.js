import cloudflare from '@sveltejs/adapter-cloudflare';
import node from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * One codebase, two build targets, chosen by ADAPTER (`npm run build` makes both):
 * - `ADAPTER=node`: the Node server (`npm start`, self-hosting) in build/, served by scripts/serve.ts;
 * - `ADAPTER=cloudflare` (the default, also for `vite dev`): the Worker in .svelte-kit/cloudflare.
 */
const target = process.env.ADAPTER ?? 'cloudflare';
if (target !== 'node' && target !== 'cloudflare') {
	throw new Error(`ADAPTER must be "node" or "cloudflare", not "${target}"`);
}

const adapter =
	target === 'node'
		? // precompressed assets (gzip, brotli): the server sends them as they are
			node({ out: 'build', precompress: true })
		: cloudflare({
				config: 'wrangler.toml',
				// `vite dev` only: the local emulation of the R2 binding keeps its files under data/
				platformProxy: { persist: { path: 'data/wrangler-state' } }
			});

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter,
		// Small pages: inline the CSS so the first round trip carries HTML and styles together.
		inlineStyleThreshold: 12_000,
		// registered through workbox-window (src/routes/AppPrompts.svelte), which drives the update prompt
		serviceWorker: { register: false },
		// only the pages marked prerenderable (offline forms, drafts, offline page); links out of them lead to
		// pages that need a server
		prerender: { crawl: false },
		csrf: { trustedOrigins: [] },
		// No inline script runs unless SvelteKit hashed it (prerendered pages) or gave it this response's
		// nonce (rendered pages). Styles may be inline (components set style attributes); scripts never.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'frame-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;

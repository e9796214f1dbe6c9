import adapter from '@sveltejs/adapter-cloudflare';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({
			config: 'wrangler.toml',
			// Local emulation of the R2 binding keeps its files under data/ with the database.
			platformProxy: { persist: { path: 'data/wrangler-state' } }
		}),
		// Small pages: inline the CSS so the first round trip carries HTML and styles together.
		inlineStyleThreshold: 12_000,
		// registered through workbox-window (src/routes/AppPrompts.svelte), which drives the update prompt
		serviceWorker: { register: false },
		// only the pages marked prerenderable (offline forms, drafts, offline page); links out of them lead to
		// pages that need a server
		prerender: { crawl: false },
		csrf: { trustedOrigins: [] }
	}
};

export default config;

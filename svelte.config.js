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
		serviceWorker: { register: false },
		csrf: { trustedOrigins: [] }
	}
};

export default config;

import { dev } from '$app/environment';

/**
 * Where the offline form's own script is (client/formulir.ts; built on its own: vite.config.ts). Its page
 * asks for it, and the hook leaves the shell's tag out of a page that does (the script carries the shell).
 * No `?v=`: the chunks it loads import it by its plain name, and a second name would run it twice. It is
 * fetched fresh all the same: checked again on each use (no-cache: scripts/serve.ts, Cloudflare's default),
 * precached per version by the service worker.
 */
export const offlineFormScript = dev ? '/src/lib/client/formulir.ts' : '/_app/formulir/formulir.js';

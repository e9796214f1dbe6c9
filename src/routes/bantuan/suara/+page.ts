// A short help page with nothing to interact with: prerendered (so the service worker precaches it and it
// opens offline, where it is most needed) and without the framework.
export const prerender = true;
export const csr = false;

// A short help page with nothing to interact with, without the framework. Rendered per request, in the
// reader's language (a prerendered file would be Indonesian only); the service worker precaches it as a
// public page, so it opens offline, where it is most needed.
export const csr = false;

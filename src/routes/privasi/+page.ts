// The same for everyone, read before signing up, without the framework: rendered per request in the
// reader's language, precached by the service worker as a public page so it is readable offline.
export const csr = false;

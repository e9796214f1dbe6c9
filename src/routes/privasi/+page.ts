// the same for everyone, read before signing up: built once, served as a file, readable offline
export const prerender = true;
export const csr = false;

// A page of the phone's own data (drafts and outbox): the same for everyone, precached, opens offline.
export const prerender = true;

/**
 * `$app/environment` for the offline form's own build (vite.config.ts, `offlineFormBuild`): that script only
 * ever runs in a browser, in a built app.
 */
export const browser = true;
export const dev = false;
export const building = false;

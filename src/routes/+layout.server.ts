import { accessFor, gatePath } from '$lib/domain/roles';
import type { LayoutServerLoad } from './$types';

// Public pages show no account data, so they are the same for everyone and the service worker (and any
// cache) may keep and serve them; the account appears on the pages that need a login.
export const load: LayoutServerLoad = ({ locals, url, route }) => ({
	user:
		locals.user && accessFor(gatePath(route.id, url.pathname) ?? '/', locals.user.role) !== 'public'
			? { name: locals.user.name, role: locals.user.role, unread: locals.user.unread ?? 0 }
			: null
});

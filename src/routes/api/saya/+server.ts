import { json } from '@sveltejs/kit';
import { formatPhone } from '$lib/domain/phone';
import { roleLabel } from '$lib/domain/roles';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';

/**
 * Who is logged in, for pages served from the phone's cache (which carry no account data): the account
 * menu (name, role, unread "Kabar") and the phone-side form's prefill.
 */
export const GET: RequestHandler = ({ locals }) =>
	locals.user
		? json(
				{
					name: locals.user.name,
					phone: formatPhone(locals.user.phone),
					role: locals.user.role,
					roleLabel: roleLabel[locals.user.role],
					unread: locals.user.unread ?? 0
				},
				{ headers: { 'cache-control': 'private, no-store' } }
			)
		: json({ message: m.common_not_signed_in() }, { status: 401, headers: { 'cache-control': 'no-store' } });

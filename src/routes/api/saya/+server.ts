import { json } from '@sveltejs/kit';
import { formatPhone } from '$lib/domain/phone';
import type { RequestHandler } from './$types';

/** Who is logged in, for pages served from the phone's cache (which carry no account data). */
export const GET: RequestHandler = ({ locals }) =>
	locals.user
		? json({ name: locals.user.name, phone: formatPhone(locals.user.phone), role: locals.user.role }, { headers: { 'cache-control': 'private, no-store' } })
		: json({ message: 'Belum masuk.' }, { status: 401, headers: { 'cache-control': 'no-store' } });

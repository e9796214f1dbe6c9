import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/guard';
import * as myData from '$lib/server/my-data';
import { eraseErasable } from '$lib/server/retention';
import { documentStore } from '$lib/server/storage';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/** A WITA date and time from the form (`2026-11-20T08:00`), or null. */
function witaTime(value: string | null): Date | null {
	if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
	const date = new Date(`${value}:00+08:00`);
	return Number.isNaN(date.getTime()) ? null : date;
}

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const db = getDb();
	const from = witaTime(event.url.searchParams.get('dari'));
	const to = witaTime(event.url.searchParams.get('sampai'));
	const window = from && to && from < to ? { from, to } : null;
	return {
		requests: await myData.requestsForAdmin(db),
		now: new Date(),
		window: window && { dari: event.url.searchParams.get('dari')!, sampai: event.url.searchParams.get('sampai')! },
		affected: window ? await myData.affectedBetween(db, window.from, window.to) : null
	};
};

export const actions = {
	answer: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const id = text(form, 'id');
		const store = documentStore(event.platform);
		const outcome = await myData.answer(getDb(), admin, id, { outcome: text(form, 'outcome'), answer: text(form, 'answer') }, (userId) =>
			eraseErasable(getDb(), userId, store)
		);
		if (!outcome.ok) return fail(400, { id, message: outcome.message, answer: text(form, 'answer') });
		redirect(303, '/admin/data-pribadi');
	}
} satisfies Actions;

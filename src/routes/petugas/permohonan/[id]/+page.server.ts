import { error, fail, redirect } from '@sveltejs/kit';
import type { EventType } from '$lib/domain/events';
import type { Action } from '$lib/domain/workflow';
import { may, relationTo } from '$lib/server/access';
import { casePage, checksFrom, decisionForm, resultFrom } from '$lib/server/case-page';
import * as casework from '$lib/server/casework';
import { getDb } from '$lib/server/db';
import { decide, type DecisionInput } from '$lib/server/decisions';
import { text } from '$lib/server/forms';
import { documentStore } from '$lib/server/storage';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const notFound = () => m.staff_case_not_found();

/**
 * The second lock for every action here: the user must be an officer of the application's office
 * (access.ts, `decide`); anyone else is told it is not there, whatever the hook's gate let through.
 */
async function officerOf(locals: App.Locals, id: string) {
	const user = locals.user;
	if (!user || !may(await relationTo(getDb(), user, id), 'decide')) error(404, notFound());
	return user;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const officer = locals.user;
	// openForOfficer finds it only for an officer of its office (access.ts, `inspect`)
	const opened = officer ? await casework.openForOfficer(getDb(), officer, params.id) : null;
	if (!officer || !opened) error(404, notFound());
	return casePage(opened, officer.id);
};

async function act(locals: App.Locals, id: string, input: Omit<DecisionInput, 'applicationId' | 'actor'>) {
	if (!locals.user) error(404, notFound());
	const outcome = await decide(getDb(), { applicationId: id, actor: locals.user, ...input });
	if (!outcome.ok && outcome.notFound) error(404, notFound());
	// what the officer typed and ticked comes back into the form that failed
	if (!outcome.ok) return fail(400, { message: outcome.message, action: input.action, note: input.note ?? '', correction: input.correction });
	redirect(303, `/petugas/permohonan/${id}`);
}

/**
 * The form actions are named after what they record: a workflow action (workflow.ts) or, for work that
 * leaves the status alone, its event type (events.ts). No third set of names.
 */
export const actions = {
	claim: async ({ locals, params }) => act(locals, params.id, { action: 'claim' }),
	approve: async ({ locals, params, request }) => act(locals, params.id, decisionForm('approve', await request.formData())),
	reject: async ({ locals, params, request }) => act(locals, params.id, decisionForm('reject', await request.formData())),
	request_correction: async ({ locals, params, request }) =>
		act(locals, params.id, decisionForm('request_correction', await request.formData())),
	complete: async ({ locals, params, request, platform }) => {
		const officer = await officerOf(locals, params.id);
		const read = await resultFrom(getDb(), documentStore(platform), officer, params.id, request);
		if (!read.ok) return fail(read.status, { message: read.message });
		return act(locals, params.id, { action: 'complete', result: read.result });
	},
	checklist: async ({ locals, params, request }) => {
		const officer = await officerOf(locals, params.id);
		const outcome = await casework.setChecklist(getDb(), officer, params.id, checksFrom(await request.formData()));
		if (!outcome.ok) return fail(400, { message: outcome.message });
		redirect(303, `/petugas/permohonan/${params.id}#persyaratan`);
	},
	nik_revealed: async ({ locals, params, request }) => {
		const officer = await officerOf(locals, params.id);
		const revealed = await casework.revealNumber(getDb(), officer, params.id, text(await request.formData(), 'field'));
		if (!revealed) return fail(400, { message: m.staff_case_reveal_failed() });
		return { revealed };
	},
	result_revoked: async ({ locals, params, request }) => {
		const officer = await officerOf(locals, params.id);
		const reason = text(await request.formData(), 'reason');
		const outcome = await casework.revokeResult(getDb(), officer, params.id, reason);
		if (!outcome.ok) return fail(400, { message: outcome.message, action: 'result_revoked' as const, note: reason });
		redirect(303, `/petugas/permohonan/${params.id}`);
	}
} satisfies Actions;

// every action's name is a workflow action or an event type: a new name has to be one of those
const names: readonly (Action | EventType)[] = Object.keys(actions) as (keyof typeof actions)[];
void names;

/**
 * Asking to become a volunteer (relawan), and the admin's answer: the forms' schemas and the one wording
 * map for the feature. The requests themselves live in `server/volunteer-requests.ts`; the server returns
 * reason codes and the routes pick the words here.
 */
import * as v from 'valibot';
import { kelurahanList, type KelurahanCode } from './kelurahan';
import { m } from '../paraglide/messages.js';

export const volunteerRequestMessages = {
	get kelurahan() {
		return m.staff_volunteer_kelurahan();
	},
	get kelurahanUnknown() {
		return m.staff_volunteer_kelurahan_unknown();
	},
	get motivation() {
		return m.staff_volunteer_motivation();
	},
	get motivationShort() {
		return m.staff_volunteer_motivation_short();
	},
	get motivationLong() {
		return m.staff_volunteer_motivation_long();
	},
	get notCitizen() {
		return m.staff_volunteer_not_citizen();
	},
	get pending() {
		return m.staff_volunteer_pending();
	},
	get refuseNote() {
		return m.staff_volunteer_refuse_note();
	},
	get refuseNoteLong() {
		return m.staff_volunteer_refuse_note_long();
	},
	get requestGone() {
		return m.staff_volunteer_request_gone();
	},
	get noLongerCitizen() {
		return m.staff_volunteer_no_longer_citizen();
	},
	get volunteerGone() {
		return m.staff_volunteer_volunteer_gone();
	}
} as const;

const kelurahanCodes = kelurahanList.map((k) => k.code) as [KelurahanCode, ...KelurahanCode[]];

export const requestSchema = v.object({
	kelurahan: v.pipe(
		v.string(() => volunteerRequestMessages.kelurahan),
		v.nonEmpty(() => volunteerRequestMessages.kelurahan),
		v.picklist(kelurahanCodes, () => volunteerRequestMessages.kelurahanUnknown)
	),
	motivation: v.pipe(
		v.string(() => volunteerRequestMessages.motivation),
		v.trim(),
		v.nonEmpty(() => volunteerRequestMessages.motivation),
		v.minLength(10, () => volunteerRequestMessages.motivationShort),
		v.maxLength(500, () => volunteerRequestMessages.motivationLong)
	)
});

export const refuseSchema = v.object({
	requestId: v.pipe(v.string(), v.nonEmpty(() => volunteerRequestMessages.requestGone)),
	note: v.pipe(
		v.string(() => volunteerRequestMessages.refuseNote),
		v.trim(),
		v.nonEmpty(() => volunteerRequestMessages.refuseNote),
		v.maxLength(500, () => volunteerRequestMessages.refuseNoteLong)
	)
});

export const idSchema = v.object({ id: v.pipe(v.string(), v.nonEmpty(() => volunteerRequestMessages.requestGone)) });

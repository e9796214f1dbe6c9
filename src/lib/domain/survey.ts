/**
 * The satisfaction survey form: the nine elements of ikm.ts on the 1–4 scale, all required, and the four
 * optional demographics, each only from its own list. One schema for the form and every other path.
 */
import * as v from 'valibot';
import { m } from '../paraglide/messages.js';
import { textLimits } from './limits';
import { demographics, elementKeys, elements, type Answers, type DemographicKey } from './ikm';

export const surveyMessages = {
	get title() { return m.public_survey_title(); },
	get intro() { return m.public_survey_intro(); },
	answerMissing: (n: number) => m.public_survey_answer_missing({ n }),
	get demographicUnknown() { return m.public_survey_demographic_unknown(); },
	get optional() { return m.public_survey_optional(); },
	get send() { return m.public_survey_send(); },
	get thanks() { return m.public_survey_thanks(); },
	get used() { return m.public_survey_used(); },
	get invite() { return m.public_survey_invite(); },
	get inviteLink() { return m.public_survey_invite_link(); },
	get done() { return m.public_survey_done(); },
	/** Stored as the resident's notice (a database row, like the phone messages): always in Indonesian. */
	notice: (service: string, code: string) => m.public_survey_notice({ service, code }, { locale: 'id' })
} as const;

const answer = (n: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['1', '2', '3', '4'], () => surveyMessages.answerMissing(n)),
		v.transform((s) => Number(s) as 1 | 2 | 3 | 4)
	);

const demographic = (key: DemographicKey) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['', ...demographics[key].options] as [string, ...string[]], () => surveyMessages.demographicUnknown),
		v.transform((s) => (s === '' ? null : s))
	);

export const surveySchema = v.object({
	...(Object.fromEntries(elements.map((e) => [e.key, answer(e.number)])) as Record<(typeof elementKeys)[number], ReturnType<typeof answer>>),
	ageBand: demographic('ageBand'),
	sex: demographic('sex'),
	education: demographic('education'),
	occupation: demographic('occupation')
});
export type SurveyInput = Answers & Record<DemographicKey, string | null>;

/** What an admin writes about the follow-up (tindak lanjut) of a service's survey. */
export const followupMessages = {
	get title() { return m.public_followup_title(); },
	get missing() { return m.public_followup_missing(); },
	get tooLong() { return m.public_followup_too_long({ max: textLimits.note }); },
	get serviceUnknown() { return m.public_followup_service_unknown(); },
	get monthInvalid() { return m.public_followup_month_invalid(); },
	get saved() { return m.public_followup_saved(); }
} as const;

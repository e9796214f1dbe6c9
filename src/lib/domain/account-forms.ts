/**
 * The register and login forms' rules, as valibot schemas: the server is the authority, the browser may
 * run the same schemas for quick feedback. Messages come from messages/<locale>/account.json, in the reader's
 * language at parse time (valibot calls the message functions then).
 */
import * as v from 'valibot';
import { m } from '../paraglide/messages.js';
import { normalizePhone } from './phone';
import { MAX_PASSWORD_LENGTH, passwordMessages, passwordProblem } from './password-policy';

export const phone = v.pipe(
	v.string(() => m.account_phone_required()),
	v.trim(),
	v.nonEmpty(() => m.account_phone_required()),
	v.transform((value) => normalizePhone(value) ?? ''),
	v.nonEmpty(() => m.account_phone_unknown())
);

export const loginSchema = v.object({
	phone,
	password: v.pipe(
		v.string(() => m.account_password_required()),
		v.nonEmpty(() => m.account_password_required()),
		v.maxLength(MAX_PASSWORD_LENGTH, () => passwordMessages.too_long)
	)
});

type WithPassword = { password: string; phone: string };

/**
 * The password policy as a check on a form with `password` and `phone`, reported on the password field.
 * Shared by registration and by the admin's "new officer" form.
 */
export function passwordAcceptable<T extends WithPassword>() {
	return v.forward<T, v.CheckIssue<T>, ['password']>(
		v.check<T, (issue: v.CheckIssue<T>) => string>(
			(input) => passwordProblem(input.password, input.phone) === null,
			(issue) => {
				const problem = passwordProblem(issue.input.password, issue.input.phone);
				return problem ? passwordMessages[problem] : '';
			}
		),
		['password'] as never
	);
}

export const registerSchema = v.pipe(
	v.object({
		name: v.pipe(
			v.string(() => m.account_name_required()),
			v.trim(),
			v.nonEmpty(() => m.account_name_required()),
			v.minLength(2, () => m.account_name_too_short()),
			v.maxLength(100, () => m.account_name_too_long())
		),
		phone,
		password: v.string(() => m.account_password_required())
	}),
	passwordAcceptable()
);

export { fieldErrors, type FieldErrors } from './form-errors';

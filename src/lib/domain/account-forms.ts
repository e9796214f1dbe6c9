/**
 * The register and login forms' rules, as valibot schemas: the server is the authority, the browser may
 * run the same schemas for quick feedback. Messages are plain Indonesian, next to the field they concern.
 */
import * as v from 'valibot';
import { normalizePhone } from './phone';
import { MAX_PASSWORD_LENGTH, passwordMessages, passwordProblem } from './password-policy';

export const phone = v.pipe(
	v.string('Isi nomor HP.'),
	v.trim(),
	v.nonEmpty('Isi nomor HP.'),
	v.transform((value) => normalizePhone(value) ?? ''),
	v.nonEmpty('Nomor HP tidak dikenali. Tulis seperti 0812 3456 7890.')
);

export const loginSchema = v.object({
	phone,
	password: v.pipe(
		v.string('Isi kata sandi.'),
		v.nonEmpty('Isi kata sandi.'),
		v.maxLength(MAX_PASSWORD_LENGTH, passwordMessages.too_long)
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
			v.string('Isi nama lengkap.'),
			v.trim(),
			v.nonEmpty('Isi nama lengkap.'),
			v.minLength(2, 'Nama terlalu pendek.'),
			v.maxLength(100, 'Nama paling banyak 100 huruf.')
		),
		phone,
		password: v.string('Isi kata sandi.')
	}),
	passwordAcceptable()
);

export { fieldErrors, type FieldErrors } from './form-errors';

/**
 * The change-password form's rules (/akun/sandi): the current password, a new one that passes the password
 * policy, and the new one typed twice. The phone number is the account's, given by the server (a password
 * may not be the number itself).
 */
import * as v from 'valibot';
import { m } from '../paraglide/messages.js';
import { passwordAcceptable } from './account-forms';
import { MAX_PASSWORD_LENGTH, passwordMessages } from './password-policy';

export const passwordChangeMessages = {
	get current() { return m.account_current_password_required(); },
	get currentWrong() { return m.account_current_password_wrong(); },
	get password() { return m.account_new_password_required(); },
	get repeat() { return m.account_repeat_password_required(); },
	get repeatDiffers() { return m.account_repeat_password_differs(); },
	get sameAsCurrent() { return m.account_new_password_same(); }
} as const;

export const passwordChangeSchema = v.pipe(
	v.object({
		current: v.pipe(
			v.string(() => passwordChangeMessages.current),
			v.nonEmpty(() => passwordChangeMessages.current),
			v.maxLength(MAX_PASSWORD_LENGTH, () => passwordMessages.too_long)
		),
		password: v.pipe(v.string(() => passwordChangeMessages.password), v.nonEmpty(() => passwordChangeMessages.password)),
		repeat: v.pipe(v.string(() => passwordChangeMessages.repeat), v.nonEmpty(() => passwordChangeMessages.repeat)),
		phone: v.string()
	}),
	passwordAcceptable(),
	v.forward(
		v.partialCheck(
			[['password'], ['repeat']],
			(input) => input.password === input.repeat,
			() => passwordChangeMessages.repeatDiffers
		),
		['repeat']
	),
	v.forward(
		v.partialCheck(
			[['current'], ['password']],
			(input) => input.current !== input.password,
			() => passwordChangeMessages.sameAsCurrent
		),
		['password']
	)
);

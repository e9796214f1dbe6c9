/**
 * The change-password form's rules (/akun/sandi): the current password, a new one that passes the password
 * policy, and the new one typed twice. The phone number is the account's, given by the server (a password
 * may not be the number itself).
 */
import * as v from 'valibot';
import { passwordAcceptable } from './account-forms';
import { MAX_PASSWORD_LENGTH, passwordMessages } from './password-policy';

export const passwordChangeMessages = {
	current: 'Isi kata sandi yang Anda pakai sekarang.',
	currentWrong: 'Kata sandi sekarang salah.',
	password: 'Isi kata sandi baru.',
	repeat: 'Ulangi kata sandi baru.',
	repeatDiffers: 'Kedua kata sandi baru tidak sama. Tulis lagi yang sama persis.',
	sameAsCurrent: 'Kata sandi baru harus berbeda dari kata sandi sekarang.'
} as const;

export const passwordChangeSchema = v.pipe(
	v.object({
		current: v.pipe(
			v.string(passwordChangeMessages.current),
			v.nonEmpty(passwordChangeMessages.current),
			v.maxLength(MAX_PASSWORD_LENGTH, passwordMessages.too_long)
		),
		password: v.pipe(v.string(passwordChangeMessages.password), v.nonEmpty(passwordChangeMessages.password)),
		repeat: v.pipe(v.string(passwordChangeMessages.repeat), v.nonEmpty(passwordChangeMessages.repeat)),
		phone: v.string()
	}),
	passwordAcceptable(),
	v.forward(
		v.partialCheck(
			[['password'], ['repeat']],
			(input) => input.password === input.repeat,
			passwordChangeMessages.repeatDiffers
		),
		['repeat']
	),
	v.forward(
		v.partialCheck(
			[['current'], ['password']],
			(input) => input.current !== input.password,
			passwordChangeMessages.sameAsCurrent
		),
		['password']
	)
);

/**
 * One-time codes sent to a phone, and the forms that use them: asking for a code for a number, and
 * setting a new password with the code (/masuk/lupa). Six digits, valid five minutes, a few tries each.
 */
import * as v from 'valibot';
import { m } from '../paraglide/messages.js';
import { passwordAcceptable, phone } from './account-forms';

export const CODE_LENGTH = 6;
export const CODE_MINUTES = 5;
export const CODE_TRIES = 5;

export const recoveryMessages = {
	get code() { return m.account_code_required(); },
	get codeShape() { return m.account_code_shape(); },
	get repeat() { return m.account_repeat_password_required(); },
	get repeatDiffers() { return m.account_repeat_password_differs(); },
	get password() { return m.account_new_password_required(); }
} as const;

export const code = v.pipe(
	v.string(() => recoveryMessages.code),
	v.transform((value) => value.replace(/[\s-]/g, '')),
	v.nonEmpty(() => recoveryMessages.code),
	v.regex(/^\d{6}$/, () => recoveryMessages.codeShape)
);

export const askCodeSchema = v.object({ phone });

export const resetSchema = v.pipe(
	v.object({
		phone,
		code,
		password: v.pipe(v.string(() => recoveryMessages.password), v.nonEmpty(() => recoveryMessages.password)),
		repeat: v.pipe(v.string(() => recoveryMessages.repeat), v.nonEmpty(() => recoveryMessages.repeat))
	}),
	passwordAcceptable(),
	v.forward(
		v.partialCheck([['password'], ['repeat']], (input) => input.password === input.repeat, () => recoveryMessages.repeatDiffers),
		['repeat']
	)
);

export const verifySchema = v.object({ code });

/** Six random digits, uniform (rejection sampling: no bias towards low numbers). */
export function newCode(random: (buffer: Uint32Array) => Uint32Array = (b) => crypto.getRandomValues(b)): string {
	const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
	const buffer = new Uint32Array(1);
	for (;;) {
		const n = random(buffer)[0]!;
		if (n < limit) return String(n % 1_000_000).padStart(CODE_LENGTH, '0');
	}
}

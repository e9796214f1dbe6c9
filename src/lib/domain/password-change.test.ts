import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form-errors';
import { passwordChangeMessages, passwordChangeSchema } from './password-change';
import { passwordMessages } from './password-policy';

const phone = '+6281234567890';
const errorsOf = (input: Record<string, string>) => {
	const parsed = v.safeParse(passwordChangeSchema, { phone, ...input });
	return parsed.success ? {} : fieldErrors(parsed.issues);
};

describe('the change-password form', () => {
	it('accepts a new password that passes the policy, typed twice', () => {
		expect(errorsOf({ current: 'lama sekali', password: 'kopi susu di pasar', repeat: 'kopi susu di pasar' })).toEqual({});
	});

	it('says which field is wrong, in Indonesian', () => {
		expect(errorsOf({ current: '', password: '', repeat: '' })).toMatchObject({
			current: passwordChangeMessages.current,
			password: passwordChangeMessages.password,
			repeat: passwordChangeMessages.repeat
		});
		expect(errorsOf({ current: 'lama sekali', password: 'pendek', repeat: 'pendek' }).password).toBe(
			passwordMessages.too_short
		);
		expect(errorsOf({ current: 'lama sekali', password: '081234567890', repeat: '081234567890' }).password).toBe(
			passwordMessages.contains_phone
		);
		expect(errorsOf({ current: 'lama sekali', password: 'kopi susu di pasar', repeat: 'kopi susu di pasir' })).toEqual({
			repeat: passwordChangeMessages.repeatDiffers
		});
		expect(errorsOf({ current: 'kopi susu di pasar', password: 'kopi susu di pasar', repeat: 'kopi susu di pasar' })).toEqual({
			password: passwordChangeMessages.sameAsCurrent
		});
	});
});

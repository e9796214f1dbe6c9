/**
 * What makes a password acceptable: at least 8 characters (NIST SP 800-63B), not one of the passwords
 * that leak lists show people use most (international and Indonesian), and not the phone number itself.
 * No composition rules: they push people to "Password1!" and don't help.
 */
import { m } from '../paraglide/messages.js';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

// Lower-case. The most common passwords of 8+ characters in public leak lists, and Indonesian favourites.
const common = new Set([
	'12345678', '123456789', '1234567890', '12345678910', '123123123', '11111111', '00000000', '88888888',
	'87654321', '11223344', '12341234', '1q2w3e4r', '1qaz2wsx', 'qwertyui', 'qwertyuiop', 'asdfghjk',
	'zxcvbnm1', 'password', 'password1', 'password123', 'passw0rd', 'iloveyou', 'sunshine', 'princess',
	'football', 'baseball', 'welcome1', 'abcd1234', 'abc12345', 'qwerty123', 'superman', 'starwars',
	'trustno1', 'whatever', 'dragon12', 'letmein1', 'michael1', 'computer', 'internet', 'samsung1',
	'admin123', 'administrator', 'changeme', 'aaaaaaaa', 'asdf1234', 'zaq12wsx', 'q1w2e3r4', 'a1b2c3d4',
	'indonesia', 'indonesia1', 'bismillah', 'bismillah1', 'alhamdulillah', 'sayangku', 'sayang123',
	'cintaku1', 'akusayangkamu', 'rahasia1', 'rahasia123', 'katasandi', 'katasandi1', 'banjarbaru',
	'banjarmasin', 'kalimantan', 'merahputih', 'garuda123', 'persija1', 'persib123', 'jakarta1',
	'bandung1', 'surabaya', 'doraemon', 'indonesia123', 'allahuakbar', 'assalamualaikum', 'masuk123',
	'sandi123', 'pengguna', 'layanan1', 'qwerty12', 'qwerty1234', '123456abc', '1234abcd', 'abcdefgh',
	'abcdefg1', 'iloveyou1', 'password12', '12344321', '12121212', '69696969', '123654789', '147258369',
	'123qweasd', '1234qwer', 'qwer1234', 'monkey12', 'shadow12', 'master12', 'batman12', 'pokemon1'
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_phone';

export function passwordProblem(password: string, phoneE164?: string | null): PasswordProblem | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
	if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
	const lowered = password.toLowerCase();
	if (common.has(lowered)) return 'common';
	// the same character or a plain run of digits is as weak as a listed one
	if (/^(.)\1+$/.test(password) || /^\d+$/.test(password) && '01234567890123456789'.includes(password)) {
		return 'common';
	}
	if (phoneE164) {
		const local = phoneE164.replace(/^\+62/, '0');
		const digits = password.replace(/\D/g, '');
		if (digits.length >= 8 && (local.includes(digits) || phoneE164.includes(digits))) {
			return 'contains_phone';
		}
	}
	return null;
}

export const passwordMessages: Record<PasswordProblem, string> = {
	get too_short() { return m.account_password_too_short({ min: MIN_PASSWORD_LENGTH }); },
	get too_long() { return m.account_password_too_long({ max: MAX_PASSWORD_LENGTH }); },
	get common() { return m.account_password_common(); },
	get contains_phone() { return m.account_password_contains_phone(); }
};

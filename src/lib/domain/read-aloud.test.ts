import { describe, expect, it } from 'vitest';
import { forSpeech, isIndonesian, pickVoice, spellOut, toSentences } from './read-aloud';

const voice = (lang: string, localService = true, name = lang) => ({ lang, name, localService });

describe('choosing the voice', () => {
	it('takes an Indonesian voice, the offline one first', () => {
		const online = voice('id-ID', false, 'Google Bahasa Indonesia');
		const offline = voice('id-ID', true, 'Indonesian (offline)');
		expect(pickVoice([voice('en-US'), online, offline])).toBe(offline);
	});

	it('knows the names older Android engines give Indonesian', () => {
		expect(isIndonesian('in-ID')).toBe(true);
		expect(isIndonesian('id_ID')).toBe(true);
		expect(isIndonesian('ind')).toBe(true);
		expect(isIndonesian('id')).toBe(true);
		expect(pickVoice([voice('en-GB'), voice('in_ID')])?.lang).toBe('in_ID');
	});

	it('finds none when only other languages are listed (English is never used instead)', () => {
		expect(pickVoice([voice('en-US'), voice('ms-MY'), voice('jv-ID')])).toBeNull();
		expect(pickVoice([])).toBeNull();
		expect(isIndonesian('ind-XX')).toBe(true);
		expect(isIndonesian('indonesia')).toBe(false);
	});
});

describe('what is said', () => {
	it('spells a tracking code character by character, with a pause between its groups', () => {
		expect(spellOut('K7MP 2XWA')).toBe('ka, tujuh, em, pe. dua, eks, we, a');
		expect(spellOut('k7mp-2xwa')).toBe('ka, tujuh, em, pe. dua, eks, we, a');
	});

	it('reads long numbers (NIK, No. KK, phone) digit by digit and leaves short numbers alone', () => {
		expect(forSpeech('NIK 6372045204950001')).toBe('NIK enam tiga tujuh dua nol empat lima dua nol empat sembilan lima nol nol nol satu');
		expect(forSpeech('0812-3456')).toBe('nol delapan satu dua tiga empat lima enam');
		expect(forSpeech('+62 812')).toBe('plus enam dua delapan satu dua');
		expect(forSpeech('Paling lama 3 hari kerja, tahun 2026.')).toBe('Paling lama 3 hari kerja, tahun 2026.');
	});

	it('turns screen lines into sentences so the voice pauses between them', () => {
		expect(toSentences(['NIK Anda', ' 16 angka,  ada di KTP. ', '', 'Ada yang salah!'])).toBe(
			'NIK Anda. 16 angka, ada di KTP. Ada yang salah!'
		);
		expect(toSentences(['Status:', 'Dikirim'])).toBe('Status: Dikirim.');
	});
});

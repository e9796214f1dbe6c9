/** The wording of the page on installing the voice (linked by the "Dengarkan" buttons), in the reader's language. */
import { m } from '$lib/paraglide/messages';

export const voiceHelpWording = {
	get title() { return m.public_voice_title(); },
	get intro() { return m.public_voice_intro(); },
	get androidTitle() { return m.public_voice_android_title(); },
	get android() {
		return [
			m.public_voice_android_settings(),
			m.public_voice_android_tts(),
			m.public_voice_android_google(),
			m.public_voice_android_install(),
			m.public_voice_android_language(),
			m.public_voice_android_back()
		];
	},
	get stillSilentTitle() { return m.public_voice_still_silent_title(); },
	get stillSilent() { return [m.public_voice_still_silent_restart(), m.public_voice_still_silent_volume(), m.public_voice_still_silent_chrome()]; },
	get iphoneTitle() { return m.public_voice_iphone_title(); },
	get iphone() { return m.public_voice_iphone(); },
	get home() { return m.public_voice_home(); }
} as const;

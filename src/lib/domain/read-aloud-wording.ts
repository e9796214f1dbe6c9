/**
 * What the read-aloud ("Dengarkan") buttons say or show, in one place (a later translation reads it).
 * Its own small module: every form page carries it with the button, not the speaking rules
 * (domain/read-aloud.ts), which load only when a button is pressed.
 */
import { m } from '../paraglide/messages.js';

export const readAloudWording = {
	get button() { return m.public_listen_button(); },
	get stop() { return m.public_listen_stop(); },
	/** Indonesian: "no Indonesian voice"; English: no voice for the page's language. */
	get noVoice() { return m.public_listen_no_voice(); },
	get howToInstall() { return m.public_listen_how_to_install(); },
	get notSupported() { return m.public_listen_not_supported(); },
	helpPath: '/bantuan/suara'
} as const;

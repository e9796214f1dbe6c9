/**
 * What the read-aloud ("Dengarkan") buttons say or show, in one place (a later translation reads it).
 * Its own small module: every form page carries it with the button, not the speaking rules
 * (domain/read-aloud.ts), which load only when a button is pressed.
 */
export const readAloudWording = {
	button: 'Dengarkan',
	stop: 'Berhenti',
	noVoice: 'Suara bahasa Indonesia belum ada di HP ini.',
	howToInstall: 'Cara memasang suara',
	notSupported: 'Browser ini tidak bisa membacakan teks.',
	helpPath: '/bantuan/suara'
} as const;

/** The wording of the page on installing the Indonesian voice (linked by the "Dengarkan" buttons). */
export const voiceHelpWording = {
	title: 'Bagaimana memasang suara bahasa Indonesia?',
	intro: 'Tombol "Dengarkan" memakai suara dari HP Anda. Jika suara bahasa Indonesia belum ada, pasang dulu. Cukup sekali.',
	androidTitle: 'Di HP Android',
	android: [
		'Buka Setelan (Settings).',
		'Cari "Teks ke ucapan" (Text-to-speech). Biasanya ada di Aksesibilitas, atau di Sistem lalu Bahasa.',
		'Pilih "Layanan Ucapan oleh Google" (Speech Services by Google).',
		'Tekan gambar roda gigi, lalu "Instal data suara" (Install voice data).',
		'Pilih "Indonesia", lalu unduh. Setelah itu suara juga bisa dipakai tanpa sinyal.',
		'Kembali ke aplikasi ini. Tekan "Dengarkan" lagi.'
	],
	stillSilentTitle: 'Masih belum bersuara?',
	stillSilent: ['Tutup browser, lalu buka lagi.', 'Periksa volume HP.', 'Pakai browser Chrome.'],
	iphoneTitle: 'Di iPhone',
	iphone: 'Buka Pengaturan, lalu Aksesibilitas, lalu Konten Lisan, lalu Suara. Pilih Bahasa Indonesia.',
	home: 'Ke halaman utama'
} as const;

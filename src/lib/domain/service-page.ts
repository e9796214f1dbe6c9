/**
 * What a service page says before its full Standar Pelayanan: the three facts a resident asks first
 * (what to bring, how long, what it costs), as questions with short answers. One wording place for the
 * page (a later translation reads it); the facts themselves come from the service's record.
 */
export const servicePageWording = {
	factsTitle: 'Yang perlu Anda tahu',
	bring: 'Apa yang perlu disiapkan?',
	bringIntro: 'Siapkan dokumen asli ini. Anda akan memotretnya.',
	optional: '(jika ada)',
	howLong: 'Berapa lama?',
	within: (sla: string) => `Paling lama ${sla}.`,
	clock: 'Dihitung sejak berkas Anda lengkap.',
	inPerson: 'Anda perlu datang sekali ke kantor untuk foto dan sidik jari.',
	fee: 'Berapa biayanya?',
	neverPay: 'Jangan bayar siapa pun.',
	start: 'Mulai mengajukan',
	forResident: 'Ajukan untuk warga (bisa tanpa sinyal)',
	standardTitle: 'Standar Pelayanan lengkap',
	listenWhat: 'yang perlu Anda tahu'
} as const;

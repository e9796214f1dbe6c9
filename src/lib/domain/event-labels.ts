/** What each kind of application event is called on screen (timelines and the audit log). */
export const eventLabel: Record<string, string> = {
	submitted: 'Permohonan diterima',
	claimed: 'Petugas mulai memeriksa',
	reassigned: 'Dialihkan ke petugas lain',
	correction_requested: 'Petugas meminta perbaikan',
	resubmitted: 'Perbaikan dikirim',
	approved: 'Permohonan disetujui',
	rejected: 'Permohonan ditolak',
	completed: 'Selesai',
	cancelled: 'Dibatalkan',
	viewed: 'Dibuka petugas',
	document_viewed: 'Dokumen dibuka petugas',
	note: 'Catatan',
	checklist: 'Persyaratan dicentang',
	appointment_booked: 'Jadwal kedatangan dipilih',
	appointment_moved: 'Jadwal kedatangan dipindah',
	appointment_cancelled: 'Jadwal kedatangan dibatalkan',
	result_revoked: 'Dokumen hasil dicabut',
	volunteer_released: 'Relawan dilepas dari permohonan ini',
	applicant_claimed: 'Permohonan masuk ke akun pemohon'
};

export const labelOfEvent = (type: string) => eventLabel[type] ?? 'Catatan';

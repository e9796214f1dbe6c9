/**
 * The service catalogue: the seed data for every service the app offers. Services are records, not code: the
 * database is seeded from this file, an admin edits the records later, and the guided form is generated from
 * `steps` and `documents`. What a citizen reads is plain Indonesian; keys are English snake_case.
 *
 * Invariants (checked in catalogue.test.ts): slugs are unique; field keys are unique within a service; every
 * service publishes the six public components of its Standar Pelayanan (UU 25/2009); population documents are
 * free by law (UU 24/2013 Pasal 79A) and say so; every complaints text names SP4N-LAPOR!.
 *
 * Requirements follow DOMAIN.md (Permendagri 108/2019 and 109/2019). SLAs are in working days (WITA) and are
 * configurable: Banjarbaru's own published standards are unverified.
 */
import type {
	DocumentRequirement,
	FieldDefinition,
	OfficeId,
	ServiceDefinition
} from './service';
import { numbered } from './requirements';

export interface Office {
	id: OfficeId;
	name: string;
	shortName: string;
	address: string;
	/** How its issued documents are numbered: `{kode}` tracking code, `{tahun}` year. Admin-editable data. */
	documentNumber: string;
}

export const offices = [
	{
		id: 'disdukcapil',
		name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Banjarbaru',
		shortName: 'Disdukcapil',
		// Unverified: street address not confirmed from an official source. Check before launch; admin-editable.
		address: 'Jl. Pangeran Suriansyah No. 5, Banjarbaru',
		// Unverified: the office's own numbering (classification code 474 = kependudukan) to be confirmed.
		documentNumber: '474/{kode}/Disdukcapil/{tahun}'
	},
	{
		id: 'dpmptsp',
		name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Banjarbaru',
		shortName: 'DPMPTSP',
		address: 'Mal Pelayanan Publik (MPP) Banjarbaru, Jl. Husni Thamrin No. 1',
		// 503 = perizinan in the archive classification; the format the app used before it was data
		documentNumber: '503/{kode}/DPMPTSP/{tahun}'
	}
] as const satisfies readonly Office[];

// ---------------------------------------------------------------------------------------------------------------
// Shared wording. Kept in one place so the same thing is always said the same way.

const POPULATION_FEE = 'Gratis';
const POPULATION_FEE_BASIS =
	'UU No. 24 Tahun 2013 Pasal 79A: dokumen kependudukan tidak dipungut biaya. ' +
	'Petugas yang memungut biaya dapat dipidana penjara paling lama 6 tahun (Pasal 95B).';

function complaints(office: (typeof offices)[number]): string {
	return (
		`Sampaikan keluhan, saran atau masukan langsung ke ${office.shortName} (${office.address}) atau lewat ` +
		'aplikasi ini. Anda juga bisa lapor ke SP4N-LAPOR! di lapor.go.id atau SMS ke 1708: laporan diteruskan ' +
		'paling lama 3 hari kerja dan dijawab paling lama 5 hari kerja.'
	);
}

const [DISDUKCAPIL, DPMPTSP] = offices;

/** The `time` sentence of the standard, generated from the SLA so that the two never disagree. */
function timeText(days: number): string {
	return `Paling lama ${days} hari kerja sejak berkas lengkap dan benar. Waktu menunggu perbaikan dari Anda tidak dihitung.`;
}

const PRINT_AT_HOME =
	'Dokumen selesai: unduh di aplikasi ini dan cetak sendiri di kertas HVS A4 putih biasa. Dokumen sah karena ' +
	'ada tanda tangan elektronik dengan kode QR (Permendagri 104/2019). Bisa juga dicetak di kantor Disdukcapil.';

const PICK_UP_KTP =
	'KTP-el selesai: Anda diberi tahu lewat aplikasi ini, lalu ambil KTP-el di kantor Disdukcapil dengan ' +
	'membawa kode lacak.';

/** Procedure for a population document: apply, upload, check within the SLA, fix, result. */
function populationProcedure(days: number, result: string): string[] {
	return [
		'Isi permohonan di aplikasi ini. Jika sulit, minta bantuan relawan atau datang ke kantor.',
		'Foto atau pindai (scan) dokumen asli, lalu unggah di aplikasi.',
		`Petugas Disdukcapil memeriksa berkas Anda paling lama ${days} hari kerja.`,
		'Jika ada yang kurang atau salah, petugas memberi tahu Anda. Perbaiki di aplikasi, lalu kirim lagi.',
		result
	];
}

// ---------------------------------------------------------------------------------------------------------------
// Shared fields and documents. Each is a fresh object so a service can be edited without touching another.

const SEX_OPTIONS = [
	{ value: 'male', label: 'Laki-laki' },
	{ value: 'female', label: 'Perempuan' }
] as const;

function applicantNik(): FieldDefinition {
	return {
		key: 'applicant_nik',
		label: 'NIK Anda',
		help: '16 angka, ada di KTP atau Kartu Keluarga.',
		kind: 'nik',
		required: true,
		forResident: { label: 'NIK warga', help: '16 angka, ada di KTP atau Kartu Keluarga warga.' }
	};
}

function applicantName(): FieldDefinition {
	return {
		key: 'applicant_name',
		label: 'Nama lengkap Anda',
		help: 'Tulis sama persis seperti di Kartu Keluarga.',
		kind: 'text',
		required: true,
		autocomplete: 'name',
		applicant: 'name',
		forResident: { label: 'Nama lengkap warga' }
	};
}

function applicantPhone(): FieldDefinition {
	return {
		key: 'applicant_phone',
		label: 'Nomor HP',
		// no promise of a message here: whether one is sent depends on the server's providers (notify/config.ts)
		help: 'Nomor HP yang aktif, misalnya 0812-3456-7890. Dipakai untuk melacak permohonan, dan untuk kabar lewat WhatsApp atau SMS bila layanan pesan sudah aktif.',
		kind: 'phone',
		required: true,
		autocomplete: 'tel',
		applicant: 'phone',
		forResident: { label: 'Nomor HP warga', help: 'Dipakai warga untuk melacak permohonan, dan untuk kabar lewat WhatsApp atau SMS bila layanan pesan sudah aktif.' }
	};
}

function kkNumber(label = 'Nomor Kartu Keluarga (KK)'): FieldDefinition {
	return {
		key: 'kk_number',
		label,
		help: '16 angka, ada di bagian atas Kartu Keluarga, setelah tulisan "No.".',
		kind: 'kk',
		required: true
	};
}

function kelurahanField(key = 'kelurahan', label = 'Kelurahan tempat tinggal'): FieldDefinition {
	return {
		key,
		label,
		help: 'Pilih kelurahan sesuai alamat di Kartu Keluarga.',
		kind: 'kelurahan',
		required: true
	};
}

const PHOTO_HELP = 'Foto yang jelas: semua tulisan terbaca dan keempat sudut kertas kelihatan.';

function kkScan(help = `Kartu Keluarga yang berlaku. ${PHOTO_HELP}`): DocumentRequirement {
	return { key: 'kk_scan', label: 'Foto Kartu Keluarga (KK)', help, required: true, paper: 'kk' };
}

// ---------------------------------------------------------------------------------------------------------------
// SLAs in working days. Typical published standards (DOMAIN.md): 1 working day for KTP-el printing once the
// file is complete, 1–3 working days for certificates. Banjarbaru's own standard is unverified: admin-editable.

const SLA_KTP = 1;
const SLA_KK = 2;
const SLA_AKTA = 3;
// Unverified: DPMPTSP Banjarbaru's published standard for local permits/recommendations is not confirmed.
const SLA_IZIN_USAHA = 5;

// ---------------------------------------------------------------------------------------------------------------

const ktpElBaru: ServiceDefinition = {
	slug: 'ktp-el-baru',
	office: 'disdukcapil',
	name: 'KTP-el baru',
	summary: 'Buat KTP-el pertama kali, untuk umur 17 tahun ke atas atau yang sudah menikah.',
	description:
		'Layanan ini untuk warga yang belum pernah punya KTP-el. Anda harus sudah berumur 17 tahun, atau sudah ' +
		'atau pernah menikah. Isi data di sini, lalu datang sekali ke kantor untuk foto dan sidik jari pada jadwal ' +
		'yang Anda pilih.',
	steps: [
		{
			key: 'applicant',
			title: 'Siapa Anda?',
			forResident: { title: 'Apa NIK warga?' },
			section: 'Data diri',
			fields: [applicantNik(), applicantName(), applicantPhone()]
		},
		{
			key: 'eligibility',
			title: 'Apakah Anda sudah boleh membuat KTP-el?',
			forResident: { title: 'Apakah warga sudah boleh membuat KTP-el?' },
			section: 'Umur dan status menikah',
			intro: 'KTP-el dibuat mulai umur 17 tahun, atau lebih muda jika sudah atau pernah menikah.',
			fields: [
				{
					key: 'birth_date',
					label: 'Tanggal lahir',
					help: 'Sama seperti di Kartu Keluarga.',
					kind: 'date',
					required: true,
					autocomplete: 'bday'
				},
				{
					key: 'marital_status',
					label: 'Status menikah',
					help: 'Pilih sesuai Kartu Keluarga.',
					kind: 'select',
					required: true,
					options: [
						{ value: 'single', label: 'Belum menikah' },
						{ value: 'married', label: 'Menikah' },
						{ value: 'divorced', label: 'Cerai hidup' },
						{ value: 'widowed', label: 'Cerai mati' }
					]
				}
			]
		},
		{
			key: 'family_card',
			title: 'Apa nomor KK dan alamat Anda?',
			forResident: { title: 'Apa nomor KK dan alamat warga?' },
			section: 'Kartu Keluarga dan alamat',
			fields: [
				kkNumber(),
				kelurahanField(),
				{
					key: 'address',
					label: 'Alamat',
					help: 'Nama jalan, nomor rumah, RT dan RW, sama seperti di Kartu Keluarga.',
					kind: 'textarea',
					required: true,
					autocomplete: 'street-address'
				}
			]
		}
	],
	documents: [kkScan()],
	standard: {
		requirements: numbered(
			'Berumur 17 tahun atau lebih, atau sudah atau pernah menikah.',
			'Kartu Keluarga (KK).',
			'Datang sendiri ke kantor untuk perekaman foto, sidik jari, iris mata dan tanda tangan.',
			{ text: 'Tidak perlu surat pengantar RT, RW atau kelurahan.', required: false }
		),
		procedure: [
			'Isi permohonan di aplikasi ini dan unggah foto Kartu Keluarga.',
			'Pilih jadwal perekaman, lalu datang ke kantor pada jadwal itu untuk foto, sidik jari, iris mata dan tanda tangan.',
			`Setelah perekaman, petugas Disdukcapil memeriksa data Anda paling lama ${SLA_KTP} hari kerja.`,
			'Jika ada yang kurang atau salah, petugas memberi tahu Anda. Perbaiki di aplikasi, lalu kirim lagi.',
			PICK_UP_KTP
		],
		// The clock starts once the file is complete, i.e. after the biometric recording.
		time: `Paling lama ${SLA_KTP} hari kerja setelah perekaman dan berkas lengkap dan benar. Waktu menunggu perbaikan dari Anda tidak dihitung.`,
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		product: 'KTP-el (Kartu Tanda Penduduk elektronik).',
		complaints: complaints(DISDUKCAPIL)
	},
	sla: { value: SLA_KTP, unit: 'days' },
	inPerson: true,
	rank: 1
};

const aktaKelahiran: ServiceDefinition = {
	slug: 'akta-kelahiran',
	office: 'disdukcapil',
	name: 'Akta Kelahiran',
	// the certificate is the child's: it names the child with the birth data, and the parents
	issued: {
		holder: 'child_name',
		shows: ['child_sex', 'child_birth_place', 'child_birth_date', 'child_birth_order', 'mother_name', 'father_name']
	},
	summary: 'Buat akta kelahiran untuk anak yang baru lahir.',
	description:
		'Akta kelahiran adalah bukti resmi kelahiran anak. Laporkan dalam 60 hari setelah anak lahir. ' +
		'Akta bisa Anda cetak sendiri di kertas A4 biasa.',
	steps: [
		// The applicant (pelapor) comes first so that every service starts with the applicant's NIK.
		{
			key: 'applicant',
			title: 'Siapa yang melapor?',
			section: 'Data pelapor',
			intro: 'Pelapor adalah orang yang mengurus akta ini, biasanya ayah atau ibu.',
			fields: [
				applicantNik(),
				applicantName(),
				{
					key: 'applicant_relation',
					label: 'Hubungan dengan anak',
					help: 'Anda siapa bagi anak ini?',
					forResident: { help: 'Warga siapa bagi anak ini?' },
					kind: 'select',
					required: true,
					options: [
						{ value: 'father', label: 'Ayah' },
						{ value: 'mother', label: 'Ibu' },
						{ value: 'family', label: 'Keluarga lain' },
						{ value: 'other', label: 'Lainnya' }
					]
				},
				applicantPhone()
			]
		},
		{
			key: 'child',
			title: 'Siapa anak yang lahir?',
			section: 'Data anak',
			intro: 'Data anak dilindungi undang-undang sebagai data pribadi yang spesifik. Hanya petugas yang memproses akta ini yang bisa melihatnya.',
			fields: [
				{
					key: 'child_name',
					specific: true,
					label: 'Nama lengkap anak',
					help: 'Nama yang akan ditulis di akta. Periksa ejaannya dengan teliti.',
					kind: 'text',
					required: true
				},
				{
					key: 'child_sex',
					specific: true,
					label: 'Jenis kelamin anak',
					help: 'Pilih salah satu.',
					kind: 'select',
					required: true,
					options: SEX_OPTIONS
				},
				{
					key: 'child_birth_order',
					specific: true,
					label: 'Anak ke berapa',
					help: 'Dari ibu yang sama. Misalnya pilih 1 untuk anak pertama.',
					kind: 'select',
					required: true,
					options: Array.from({ length: 15 }, (_, i) => ({
						value: String(i + 1),
						label: `Anak ke-${i + 1}`
					}))
				}
			]
		},
		{
			key: 'birth',
			title: 'Kapan dan di mana anak lahir?',
			section: 'Kelahiran',
			fields: [
				{
					key: 'child_birth_date',
					specific: true,
					label: 'Tanggal lahir anak',
					help: 'Lihat surat keterangan lahir dari rumah sakit, puskesmas atau bidan.',
					kind: 'date',
					required: true
				},
				{
					key: 'child_birth_time',
					specific: true,
					label: 'Jam lahir (jika tahu)',
					help: 'Boleh dikosongkan. Contoh: 14:30.',
					kind: 'time',
					required: false
				},
				{
					key: 'child_birth_place',
					specific: true,
					label: 'Tempat lahir',
					help: 'Nama kota atau kabupaten tempat anak lahir, misalnya Banjarbaru.',
					kind: 'text',
					required: true
				}
			]
		},
		{
			key: 'mother',
			title: 'Siapa ibu anak ini?',
			section: 'Data ibu',
			fields: [
				{
					key: 'mother_name',
					label: 'Nama lengkap ibu',
					help: 'Sama seperti di KTP atau Kartu Keluarga ibu.',
					kind: 'text',
					required: true
				},
				{
					key: 'mother_nik',
					label: 'NIK ibu',
					help: '16 angka, ada di KTP atau Kartu Keluarga ibu.',
					kind: 'nik',
					required: true
				}
			]
		},
		{
			key: 'father',
			title: 'Siapa ayah anak ini?',
			section: 'Data ayah',
			intro: 'Kosongkan halaman ini jika nama ayah tidak dicantumkan di akta.',
			fields: [
				{
					key: 'father_name',
					label: 'Nama lengkap ayah',
					help: 'Sama seperti di KTP atau Kartu Keluarga ayah. Boleh dikosongkan.',
					kind: 'text',
					required: false
				},
				{
					key: 'father_nik',
					label: 'NIK ayah',
					help: '16 angka, ada di KTP atau Kartu Keluarga ayah. Boleh dikosongkan.',
					kind: 'nik',
					required: false
				}
			]
		},
		{
			key: 'family_card',
			title: 'Apa nomor KK orang tua?',
			section: 'Kartu Keluarga orang tua',
			intro: 'Anak akan dimasukkan ke Kartu Keluarga ini.',
			fields: [
				kkNumber('Nomor Kartu Keluarga orang tua'),
				{
					key: 'kk_head_name',
					label: 'Nama kepala keluarga',
					help: 'Nama yang tertulis sebagai kepala keluarga di KK.',
					kind: 'text',
					required: true
				}
			]
		}
	],
	documents: [
		{
			key: 'birth_letter',
			label: 'Surat keterangan lahir',
			paper: 'birth-letter',
			help:
				'Dari rumah sakit, puskesmas, dokter atau bidan. Jika tidak punya, unggah SPTJM kebenaran data ' +
				'kelahiran (formulir F-2.03) yang ditandatangani 2 orang saksi.',
			required: true
		},
		{
			key: 'marriage_proof',
			label: 'Buku nikah atau akta perkawinan orang tua',
			paper: 'marriage-book',
			help:
				'Wajib jika nama ayah dicantumkan. Jika tidak punya, unggah SPTJM kebenaran sebagai pasangan suami ' +
				'istri (formulir F-2.04).',
			// Not required for every child: a child registered with the mother only has no marriage document.
			required: false
		},
		kkScan(`Kartu Keluarga orang tua. ${PHOTO_HELP}`)
	],
	standard: {
		requirements: numbered(
			'Surat keterangan lahir dari rumah sakit, puskesmas, dokter atau bidan. Jika tidak ada: SPTJM kebenaran data kelahiran (F-2.03) dengan 2 orang saksi.',
			'Buku nikah atau akta perkawinan orang tua. Jika tidak ada: SPTJM kebenaran sebagai pasangan suami istri (F-2.04).',
			'Kartu Keluarga (KK) orang tua.',
			{ text: 'Dilaporkan dalam 60 hari setelah anak lahir.', required: false },
			{ text: 'Tidak perlu surat pengantar RT, RW atau kelurahan.', required: false }
		),
		procedure: populationProcedure(SLA_AKTA, PRINT_AT_HOME),
		time: timeText(SLA_AKTA),
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		product: 'Kutipan Akta Kelahiran dengan tanda tangan elektronik, dicetak di kertas HVS A4 putih.',
		complaints: complaints(DISDUKCAPIL)
	},
	sla: { value: SLA_AKTA, unit: 'days' },
	inPerson: false,
	rank: 2,
	// the certificate is about a child: a parent agrees
	consentBy: 'parent'
};

const izinUsaha: ServiceDefinition = {
	slug: 'izin-usaha',
	office: 'dpmptsp',
	name: 'Izin Usaha (rekomendasi/izin lokal)',
	issued: { shows: ['business_name', 'business_address', 'nib'] },
	summary: 'Ajukan izin atau surat rekomendasi usaha dari Pemerintah Kota untuk usaha yang sudah punya NIB.',
	description:
		'Untuk pemilik usaha di Banjarbaru yang perlu izin atau surat rekomendasi dari Kota. Anda perlu NIB ' +
		'(Nomor Induk Berusaha) lebih dulu. NIB gratis dan dibuat di situs OSS.',
	steps: [
		{
			key: 'owner',
			title: 'Siapa pemilik usaha?',
			section: 'Pemilik usaha',
			fields: [
				{
					key: 'owner_nik',
					label: 'NIK pemilik usaha',
					help: '16 angka, ada di KTP atau Kartu Keluarga.',
					kind: 'nik',
					required: true
				},
				{
					key: 'owner_name',
					label: 'Nama lengkap pemilik usaha',
					help: 'Sama seperti di KTP.',
					kind: 'text',
					required: true,
					autocomplete: 'name',
					applicant: 'name'
				},
				applicantPhone()
			]
		},
		{
			key: 'nib',
			title: 'Apa NIB dan bidang usahanya?',
			section: 'NIB dan jenis usaha',
			intro: 'NIB adalah nomor usaha dari OSS. Belum punya? Daftar dulu, gratis, di oss.go.id.',
			fields: [
				{
					key: 'nib',
					label: 'NIB (Nomor Induk Berusaha)',
					help: '13 angka, ada di dokumen NIB dari OSS.',
					kind: 'nib',
					required: true
				},
				{
					key: 'business_line',
					label: 'Bidang usaha',
					help: 'Usaha Anda apa? Misalnya warung makan, bengkel motor atau toko kelontong.',
					kind: 'text',
					required: true
				}
			]
		},
		{
			key: 'business',
			title: 'Di mana tempat usahanya?',
			section: 'Tempat usaha',
			fields: [
				{
					key: 'business_name',
					label: 'Nama usaha',
					help: 'Nama yang dipakai untuk usaha Anda, misalnya "Warung Acil Ina".',
					kind: 'text',
					required: true
				},
				{
					key: 'business_address',
					label: 'Alamat tempat usaha',
					help: 'Nama jalan, nomor, RT dan RW tempat usaha berada.',
					kind: 'textarea',
					required: true
				},
				kelurahanField('business_kelurahan', 'Kelurahan tempat usaha')
			]
		}
	],
	documents: [
		{
			key: 'owner_ktp',
			label: 'Foto KTP pemilik usaha',
			paper: 'ktp',
			help: `KTP-el pemilik, bagian depan. ${PHOTO_HELP}`,
			required: true
		},
		{
			key: 'location_photo',
			label: 'Foto tempat usaha',
			paper: 'shopfront',
			help: 'Foto bagian depan tempat usaha. Jika ada papan nama, usahakan terlihat.',
			required: true
		}
	],
	standard: {
		requirements: numbered(
			'NIB (Nomor Induk Berusaha) dari OSS. NIB gratis, daftar di oss.go.id.',
			'KTP pemilik usaha.',
			'Foto tempat usaha.'
		),
		procedure: [
			'Pastikan usaha Anda sudah punya NIB. Jika belum, daftar gratis di oss.go.id.',
			'Isi permohonan di aplikasi ini, lalu unggah foto KTP dan foto tempat usaha.',
			`Petugas DPMPTSP memeriksa berkas Anda paling lama ${SLA_IZIN_USAHA} hari kerja.`,
			'Jika ada yang kurang atau salah, petugas memberi tahu Anda. Perbaiki di aplikasi, lalu kirim lagi.',
			'Izin atau surat rekomendasi selesai: unduh di aplikasi ini, atau ambil di MPP Banjarbaru.'
		],
		time: timeText(SLA_IZIN_USAHA),
		// Unverified: no city fee (retribusi) is known for this service; shown as not charged until confirmed.
		// Configurable by an admin. Deliberately not "Gratis", which is reserved for fees free by law.
		fee: 'Tidak dipungut biaya. Pendaftaran NIB di OSS juga gratis.',
		product: 'Surat izin atau surat rekomendasi usaha dari Pemerintah Kota Banjarbaru.',
		complaints: complaints(DPMPTSP)
	},
	sla: { value: SLA_IZIN_USAHA, unit: 'days' },
	inPerson: false,
	rank: 3,
	externalLink: { href: 'https://oss.go.id', label: 'Belum punya NIB? Daftar gratis di OSS' }
};

const ktpElHilang: ServiceDefinition = {
	slug: 'ktp-el-hilang',
	office: 'disdukcapil',
	name: 'KTP-el hilang',
	summary: 'Ganti KTP-el yang hilang.',
	description:
		'Untuk warga yang KTP-elnya hilang. Minta dulu surat keterangan hilang di kantor polisi. ' +
		'NIK Anda tetap sama, dan KTP-el pengganti diambil di kantor.',
	steps: [
		{
			key: 'applicant',
			title: 'Siapa Anda?',
			forResident: { title: 'Apa NIK warga?' },
			section: 'Data diri',
			fields: [applicantNik(), applicantName(), applicantPhone()]
		},
		{
			key: 'loss',
			title: 'Apa nomor dan tanggal surat kehilangan?',
			section: 'Surat kehilangan',
			intro: 'Surat keterangan hilang didapat dari kantor polisi (polsek atau polres).',
			fields: [
				{
					key: 'police_report_number',
					label: 'Nomor surat keterangan hilang',
					help: 'Ada di bagian atas surat dari polisi.',
					kind: 'text',
					required: true
				},
				{
					key: 'police_report_date',
					label: 'Tanggal surat keterangan hilang',
					help: 'Tanggal yang tertulis di surat dari polisi.',
					kind: 'date',
					required: true
				}
			]
		},
		{
			key: 'family_card',
			title: 'Apa nomor KK Anda?',
			forResident: { title: 'Apa nomor KK warga?' },
			section: 'Kartu Keluarga',
			fields: [kkNumber(), kelurahanField()]
		}
	],
	documents: [
		{
			key: 'police_report',
			label: 'Surat keterangan hilang dari polisi',
			paper: 'letter',
			help: PHOTO_HELP,
			required: true
		},
		kkScan()
	],
	standard: {
		requirements: numbered(
			'Surat keterangan hilang dari kepolisian.',
			'Kartu Keluarga (KK).',
			'Formulir F-1.02 (diisi lewat aplikasi ini).'
		),
		procedure: populationProcedure(SLA_KTP, PICK_UP_KTP),
		time: timeText(SLA_KTP),
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		product: 'KTP-el pengganti dengan NIK yang sama.',
		complaints: complaints(DISDUKCAPIL)
	},
	sla: { value: SLA_KTP, unit: 'days' },
	inPerson: false,
	rank: 4
};

const ktpElRusak: ServiceDefinition = {
	slug: 'ktp-el-rusak',
	office: 'disdukcapil',
	name: 'KTP-el rusak',
	summary: 'Ganti KTP-el yang rusak, patah atau tidak terbaca.',
	description:
		'Untuk warga yang KTP-elnya rusak, patah, atau tulisannya pudar. Unggah foto kartu yang rusak dan ' +
		'Kartu Keluarga. Bawa kartu yang rusak saat mengambil KTP-el baru.',
	steps: [
		{
			key: 'applicant',
			title: 'Siapa Anda?',
			forResident: { title: 'Apa NIK warga?' },
			section: 'Data diri',
			fields: [applicantNik(), applicantName(), applicantPhone()]
		},
		{
			key: 'damage',
			title: 'Kartu rusak seperti apa?',
			section: 'Kerusakan kartu',
			fields: [
				{
					key: 'damage_kind',
					label: 'Apa yang rusak?',
					help: 'Pilih yang paling cocok.',
					kind: 'select',
					required: true,
					options: [
						{ value: 'broken', label: 'Patah atau retak' },
						{ value: 'faded', label: 'Tulisan atau foto pudar' },
						{ value: 'chip', label: 'Chip tidak bisa dibaca' },
						{ value: 'other', label: 'Lainnya' }
					]
				},
				{
					key: 'damage_note',
					label: 'Keterangan (jika perlu)',
					help: 'Boleh dikosongkan. Ceritakan singkat jika memilih "Lainnya".',
					kind: 'textarea',
					required: false
				}
			]
		},
		{
			key: 'family_card',
			title: 'Apa nomor KK Anda?',
			forResident: { title: 'Apa nomor KK warga?' },
			section: 'Kartu Keluarga',
			fields: [kkNumber(), kelurahanField()]
		}
	],
	documents: [
		{
			key: 'damaged_card',
			label: 'Foto KTP-el yang rusak',
			paper: 'ktp',
			help: 'Foto bagian depan kartu. Kartu aslinya diserahkan saat mengambil KTP-el baru.',
			required: true
		},
		kkScan()
	],
	standard: {
		requirements: numbered(
			'KTP-el yang rusak (diserahkan saat mengambil KTP-el baru).',
			'Kartu Keluarga (KK).'
		),
		procedure: populationProcedure(SLA_KTP, `${PICK_UP_KTP} Bawa juga KTP-el yang rusak.`),
		time: timeText(SLA_KTP),
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		product: 'KTP-el pengganti dengan NIK yang sama.',
		complaints: complaints(DISDUKCAPIL)
	},
	sla: { value: SLA_KTP, unit: 'days' },
	inPerson: false,
	rank: 5
};

const ktpElPerubahanData: ServiceDefinition = {
	slug: 'ktp-el-perubahan-data',
	office: 'disdukcapil',
	name: 'KTP-el perubahan data',
	summary: 'Perbarui KTP-el jika data Anda berubah, misalnya alamat atau status menikah.',
	description:
		'Untuk warga yang datanya berubah, misalnya pindah alamat, menikah, atau ganti pekerjaan. Kartu Keluarga ' +
		'Anda harus sudah memakai data baru. KTP-el lama diserahkan saat mengambil yang baru.',
	steps: [
		{
			key: 'applicant',
			title: 'Siapa Anda?',
			forResident: { title: 'Apa NIK warga?' },
			section: 'Data diri',
			fields: [applicantNik(), applicantName(), applicantPhone()]
		},
		{
			key: 'change',
			title: 'Apa yang berubah pada data Anda?',
			forResident: { title: 'Apa yang berubah pada data warga?' },
			section: 'Data yang berubah',
			fields: [
				{
					key: 'changed_item',
					label: 'Data apa yang berubah?',
					help: 'Pilih yang paling utama.',
					kind: 'select',
					required: true,
					options: [
						{ value: 'address', label: 'Alamat' },
						{ value: 'marital_status', label: 'Status menikah' },
						{ value: 'occupation', label: 'Pekerjaan' },
						{ value: 'name', label: 'Nama' },
						{ value: 'religion', label: 'Agama' },
						{ value: 'other', label: 'Lainnya' }
					]
				},
				{
					key: 'change_note',
					label: 'Keterangan (jika perlu)',
					help: 'Boleh dikosongkan. Tulis singkat jika ada lebih dari satu perubahan.',
					kind: 'textarea',
					required: false
				}
			]
		},
		{
			key: 'family_card',
			title: 'Apa nomor KK baru Anda?',
			forResident: { title: 'Apa nomor KK baru warga?' },
			section: 'Kartu Keluarga baru',
			intro: 'Jika Kartu Keluarga Anda belum memakai data baru, ajukan dulu layanan "Kartu Keluarga perubahan".',
			fields: [kkNumber('Nomor Kartu Keluarga (KK) baru'), kelurahanField()]
		}
	],
	documents: [
		kkScan(`Kartu Keluarga yang sudah memakai data baru. ${PHOTO_HELP}`),
		{
			key: 'old_ktp',
			label: 'Foto KTP-el lama',
			paper: 'ktp',
			help: 'Foto bagian depan kartu. Kartu aslinya diserahkan saat mengambil KTP-el baru.',
			required: true
		}
	],
	standard: {
		requirements: numbered(
			'Kartu Keluarga (KK) yang sudah memakai data baru.',
			'KTP-el lama (diserahkan saat mengambil KTP-el baru).'
		),
		procedure: populationProcedure(SLA_KTP, `${PICK_UP_KTP} Bawa juga KTP-el lama.`),
		time: timeText(SLA_KTP),
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		product: 'KTP-el dengan data baru.',
		complaints: complaints(DISDUKCAPIL)
	},
	sla: { value: SLA_KTP, unit: 'days' },
	inPerson: false,
	rank: 6
};

const kkPerubahan: ServiceDefinition = {
	slug: 'kk-perubahan',
	office: 'disdukcapil',
	name: 'Kartu Keluarga perubahan',
	summary: 'Ubah Kartu Keluarga jika ada anggota baru, anggota yang keluar, atau data yang berubah.',
	description:
		'Untuk keluarga yang datanya berubah: ada bayi lahir, ada yang meninggal atau pindah, menikah, atau ganti ' +
		'pekerjaan. Siapkan bukti perubahannya dan KK lama. KK baru bisa Anda cetak sendiri di kertas A4 biasa.',
	steps: [
		{
			key: 'applicant',
			title: 'Siapa Anda?',
			forResident: { title: 'Apa NIK warga?' },
			section: 'Data diri',
			intro: 'Biasanya diajukan oleh kepala keluarga atau anggota keluarga yang datanya berubah.',
			fields: [applicantNik(), applicantName(), applicantPhone()]
		},
		{
			key: 'change',
			title: 'Apa yang berubah di KK?',
			section: 'Perubahan',
			fields: [
				{
					key: 'change_kind',
					label: 'Apa yang berubah?',
					help: 'Pilih yang paling cocok.',
					kind: 'select',
					required: true,
					options: [
						{ value: 'add_member', label: 'Tambah anggota (bayi lahir, menikah, pindah masuk)' },
						{ value: 'remove_member', label: 'Kurangi anggota (meninggal, pindah keluar)' },
						{ value: 'member_data', label: 'Data anggota berubah (pendidikan, pekerjaan, status menikah)' },
						{ value: 'head_change', label: 'Ganti kepala keluarga' },
						{ value: 'other', label: 'Lainnya' }
					]
				},
				{
					key: 'change_note',
					label: 'Jelaskan perubahannya',
					help: 'Tulis singkat, misalnya: "Tambah anak ketiga, Siti, lahir 3 Mei 2026."',
					kind: 'textarea',
					required: true
				}
			]
		},
		{
			key: 'family_card',
			title: 'Apa nomor KK yang lama?',
			section: 'Kartu Keluarga lama',
			fields: [kkNumber('Nomor Kartu Keluarga (KK) lama'), kelurahanField()]
		}
	],
	documents: [
		{
			key: 'change_proof',
			label: 'Bukti perubahan',
			paper: 'letter',
			help:
				'Dokumen yang membuktikan perubahan, misalnya akta kelahiran, akta kematian, buku nikah, ijazah ' +
				`atau surat pindah. ${PHOTO_HELP}`,
			required: true
		},
		kkScan(`Kartu Keluarga lama. ${PHOTO_HELP}`)
	],
	standard: {
		requirements: numbered(
			'Dokumen bukti perubahan, misalnya akta kelahiran, akta kematian, buku nikah atau surat pindah.',
			'Kartu Keluarga (KK) lama.',
			{ text: 'Tidak perlu surat pengantar RT, RW atau kelurahan.', required: false }
		),
		procedure: populationProcedure(SLA_KK, PRINT_AT_HOME),
		time: timeText(SLA_KK),
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		product: 'Kartu Keluarga baru dengan tanda tangan elektronik, dicetak di kertas HVS A4 putih.',
		complaints: complaints(DISDUKCAPIL)
	},
	sla: { value: SLA_KK, unit: 'days' },
	inPerson: false,
	rank: 7
};

const aktaKematian: ServiceDefinition = {
	slug: 'akta-kematian',
	office: 'disdukcapil',
	name: 'Akta Kematian',
	summary: 'Buat akta kematian untuk anggota keluarga yang meninggal.',
	description:
		'Akta kematian adalah bukti resmi bahwa seseorang sudah meninggal. Laporkan dalam 30 hari setelah ' +
		'meninggal. Akta bisa Anda cetak sendiri di kertas A4 biasa.',
	steps: [
		{
			key: 'applicant',
			title: 'Siapa yang melapor?',
			section: 'Data pelapor',
			intro: 'Pelapor adalah orang yang mengurus akta ini, biasanya anggota keluarga.',
			fields: [
				applicantNik(),
				applicantName(),
				{
					key: 'applicant_relation',
					label: 'Hubungan dengan yang meninggal',
					help: 'Anda siapa bagi orang yang meninggal?',
					forResident: { help: 'Warga siapa bagi orang yang meninggal?' },
					kind: 'select',
					required: true,
					options: [
						{ value: 'spouse', label: 'Suami atau istri' },
						{ value: 'child', label: 'Anak' },
						{ value: 'parent', label: 'Orang tua' },
						{ value: 'family', label: 'Keluarga lain' },
						{ value: 'other', label: 'Lainnya' }
					]
				},
				applicantPhone()
			]
		},
		{
			key: 'deceased',
			title: 'Siapa yang meninggal?',
			section: 'Orang yang meninggal',
			fields: [
				{
					key: 'deceased_name',
					label: 'Nama lengkap',
					help: 'Sama seperti di KTP atau Kartu Keluarga.',
					kind: 'text',
					required: true
				},
				{
					key: 'deceased_nik',
					label: 'NIK',
					help: '16 angka, ada di KTP atau Kartu Keluarga.',
					kind: 'nik',
					required: true
				}
			]
		},
		{
			key: 'death',
			title: 'Kapan dan di mana meninggal?',
			section: 'Waktu dan tempat meninggal',
			fields: [
				{
					key: 'death_date',
					label: 'Tanggal meninggal',
					help: 'Lihat surat keterangan kematian.',
					kind: 'date',
					required: true
				},
				{
					key: 'death_place',
					label: 'Tempat meninggal',
					help: 'Misalnya nama rumah sakit, atau "rumah" dan nama kota.',
					kind: 'text',
					required: true
				}
			]
		},
		{
			key: 'family_card',
			title: 'Apa nomor KK keluarganya?',
			section: 'Kartu Keluarga',
			intro: 'Kartu Keluarga yang masih mencantumkan nama orang yang meninggal.',
			fields: [kkNumber(), kelurahanField()]
		}
	],
	documents: [
		{
			key: 'death_letter',
			label: 'Surat keterangan kematian',
			paper: 'letter',
			help: `Dari rumah sakit, puskesmas, atau kelurahan. ${PHOTO_HELP}`,
			required: true
		},
		kkScan(`Kartu Keluarga yang mencantumkan nama orang yang meninggal. ${PHOTO_HELP}`)
	],
	standard: {
		requirements: numbered(
			'Surat keterangan kematian dari rumah sakit, puskesmas atau kelurahan.',
			'Kartu Keluarga (KK) yang mencantumkan nama orang yang meninggal.',
			{ text: 'Dilaporkan dalam 30 hari setelah meninggal.', required: false }
		),
		procedure: populationProcedure(SLA_AKTA, PRINT_AT_HOME),
		time: timeText(SLA_AKTA),
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		product: 'Kutipan Akta Kematian dengan tanda tangan elektronik, dicetak di kertas HVS A4 putih.',
		complaints: complaints(DISDUKCAPIL)
	},
	sla: { value: SLA_AKTA, unit: 'days' },
	inPerson: false,
	rank: 8
};

export const services: readonly ServiceDefinition[] = [
	ktpElBaru,
	aktaKelahiran,
	izinUsaha,
	ktpElHilang,
	ktpElRusak,
	ktpElPerubahanData,
	kkPerubahan,
	aktaKematian
];

/** The service with this slug, or undefined. */
export function findService(slug: string): ServiceDefinition | undefined {
	return services.find((s) => s.slug === slug);
}

/**
 * The service catalogue in English: an overlay on domain/catalogue.ts (see domain/service-language.ts for how
 * it lies on a record). Keyed by slug (services) and by id (offices); steps and fields by key, options by
 * value, documents by key, requirements by id, the procedure line by line. Seeded into each record's
 * `translations.en` (server/db/seed.ts); from then on it lives with the record.
 *
 * Plain English for readers with little schooling. Official Indonesian names stay, with the English sense
 * beside them: "KTP-el (electronic ID card)", "Kartu Keluarga (KK, family card)", "kelurahan (urban village)".
 * NIK, RT/RW, WITA stay as they are. Numbers stay the same as in the Indonesian (service-language.test.ts).
 *
 * A new service in catalogue.ts needs its English here: the test fails until every text it shows has one.
 */
import { offices } from './catalogue';
import type { FieldTranslation, OfficeId, OfficeTranslation, ServiceTranslation, StandardTranslation } from './service';

export const officesEn: Readonly<Record<OfficeId, OfficeTranslation>> = {
	disdukcapil: {
		name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Banjarbaru (Banjarbaru Population and Civil Registration Office)'
	},
	dpmptsp: {
		name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Banjarbaru (Banjarbaru Investment and One-Stop Service Office)',
		address: 'Mal Pelayanan Publik (MPP, public service hall) Banjarbaru, Jl. Husni Thamrin No. 1'
	}
};

// ---------------------------------------------------------------------------------------------------------------
// Shared wording, the same pieces as in catalogue.ts.

/** "1 working day", "3 working days": how the English names an SLA in days (server/catalogue.ts follows it). */
export function workingDays(days: number): string {
	return days === 1 ? '1 working day' : `${days} working days`;
}

const POPULATION_FEE = 'Free';
const POPULATION_FEE_BASIS =
	'UU No. 24 Tahun 2013 (Law 24 of 2013), Pasal 79A: population documents are free of charge. ' +
	'An officer who asks you for money can be sent to prison for up to 6 years (Pasal 95B).';

function complaints(id: OfficeId): string {
	const office = offices.find((o) => o.id === id)!;
	const address = officesEn[id].address ?? office.address;
	return (
		`Tell ${office.shortName} (${address}) your complaint, suggestion or idea in person, or use this app. ` +
		'You can also report to SP4N-LAPOR! at lapor.go.id or by SMS to 1708: your report is passed on within ' +
		'3 working days and answered within 5 working days.'
	);
}

function timeText(days: number): string {
	return `At most ${workingDays(days)} after your papers are complete and correct. Time spent waiting for you to fix something is not counted.`;
}

const PRINT_AT_HOME =
	'When the document is ready: download it in this app and print it yourself on plain white A4 paper (HVS). ' +
	'It is valid because it has an electronic signature with a QR code (Permendagri 104/2019). You can also ' +
	'have it printed at the Disdukcapil office.';

const PICK_UP_KTP =
	'When your KTP-el is ready, this app tells you. Then collect your KTP-el at the Disdukcapil office and ' +
	'bring your tracking code.';

const FIX_AND_SEND = 'If something is missing or wrong, the officer tells you. Fix it in the app, then send it again.';

function populationProcedure(days: number, result: string): string[] {
	return [
		'Fill in the application in this app. If it is hard, ask a volunteer for help or come to the office.',
		'Take a photo of the original documents (or scan them), then upload them in the app.',
		`A Disdukcapil officer checks your papers within ${workingDays(days)}.`,
		FIX_AND_SEND,
		result
	];
}

function populationStandard(days: number, result: string): Pick<StandardTranslation, 'procedure' | 'time' | 'fee' | 'feeBasis' | 'complaints'> {
	return {
		procedure: populationProcedure(days, result),
		time: timeText(days),
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		complaints: complaints('disdukcapil')
	};
}

const NO_COVER_LETTER = 'No covering letter from the RT, RW or kelurahan is needed.';
const KK = 'Kartu Keluarga (KK, family card).';

// ---------------------------------------------------------------------------------------------------------------
// Shared fields and documents.

const SEX_OPTIONS = { male: 'Male', female: 'Female' };

const applicantNik: FieldTranslation = {
	label: 'Your NIK',
	help: '16 digits, on your KTP or Kartu Keluarga (family card).',
	forResident: { label: "Resident's NIK", help: "16 digits, on the resident's KTP or Kartu Keluarga (family card)." }
};

const applicantName: FieldTranslation = {
	label: 'Your full name',
	help: 'Write it exactly as on the Kartu Keluarga (family card).',
	forResident: { label: "Resident's full name" }
};

const applicantPhone: FieldTranslation = {
	label: 'Mobile number',
	help:
		'A mobile number you use, for example 0812-3456-7890. It is used to track your application, and for ' +
		'updates by WhatsApp or SMS once messages are switched on.',
	forResident: {
		label: "Resident's mobile number",
		help: 'The resident uses it to track the application, and for updates by WhatsApp or SMS once messages are switched on.'
	}
};

const applicant = { applicant_nik: applicantNik, applicant_name: applicantName, applicant_phone: applicantPhone };

function kkNumber(label = 'Kartu Keluarga (KK, family card) number'): FieldTranslation {
	return { label, help: '16 digits, at the top of the Kartu Keluarga, after the word "No.".' };
}

function kelurahanField(label = 'Kelurahan (urban village) where you live'): FieldTranslation {
	return { label, help: 'Choose the kelurahan of the address on your Kartu Keluarga.' };
}

const familyCardFields = { kk_number: kkNumber(), kelurahan: kelurahanField() };

const PHOTO_HELP = 'A clear photo: all the writing can be read and all four corners of the paper can be seen.';

function kkScan(help = `The Kartu Keluarga you use now. ${PHOTO_HELP}`) {
	return { kk_scan: { label: 'Photo of the Kartu Keluarga (KK, family card)', help } };
}

const CARD_HANDED_IN = 'A photo of the front of the card. You hand in the card itself when you collect the new KTP-el.';

/** "1st child", "2nd child", …: the birth order options. */
function ordinal(n: number): string {
	const tens = n % 100;
	const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
	return `${n}${suffix}`;
}

// ---------------------------------------------------------------------------------------------------------------

const ktpElBaru: ServiceTranslation = {
	name: 'New KTP-el (electronic ID card)',
	summary: 'Get your first KTP-el, if you are 17 or older or are married.',
	description:
		'This service is for residents who have never had a KTP-el. You must be 17 or older, or be married or ' +
		'have been married. Fill in your details here, then come to the office once, at the time you choose, for ' +
		'your photo and fingerprints.',
	steps: {
		applicant: { title: 'Who are you?', forResident: { title: "What is the resident's NIK?" }, section: 'About you', fields: applicant },
		eligibility: {
			title: 'Can you get a KTP-el yet?', forResident: { title: 'Can the resident get a KTP-el yet?' }, section: 'Age and marriage',
			intro: 'A KTP-el is made from age 17, or younger if you are married or have been married.',
			fields: {
				birth_date: { label: 'Date of birth', help: 'As on the Kartu Keluarga.' },
				marital_status: {
					label: 'Marital status',
					help: 'Choose as on the Kartu Keluarga.',
					options: { single: 'Not married', married: 'Married', divorced: 'Divorced', widowed: 'Widowed' }
				}
			}
		},
		family_card: {
			title: 'What are your KK number and address?', forResident: { title: "What are the resident's KK number and address?" }, section: 'Kartu Keluarga and address',
			fields: {
				...familyCardFields,
				address: { label: 'Address', help: 'Street name, house number, RT and RW, as on the Kartu Keluarga.' }
			}
		}
	},
	documents: kkScan(),
	standard: {
		requirements: {
			r1: 'Aged 17 or older, or married or once married.',
			r2: KK,
			r3: 'Come to the office yourself to have your photo, fingerprints, eyes (iris) and signature recorded.',
			r4: NO_COVER_LETTER
		},
		procedure: [
			'Fill in the application in this app and upload a photo of the Kartu Keluarga.',
			'Choose a recording time, then come to the office at that time for your photo, fingerprints, iris and signature.',
			`After the recording, a Disdukcapil officer checks your details within ${workingDays(1)}.`,
			FIX_AND_SEND,
			PICK_UP_KTP
		],
		time: `At most ${workingDays(1)} after the recording, once your papers are complete and correct. Time spent waiting for you to fix something is not counted.`,
		fee: POPULATION_FEE,
		feeBasis: POPULATION_FEE_BASIS,
		product: 'KTP-el (Kartu Tanda Penduduk elektronik, electronic ID card).',
		complaints: complaints('disdukcapil')
	}
};

const aktaKelahiran: ServiceTranslation = {
	name: 'Akta Kelahiran (birth certificate)',
	summary: 'Get a birth certificate for a newborn child.',
	description:
		"An akta kelahiran is the official proof of a child's birth. Report the birth within 60 days after the " +
		'child is born. You can print the certificate yourself on plain A4 paper.',
	steps: {
		applicant: {
			title: 'Who is reporting the birth?', section: 'The person reporting',
			intro: 'The person reporting (pelapor) is the one who applies for this certificate, usually the father or mother.',
			fields: {
				...applicant,
				applicant_relation: {
					label: 'Relation to the child',
					help: 'Who are you to this child?',
					forResident: { help: 'Who is the resident to this child?' },
					options: { father: 'Father', mother: 'Mother', family: 'Other family', other: 'Other' }
				}
			}
		},
		child: {
			title: 'Who is the child?', section: "The child's details",
			intro:
				"The law protects a child's details as specific personal data. Only the officers who handle this " +
				'certificate can see them.',
			fields: {
				child_name: {
					label: "Child's full name",
					help: 'The name that will be written on the certificate. Check the spelling carefully.'
				},
				child_sex: { label: "Child's sex", help: 'Choose one.', options: SEX_OPTIONS },
				child_birth_order: {
					label: 'Which child is this?',
					help: 'Counting the children of the same mother. For example, choose 1 for the first child.',
					options: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [String(i + 1), `${ordinal(i + 1)} child`]))
				}
			}
		},
		birth: {
			title: 'When and where was the child born?', section: 'The birth',
			fields: {
				child_birth_date: {
					label: "Child's date of birth",
					help: 'See the birth letter from the hospital, puskesmas (health centre) or midwife.'
				},
				child_birth_time: { label: 'Time of birth (if you know it)', help: 'You may leave this empty. Example: 14:30.' },
				child_birth_place: {
					label: 'Place of birth',
					help: 'The city or kabupaten (regency) where the child was born, for example Banjarbaru.'
				}
			}
		},
		mother: {
			title: "Who is the child's mother?", section: "The mother's details",
			fields: {
				mother_name: { label: "Mother's full name", help: "As on the mother's KTP or Kartu Keluarga." },
				mother_nik: { label: "Mother's NIK", help: "16 digits, on the mother's KTP or Kartu Keluarga." }
			}
		},
		father: {
			title: "Who is the child's father?", section: "The father's details",
			intro: "Leave this page empty if the father's name will not be on the certificate.",
			fields: {
				father_name: {
					label: "Father's full name",
					help: "As on the father's KTP or Kartu Keluarga. You may leave this empty."
				},
				father_nik: {
					label: "Father's NIK",
					help: "16 digits, on the father's KTP or Kartu Keluarga. You may leave this empty."
				}
			}
		},
		family_card: {
			title: "What is the parents' KK number?", section: "The parents' Kartu Keluarga",
			intro: 'The child will be added to this Kartu Keluarga.',
			fields: {
				kk_number: kkNumber("The parents' Kartu Keluarga (KK) number"),
				kk_head_name: {
					label: 'Name of the head of the family',
					help: 'The name written as head of the family (kepala keluarga) on the KK.'
				}
			}
		}
	},
	documents: {
		birth_letter: {
			label: 'Birth letter (surat keterangan lahir)',
			help:
				'From the hospital, puskesmas (health centre), doctor or midwife. If you do not have one, upload an ' +
				'SPTJM (a signed statement that the birth details are true, form F-2.03) signed by 2 witnesses.'
		},
		marriage_proof: {
			label: "Parents' buku nikah (marriage book) or akta perkawinan (marriage certificate)",
			help:
				"Needed if the father's name is on the certificate. If you do not have one, upload an SPTJM (a signed " +
				'statement that you are husband and wife, form F-2.04).'
		},
		...kkScan(`The parents' Kartu Keluarga. ${PHOTO_HELP}`)
	},
	standard: {
		requirements: {
			r1:
				'A birth letter from the hospital, puskesmas (health centre), doctor or midwife. If there is none: an ' +
				'SPTJM (signed statement) that the birth details are true (F-2.03), with 2 witnesses.',
			r2:
				"The parents' buku nikah (marriage book) or akta perkawinan (marriage certificate). If there is none: " +
				'an SPTJM (signed statement) that they are husband and wife (F-2.04).',
			r3: "The parents' Kartu Keluarga (KK, family card).",
			r4: 'Reported within 60 days after the child is born.',
			r5: NO_COVER_LETTER
		},
		...populationStandard(3, PRINT_AT_HOME),
		product: 'Kutipan Akta Kelahiran (birth certificate) with an electronic signature, printed on white A4 paper (HVS).'
	}
};

const izinUsaha: ServiceTranslation = {
	name: 'Izin Usaha (local business permit or recommendation)',
	summary: 'Apply for a business permit or a recommendation letter from the City Government, for a business that already has an NIB.',
	description:
		'For business owners in Banjarbaru who need a permit or a recommendation letter from the City. You need ' +
		'an NIB (Nomor Induk Berusaha, business number) first. The NIB is free and is made on the OSS website.',
	steps: {
		owner: {
			title: 'Who owns the business?', section: 'Business owner',
			fields: {
				owner_nik: { label: "Business owner's NIK", help: '16 digits, on the KTP or Kartu Keluarga.' },
				owner_name: { label: "Business owner's full name", help: 'As on the KTP.' },
				applicant_phone: applicantPhone
			}
		},
		nib: {
			title: 'What are the NIB and the type of business?', section: 'NIB and type of business',
			intro: 'The NIB is the business number from OSS. No NIB yet? Register first, for free, at oss.go.id.',
			fields: {
				nib: { label: 'NIB (Nomor Induk Berusaha, business number)', help: '13 digits, on the NIB document from OSS.' },
				business_line: {
					label: 'Type of business',
					help: 'What is your business? For example a food stall, a motorbike repair shop or a small shop.'
				}
			}
		},
		business: {
			title: 'Where is the business?', section: 'Business place',
			fields: {
				business_name: {
					label: 'Business name',
					help: 'The name you use for your business, for example "Warung Acil Ina".'
				},
				business_address: {
					label: 'Business address',
					help: 'Street name, number, RT and RW where the business is.'
				},
				business_kelurahan: kelurahanField('Kelurahan (urban village) of the business')
			}
		}
	},
	documents: {
		owner_ktp: { label: "Photo of the business owner's KTP", help: `The owner's KTP-el, front side. ${PHOTO_HELP}` },
		location_photo: {
			label: 'Photo of the business place',
			help: 'A photo of the front of the business place. If there is a name board, try to show it.'
		}
	},
	standard: {
		requirements: {
			r1: 'NIB (Nomor Induk Berusaha, business number) from OSS. The NIB is free: register at oss.go.id.',
			r2: "The business owner's KTP.",
			r3: 'A photo of the business place.'
		},
		procedure: [
			'Make sure your business already has an NIB. If not, register for free at oss.go.id.',
			'Fill in the application in this app, then upload a photo of the KTP and a photo of the business place.',
			`A DPMPTSP officer checks your papers within ${workingDays(5)}.`,
			FIX_AND_SEND,
			'When the permit or recommendation letter is ready: download it in this app, or collect it at MPP Banjarbaru.'
		],
		time: timeText(5),
		fee: 'No charge. Registering the NIB on OSS is free too.',
		product: 'A business permit or recommendation letter from the Banjarbaru City Government (Pemerintah Kota Banjarbaru).',
		complaints: complaints('dpmptsp')
	},
	externalLink: { label: 'No NIB yet? Register for free on OSS' }
};

const ktpElHilang: ServiceTranslation = {
	name: 'Lost KTP-el (electronic ID card)',
	summary: 'Replace a KTP-el you have lost.',
	description:
		'For residents who have lost their KTP-el. First get a loss letter (surat keterangan hilang) from the ' +
		'police. Your NIK stays the same, and you collect the new KTP-el at the office.',
	steps: {
		applicant: { title: 'Who are you?', forResident: { title: "What is the resident's NIK?" }, section: 'About you', fields: applicant },
		loss: {
			title: 'What are the number and date of the loss letter?', section: 'Loss letter',
			intro: 'You get the loss letter (surat keterangan hilang) from the police (polsek or polres).',
			fields: {
				police_report_number: { label: 'Number of the loss letter', help: 'At the top of the letter from the police.' },
				police_report_date: { label: 'Date of the loss letter', help: 'The date written on the letter from the police.' }
			}
		},
		family_card: { title: 'What is your KK number?', forResident: { title: "What is the resident's KK number?" }, section: 'Kartu Keluarga (family card)', fields: familyCardFields }
	},
	documents: {
		police_report: { label: 'Loss letter from the police', help: PHOTO_HELP },
		...kkScan()
	},
	standard: {
		requirements: {
			r1: 'A loss letter (surat keterangan hilang) from the police.',
			r2: KK,
			r3: 'Form F-1.02 (filled in through this app).'
		},
		...populationStandard(1, PICK_UP_KTP),
		product: 'A new KTP-el with the same NIK.'
	}
};

const ktpElRusak: ServiceTranslation = {
	name: 'Damaged KTP-el (electronic ID card)',
	summary: 'Replace a KTP-el that is damaged, broken or cannot be read.',
	description:
		'For residents whose KTP-el is damaged, broken, or has faded writing. Upload a photo of the damaged card ' +
		'and of the Kartu Keluarga. Bring the damaged card when you collect the new KTP-el.',
	steps: {
		applicant: { title: 'Who are you?', forResident: { title: "What is the resident's NIK?" }, section: 'About you', fields: applicant },
		damage: {
			title: 'How is the card damaged?', section: 'Damage to the card',
			fields: {
				damage_kind: {
					label: 'What is damaged?',
					help: 'Choose the best match.',
					options: {
						broken: 'Broken or cracked',
						faded: 'Writing or photo has faded',
						chip: 'Chip cannot be read',
						other: 'Other'
					}
				},
				damage_note: {
					label: 'Details (if needed)',
					help: 'You may leave this empty. Tell us briefly if you chose "Other".'
				}
			}
		},
		family_card: { title: 'What is your KK number?', forResident: { title: "What is the resident's KK number?" }, section: 'Kartu Keluarga (family card)', fields: familyCardFields }
	},
	documents: {
		damaged_card: { label: 'Photo of the damaged KTP-el', help: CARD_HANDED_IN },
		...kkScan()
	},
	standard: {
		requirements: {
			r1: 'The damaged KTP-el (you hand it in when you collect the new KTP-el).',
			r2: KK
		},
		...populationStandard(1, `${PICK_UP_KTP} Also bring the damaged KTP-el.`),
		product: 'A new KTP-el with the same NIK.'
	}
};

const ktpElPerubahanData: ServiceTranslation = {
	name: 'KTP-el data change (electronic ID card)',
	summary: 'Update your KTP-el if your details change, for example your address or marital status.',
	description:
		'For residents whose details have changed, for example a new address, getting married, or a new job. ' +
		'Your Kartu Keluarga must already show the new details. You hand in the old KTP-el when you collect the ' +
		'new one.',
	steps: {
		applicant: { title: 'Who are you?', forResident: { title: "What is the resident's NIK?" }, section: 'About you', fields: applicant },
		change: {
			title: 'What has changed in your details?', forResident: { title: "What has changed in the resident's details?" }, section: 'What has changed',
			fields: {
				changed_item: {
					label: 'What has changed?',
					help: 'Choose the main one.',
					options: {
						address: 'Address',
						marital_status: 'Marital status',
						occupation: 'Job',
						name: 'Name',
						religion: 'Religion',
						other: 'Other'
					}
				},
				change_note: {
					label: 'Details (if needed)',
					help: 'You may leave this empty. Write briefly if more than one thing has changed.'
				}
			}
		},
		family_card: {
			title: 'What is your new KK number?', forResident: { title: "What is the resident's new KK number?" }, section: 'New Kartu Keluarga',
			intro:
				'If your Kartu Keluarga does not show the new details yet, first apply for the service ' +
				'"Kartu Keluarga (family card) change".',
			fields: { kk_number: kkNumber('New Kartu Keluarga (KK) number'), kelurahan: kelurahanField() }
		}
	},
	documents: {
		...kkScan(`The Kartu Keluarga that already shows the new details. ${PHOTO_HELP}`),
		old_ktp: { label: 'Photo of the old KTP-el', help: CARD_HANDED_IN }
	},
	standard: {
		requirements: {
			r1: 'The Kartu Keluarga (KK, family card) that already shows the new details.',
			r2: 'The old KTP-el (you hand it in when you collect the new KTP-el).'
		},
		...populationStandard(1, `${PICK_UP_KTP} Also bring the old KTP-el.`),
		product: 'A KTP-el with the new details.'
	}
};

const kkPerubahan: ServiceTranslation = {
	name: 'Kartu Keluarga (family card) change',
	summary: 'Change the Kartu Keluarga when someone joins, someone leaves, or details change.',
	description:
		'For families whose details have changed: a baby was born, someone died or moved, got married, or changed ' +
		'jobs. Have the proof of the change and the old KK ready. You can print the new KK yourself on plain A4 paper.',
	steps: {
		applicant: {
			title: 'Who are you?', forResident: { title: "What is the resident's NIK?" }, section: 'About you',
			intro: 'Usually the head of the family, or the family member whose details changed, applies.',
			fields: applicant
		},
		change: {
			title: 'What changes in the KK?', section: 'The change',
			fields: {
				change_kind: {
					label: 'What has changed?',
					help: 'Choose the best match.',
					options: {
						add_member: 'Add a member (baby born, marriage, moved in)',
						remove_member: 'Remove a member (died, moved out)',
						member_data: "A member's details changed (schooling, job, marital status)",
						head_change: 'New head of the family',
						other: 'Other'
					}
				},
				change_note: {
					label: 'Describe the change',
					help: 'Write briefly, for example: "Add third child, Siti, born 3 May 2026."'
				}
			}
		},
		family_card: {
			title: 'What is the old KK number?', section: 'Old Kartu Keluarga',
			fields: { kk_number: kkNumber('Old Kartu Keluarga (KK) number'), kelurahan: kelurahanField() }
		}
	},
	documents: {
		change_proof: {
			label: 'Proof of the change',
			help:
				'A document that proves the change, for example a birth certificate, death certificate, buku nikah ' +
				`(marriage book), school certificate or moving letter (surat pindah). ${PHOTO_HELP}`
		},
		...kkScan(`The old Kartu Keluarga. ${PHOTO_HELP}`)
	},
	standard: {
		requirements: {
			r1:
				'A document that proves the change, for example an akta kelahiran (birth certificate), akta kematian ' +
				'(death certificate), buku nikah (marriage book) or surat pindah (moving letter).',
			r2: 'The old Kartu Keluarga (KK, family card).',
			r3: NO_COVER_LETTER
		},
		...populationStandard(2, PRINT_AT_HOME),
		product: 'A new Kartu Keluarga with an electronic signature, printed on white A4 paper (HVS).'
	}
};

const aktaKematian: ServiceTranslation = {
	name: 'Akta Kematian (death certificate)',
	summary: 'Get a death certificate for a family member who has died.',
	description:
		'An akta kematian is the official proof that a person has died. Report the death within 30 days. You can ' +
		'print the certificate yourself on plain A4 paper.',
	steps: {
		applicant: {
			title: 'Who is reporting the death?', section: 'The person reporting',
			intro: 'The person reporting (pelapor) is the one who applies for this certificate, usually a family member.',
			fields: {
				...applicant,
				applicant_relation: {
					label: 'Relation to the person who died',
					help: 'Who are you to the person who died?',
					forResident: { help: 'Who is the resident to the person who died?' },
					options: { spouse: 'Husband or wife', child: 'Child', parent: 'Parent', family: 'Other family', other: 'Other' }
				}
			}
		},
		deceased: {
			title: 'Who died?', section: 'The person who died',
			fields: {
				deceased_name: { label: 'Full name', help: 'As on the KTP or Kartu Keluarga.' },
				deceased_nik: { label: 'NIK', help: '16 digits, on the KTP or Kartu Keluarga.' }
			}
		},
		death: {
			title: 'When and where did they die?', section: 'When and where they died',
			fields: {
				death_date: { label: 'Date of death', help: 'See the death letter (surat keterangan kematian).' },
				death_place: {
					label: 'Place of death',
					help: 'For example the name of the hospital, or "home" and the name of the city.'
				}
			}
		},
		family_card: {
			title: "What is their family's KK number?", section: 'Kartu Keluarga (family card)',
			intro: 'The Kartu Keluarga that still shows the name of the person who died.',
			fields: familyCardFields
		}
	},
	documents: {
		death_letter: {
			label: 'Death letter (surat keterangan kematian)',
			help: `From the hospital, puskesmas (health centre) or kelurahan. ${PHOTO_HELP}`
		},
		...kkScan(`The Kartu Keluarga that shows the name of the person who died. ${PHOTO_HELP}`)
	},
	standard: {
		requirements: {
			r1: 'A death letter from the hospital, puskesmas (health centre) or kelurahan.',
			r2: 'The Kartu Keluarga (KK, family card) that shows the name of the person who died.',
			r3: 'Reported within 30 days after the death.'
		},
		...populationStandard(3, PRINT_AT_HOME),
		product: 'Kutipan Akta Kematian (death certificate) with an electronic signature, printed on white A4 paper (HVS).'
	}
};

/** The English of every service, by slug. */
export const servicesEn: Readonly<Record<string, ServiceTranslation>> = {
	'ktp-el-baru': ktpElBaru,
	'akta-kelahiran': aktaKelahiran,
	'izin-usaha': izinUsaha,
	'ktp-el-hilang': ktpElHilang,
	'ktp-el-rusak': ktpElRusak,
	'ktp-el-perubahan-data': ktpElPerubahanData,
	'kk-perubahan': kkPerubahan,
	'akta-kematian': aktaKematian
};

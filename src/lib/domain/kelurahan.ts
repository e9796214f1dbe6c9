/**
 * The 5 kecamatan and 20 kelurahan of Kota Banjarbaru, with their Kemendagri codes
 * (63 = Kalimantan Selatan, 63.72 = Kota Banjarbaru). All 20 are kelurahan (urban villages), none are desa.
 *
 * The former Kecamatan Banjarbaru (63.72.01) was split in 2007, so it is not listed here, although old NIKs
 * may still start with 637201: a NIK's region is where it was first issued and is never checked against this list.
 */

export const kecamatan = [
	{
		code: '63.72.02',
		name: 'Landasan Ulin',
		kelurahan: [
			{ code: '63.72.02.1003', name: 'Landasan Ulin Timur' },
			{ code: '63.72.02.1004', name: 'Guntung Payung' },
			{ code: '63.72.02.1005', name: 'Guntung Manggis' },
			{ code: '63.72.02.1006', name: 'Syamsudin Noor' }
		]
	},
	{
		code: '63.72.03',
		name: 'Cempaka',
		kelurahan: [
			{ code: '63.72.03.1001', name: 'Palam' },
			{ code: '63.72.03.1002', name: 'Bangkal' },
			{ code: '63.72.03.1003', name: 'Sungai Tiung' },
			{ code: '63.72.03.1004', name: 'Cempaka' }
		]
	},
	{
		code: '63.72.04',
		name: 'Banjarbaru Utara',
		kelurahan: [
			{ code: '63.72.04.1001', name: 'Loktabat Utara' },
			{ code: '63.72.04.1002', name: 'Mentaos' },
			{ code: '63.72.04.1003', name: 'Komet' },
			{ code: '63.72.04.1004', name: 'Sungai Ulin' }
		]
	},
	{
		code: '63.72.05',
		name: 'Banjarbaru Selatan',
		kelurahan: [
			{ code: '63.72.05.1001', name: 'Sungai Besar' },
			{ code: '63.72.05.1002', name: 'Loktabat Selatan' },
			{ code: '63.72.05.1003', name: 'Kemuning' },
			{ code: '63.72.05.1004', name: 'Guntung Paikat' }
		]
	},
	{
		code: '63.72.06',
		name: 'Liang Anggang',
		kelurahan: [
			{ code: '63.72.06.1001', name: 'Landasan Ulin Barat' },
			{ code: '63.72.06.1002', name: 'Landasan Ulin Tengah' },
			{ code: '63.72.06.1003', name: 'Landasan Ulin Utara' },
			{ code: '63.72.06.1004', name: 'Landasan Ulin Selatan' }
		]
	}
] as const;

export type KecamatanCode = (typeof kecamatan)[number]['code'];
export type KelurahanCode = (typeof kecamatan)[number]['kelurahan'][number]['code'];

export interface Kelurahan {
	code: KelurahanCode;
	name: string;
	kecamatanCode: KecamatanCode;
	kecamatanName: string;
}

/** All 20 kelurahan in one list, in the order above (by kecamatan), e.g. for a select. */
export const kelurahanList: readonly Kelurahan[] = kecamatan.flatMap((k) =>
	k.kelurahan.map((kel) => ({
		code: kel.code,
		name: kel.name,
		kecamatanCode: k.code,
		kecamatanName: k.name
	}))
);

const byCode = new Map<string, Kelurahan>(kelurahanList.map((kel) => [kel.code, kel]));

/** The kelurahan with this code (`63.72.04.1003`), or undefined when it is not one of Banjarbaru's 20. */
export function findKelurahan(code: string): Kelurahan | undefined {
	return byCode.get(code);
}

/** A kelurahan's name for a code as stored (the code itself when it is not one of the 20), null for none. */
export const kelurahanName = (code: string | null) => (code ? (findKelurahan(code)?.name ?? code) : null);

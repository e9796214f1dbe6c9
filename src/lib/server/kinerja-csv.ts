/**
 * /kinerja's numbers as CSV (RFC 4180: comma, CRLF, quoted where needed), one row per service and month.
 *
 * This is the open-data file, read by programs as much as by people: it is the same in every language.
 * The column names below are its format (Indonesian, never translated), months are 'YYYY-MM', decimals
 * take a point, and the service's name is the catalogue's own (Indonesian) name.
 */
import { formatHundredths } from '$lib/domain/ikm';
import { workingDaysText } from '$lib/domain/performance';
import type { ServiceFigures } from './kinerja';

export const csvColumns = [
	'layanan',
	'bulan',
	'diterima',
	'selesai',
	'tepat_waktu',
	'ditolak',
	'median_hari_kerja',
	'p90_hari_kerja',
	'responden',
	'target_responden',
	'ikm_konversi',
	'mutu',
	'pengaduan',
	'pengaduan_dijawab',
	'pengaduan_dijawab_tepat_waktu'
] as const;

const cell = (value: string | number | null) => {
	const s = value === null ? '' : String(value);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function kinerjaCsv(services: readonly ServiceFigures[]): string {
	const lines = [csvColumns.join(',')];
	for (const s of services) {
		for (const m of s.months) {
			lines.push(
				[
					s.name,
					m.month,
					m.received,
					m.finished,
					m.onTime,
					m.rejected,
					m.medianHours === null ? null : workingDaysText(m.medianHours, 'id').replace(',', '.'),
					m.p90Hours === null ? null : workingDaysText(m.p90Hours, 'id').replace(',', '.'),
					m.respondents,
					m.targetSample,
					m.ikm ? formatHundredths(m.ikm.scoreHundredths, 'id').replace(',', '.') : null,
					m.ikm?.grade ?? null,
					m.complaints,
					m.complaintsAnswered,
					m.complaintsAnsweredOnTime
				]
					.map(cell)
					.join(',')
			);
		}
	}
	return lines.join('\r\n') + '\r\n';
}

/**
 * Non-working days as data. National holidays (libur nasional) and joint leave (cuti bersama) are set each
 * year by a joint decree of three ministers, and religious dates can still move by a later decree, so the
 * list is data an admin edits, not logic. This file holds the 2026 decree (SKB Menteri Agama, Menteri
 * Ketenagakerjaan and Menteri PANRB No. 1497, 2 and 5 of 2025) as the seed; `calendarFrom` turns rows, from
 * here or from the database, into the `Calendar` the SLA clock reads.
 *
 * Invariants: dates are WITA calendar dates 'YYYY-MM-DD'; holidays on a weekend are listed anyway (the decree
 * lists them, and a weekend is not a working day either way). With this list 2026 has 240 working days.
 */
import type { Calendar } from './working-time';

export type HolidayKind = 'libur' | 'cuti_bersama';

export interface Holiday {
	date: string;
	name: string;
	kind: HolidayKind;
}

export const holidays2026: readonly Holiday[] = [
	{ date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur' },
	{ date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'libur' },
	{ date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek', kind: 'cuti_bersama' },
	{ date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'libur' },
	{ date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi', kind: 'cuti_bersama' },
	{ date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'libur' },
	{ date: '2026-03-20', name: 'Cuti bersama Idulfitri', kind: 'cuti_bersama' },
	{ date: '2026-03-21', name: 'Idulfitri 1447 Hijriah (hari pertama)', kind: 'libur' },
	{ date: '2026-03-22', name: 'Idulfitri 1447 Hijriah (hari kedua)', kind: 'libur' },
	{ date: '2026-03-23', name: 'Cuti bersama Idulfitri', kind: 'cuti_bersama' },
	{ date: '2026-03-24', name: 'Cuti bersama Idulfitri', kind: 'cuti_bersama' },
	{ date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'libur' },
	{ date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur' },
	{ date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'libur' },
	{ date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur' },
	{ date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
	{ date: '2026-05-27', name: 'Iduladha 1447 Hijriah', kind: 'libur' },
	{ date: '2026-05-28', name: 'Cuti bersama Iduladha', kind: 'cuti_bersama' },
	{ date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'libur' },
	{ date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur' },
	{ date: '2026-06-16', name: 'Tahun Baru Islam 1448 Hijriah', kind: 'libur' },
	{ date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur' },
	{ date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'libur' },
	{ date: '2026-12-24', name: 'Cuti bersama Natal', kind: 'cuti_bersama' },
	{ date: '2026-12-25', name: 'Kelahiran Yesus Kristus (Natal)', kind: 'libur' }
];

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A `Calendar` from holiday rows; `knownUntilYear` is the latest year present (a year is assumed complete
 * once any of its dates is entered). No rows means no year is known (0), so every due time is flagged.
 * A malformed date throws: a typo in the list would silently shift every deadline, which is worse.
 */
export function calendarFrom(rows: readonly { date: string }[]): Calendar {
	let knownUntilYear = 0;
	const holidays = new Set<string>();
	for (const row of rows) {
		const match = datePattern.exec(row.date);
		if (!match) throw new RangeError(`Holiday date must be YYYY-MM-DD, got "${row.date}"`);
		holidays.add(row.date);
		knownUntilYear = Math.max(knownUntilYear, Number(match[1]));
	}
	return { holidays, knownUntilYear };
}

/**
 * The offices as the admin edits them: for now, how each office numbers the documents it issues (a format
 * held as data, domain/issued-document.ts). A new format applies to documents issued from now on; a number
 * already printed is stored with its result and never changes.
 */
import { asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { NUMBER_FORMAT_MAX_LENGTH, numberFormatProblem, numberPlaceholders } from '$lib/domain/issued-document';
import type { OfficeId } from '$lib/domain/service';
import { m } from '../paraglide/messages.js';
import type { Database } from './db/open';
import { offices } from './db/schema';

export function listOffices(db: Database) {
	return db
		.select({ id: offices.id, name: offices.name, shortName: offices.shortName, documentNumber: offices.documentNumber })
		.from(offices)
		.orderBy(asc(offices.name));
}

const placeholderList = () => numberPlaceholders.map((p) => `{${p}}`).join(', ');

const formatMessages = {
	empty: () => m.admin_offices_format_required(),
	too_long: () => m.admin_offices_format_too_long({ max: NUMBER_FORMAT_MAX_LENGTH }),
	no_code: () => m.admin_offices_format_no_code({ code: '{kode}' }),
	unknown_placeholder: () => m.admin_offices_format_unknown({ known: placeholderList() })
} as const;

/** The admin's form for one office's number format. */
export const numberFormatSchema = v.object({
	officeId: v.pipe(v.string(), v.trim(), v.nonEmpty(() => m.admin_offices_not_found())),
	documentNumber: v.pipe(
		v.string(() => m.admin_offices_format_required()),
		v.trim(),
		v.rawCheck(({ dataset, addIssue }) => {
			if (!dataset.typed) return;
			const problem = numberFormatProblem(dataset.value);
			if (problem) addIssue({ message: formatMessages[problem]() });
		})
	)
});

export type NumberFormatForm = v.InferOutput<typeof numberFormatSchema>;

export type NumberFormatResult = { ok: true; name: string } | { ok: false; reason: 'not_found' };

/** Saves an office's number format (already checked by `numberFormatSchema`). */
export async function setNumberFormat(db: Database, input: NumberFormatForm): Promise<NumberFormatResult> {
	const [row] = await db
		.update(offices)
		.set({ documentNumber: input.documentNumber })
		.where(eq(offices.id, input.officeId as OfficeId))
		.returning({ name: offices.shortName });
	return row ? { ok: true, name: row.name } : { ok: false, reason: 'not_found' };
}

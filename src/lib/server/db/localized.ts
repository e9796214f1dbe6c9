/**
 * A service's or an office's name in the reader's language, inside the query that joins it. Pages that show a
 * whole record localize it with `localizeService` (domain/service-language.ts); lists that join only the name
 * (the officer's queue, /kinerja, complaints, Data saya…) select this instead, so the English comes from the
 * same overlay on the record (`translations.<locale>.name`) with no second query. A record without a name in
 * that language, or a blank one, falls back to its Indonesian name, as `localizeService` does.
 */
import { sql, type SQL } from 'drizzle-orm';
import { baseLocale, getLocale, locales, type Locale } from '../../paraglide/runtime.js';
import { offices, services } from './schema';

export function localizedName(table: typeof services | typeof offices, locale: Locale = getLocale()): SQL<string> | typeof table.name {
	if (locale === baseLocale || !locales.includes(locale)) return table.name;
	// the JSON path is a bound parameter built from a known locale, never from input
	const path = `$.${locale}.name`;
	return sql<string>`coalesce(nullif(trim(json_extract(${table.translations}, ${path})), ''), ${table.name})`;
}

/**
 * A service in the reader's language. The catalogue is data (an admin edits it) written in Indonesian; its
 * English lives beside it on the same record (`translations.en`, seeded from domain/catalogue-en.ts), as an
 * overlay: whatever has no English stays Indonesian. Pure, so the phone-side form applies it too (a
 * prerendered form carries the overlay and localizes on the phone).
 *
 * Values a form stores (option values, field keys, requirement ids) never change with the language: only what
 * a person reads does.
 *
 * How an overlay lies on a record (the types are in domain/service.ts, `ServiceTranslation`):
 * - a text replaces the text of the same name, only where the record has one (never adds a text);
 * - a list of keyed things (steps, fields, documents, options, requirements) takes its overlay as an object
 *   keyed by each item's `key`, `value` or `id`; a text there stands for the item's `label` (an option) or
 *   `text` (a requirement);
 * - a list of texts (the procedure) takes a list, line by line;
 * - anything of another shape than the record's is ignored, so a stale or broken overlay shows Indonesian.
 */
import { baseLocale, getLocale, type Locale } from '../paraglide/runtime.js';

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id an item of a keyed list is overlaid by. */
function itemId(item: Plain): string | undefined {
	for (const name of ['key', 'value', 'id'] as const) {
		const id = item[name];
		if (typeof id === 'string') return id;
	}
	return undefined;
}

function overlay(target: unknown, over: unknown): unknown {
	if (over === undefined || over === null) return target;
	if (typeof target === 'string') return typeof over === 'string' && over.trim() !== '' ? over : target;
	if (Array.isArray(target)) {
		if (Array.isArray(over)) return target.map((item, i) => overlay(item, over[i]));
		if (!isPlain(over)) return target;
		return target.map((item) => {
			if (!isPlain(item)) return item;
			const id = itemId(item);
			if (id === undefined || !Object.hasOwn(over, id)) return item;
			const entry = over[id];
			if (typeof entry === 'string') {
				const name = typeof item.label === 'string' ? 'label' : typeof item.text === 'string' ? 'text' : undefined;
				return name ? { ...item, [name]: overlay(item[name], entry) } : item;
			}
			return overlay(item, entry);
		});
	}
	if (isPlain(target)) {
		if (!isPlain(over)) return target;
		let result: Plain | undefined;
		for (const [name, value] of Object.entries(over)) {
			if (name === 'translations' || !Object.hasOwn(target, name)) continue;
			const next = overlay(target[name], value);
			if (next !== target[name]) (result ??= { ...target })[name] = next;
		}
		return result ?? target;
	}
	return target;
}

/** The overlay a record carries for this language, if any. */
function overlayOf(record: Plain, locale: Locale): unknown {
	const translations = record.translations;
	return isPlain(translations) ? translations[locale] : undefined;
}

/**
 * The record in the reader's language: a service (or an office) carrying `translations`, or a row holding
 * such records one level down (`{ service, office }`), each localized by its own overlay. Indonesian, or a
 * record without English, comes back unchanged (the same object).
 */
export function localizeService<T extends object>(service: T, locale: Locale = getLocale()): T {
	if (locale === baseLocale || !isPlain(service)) return service;
	const own = overlayOf(service, locale);
	let result = (own === undefined ? service : overlay(service, own)) as Plain;
	for (const [name, value] of Object.entries(result)) {
		if (name === 'translations' || !isPlain(value) || !('translations' in value)) continue;
		const localized = localizeService(value, locale);
		if (localized !== value) result = { ...result, [name]: localized };
	}
	return result as T;
}

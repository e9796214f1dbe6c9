/**
 * Pictures for people who read little: an icon per service and a small drawing of each paper to upload,
 * so the resident sees which one to photograph. Inline SVG drawn by components/pictures/ (a few hundred
 * bytes each, no icon font, no extra request); all are decorative (the text beside them says the same),
 * so they are hidden from screen readers.
 *
 * Services are records an admin may add to: a service without its own icon gets its office's.
 */
import type { DocumentRequirement, OfficeId, Paper } from './service';

export type ServiceIcon = 'id-card' | 'baby' | 'family' | 'shop' | 'letter';

const iconBySlug: Record<string, ServiceIcon> = {
	'ktp-el-baru': 'id-card',
	'ktp-el-hilang': 'id-card',
	'ktp-el-rusak': 'id-card',
	'ktp-el-perubahan-data': 'id-card',
	'akta-kelahiran': 'baby',
	'kk-perubahan': 'family',
	'akta-kematian': 'letter',
	'izin-usaha': 'shop'
};

const iconByOffice: Record<OfficeId, ServiceIcon> = { disdukcapil: 'letter', dpmptsp: 'shop' };

export function serviceIcon(service: { slug: string; office: OfficeId }): ServiceIcon {
	return iconBySlug[service.slug] ?? iconByOffice[service.office];
}

/** The drawing for a document to upload: its own paper, or a plain letter. */
export function paperOf(document: Pick<DocumentRequirement, 'paper'>): Paper {
	return document.paper ?? 'letter';
}

/** The photo step's advice, beside its drawing: one idea a sentence. */
export const photoWording = {
	title: 'Bagaimana memotret yang jelas?',
	tips: [
		'Taruh kertas di meja, di tempat yang terang.',
		'Keempat sudut kertas harus kelihatan.',
		'Pegang HP lurus di atas kertas.',
		'Jangan buram, jangan silau.'
	]
} as const;

/**
 * Pictures for people who read little: an icon per service and a small drawing of each paper to upload,
 * so the resident sees which one to photograph. Inline SVG drawn by components/pictures/ (a few hundred
 * bytes each, no icon font, no extra request); all are decorative (the text beside them says the same),
 * so they are hidden from screen readers.
 *
 * Services are records an admin may add to: a service without its own icon gets its office's.
 */
import { m } from '../paraglide/messages.js';
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
	get title() { return m.public_photo_title(); },
	get tips() { return [m.public_photo_tip_table(), m.public_photo_tip_corners(), m.public_photo_tip_straight(), m.public_photo_tip_sharp()]; }
} as const;

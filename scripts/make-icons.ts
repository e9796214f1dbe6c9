/**
 * `npx tsx scripts/make-icons.ts`: renders the PWA icons in static/icons/ from static/favicon.svg.
 *
 * - icon-192.png, icon-512.png ("purpose": "any"): the favicon as it is (white glyph on the green rounded
 *   square), transparent outside the rounded corners.
 * - maskable-512.png ("purpose": "maskable"): a full-bleed #0b5d3b square (launchers cut it to a circle,
 *   squircle or rounded square), the glyph drawn smaller (80 %) around the centre so that it sits well inside
 *   the central 80 % safe zone (the circle of radius 40 % of the size that every mask keeps).
 *
 * Rendered by Chromium (Debian's /usr/bin/chromium where it exists, else Playwright's own) as a screenshot of an
 * element sized exactly to the icon, device scale factor 1. Rerun after changing the favicon.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'static/icons');
const green = '#0b5d3b';

const favicon = readFileSync(resolve(root, 'static/favicon.svg'), 'utf8');
// The glyph is the favicon's only <path>; its box is x 18–46, y 16–48 in the 64-unit viewBox (centre 32,32).
const glyph = favicon.match(/<path\b[^>]*\/>/)?.[0];
if (!glyph) throw new Error('static/favicon.svg: no <path> glyph found');

const maskable =
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
	`<rect width="64" height="64" fill="${green}"/>` +
	`<g transform="translate(32 32) scale(0.8) translate(-32 -32)">${glyph}</g></svg>`;

const icons = [
	{ file: 'icon-192.png', size: 192, svg: favicon },
	{ file: 'icon-512.png', size: 512, svg: favicon },
	{ file: 'maskable-512.png', size: 512, svg: maskable }
];

const systemChromium = '/usr/bin/chromium';
const browser = await chromium.launch({
	executablePath: existsSync(systemChromium) ? systemChromium : undefined,
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	const page = await browser.newPage({ viewport: { width: 600, height: 600 }, deviceScaleFactor: 1 });
	mkdirSync(outDir, { recursive: true });
	for (const { file, size, svg } of icons) {
		const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
		await page.setContent(
			`<!doctype html><html><head><style>html,body{margin:0;background:transparent}` +
				`#icon{width:${size}px;height:${size}px}#icon svg{display:block}</style></head>` +
				`<body><div id="icon">${sized}</div></body></html>`
		);
		const png = await page.locator('#icon').screenshot({ omitBackground: true, type: 'png' });
		const width = png.readUInt32BE(16);
		const height = png.readUInt32BE(20);
		if (width !== size || height !== size) throw new Error(`${file}: got ${width}×${height}, want ${size}×${size}`);
		const out = resolve(outDir, file);
		writeFileSync(out, png);
		console.log(`static/icons/${file}: ${width}×${height}, ${statSync(out).size} bytes`);
	}
} finally {
	await browser.close();
}

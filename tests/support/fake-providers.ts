/**
 * Local stand-ins for the notice providers, for tests only: small node:http servers that speak each
 * provider's request format, check it the way the provider would, record every request, and can be told
 * to fail (5xx), refuse (4xx) or not answer at all (a timeout).
 * - WhatsApp Business Cloud API: `POST /{version}/{phone-number-id}/messages`, `Authorization: Bearer`,
 *   a JSON template message in the documented shape (`checkTemplateMessage`); answers as the Cloud API
 *   does: `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id: "wamid…" }] }`, and errors as
 *   `{ error: { message, type, code } }`.
 * - Zenziva SMS: a form POST with userkey, passkey, to, message; answers `{ messageId, to, status: "1", text }`.
 * - A Web Push service: records the encrypted body and headers; answers 201 Created.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Mode = 'ok' | 'fail' | 'refuse' | 'timeout';

export interface Recorded {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
	/** The body as JSON (WhatsApp) or form fields (SMS), when it is one. */
	json?: unknown;
	form?: Record<string, string>;
}

export interface FakeProvider {
	url: string;
	port: number;
	requests: Recorded[];
	mode: Mode;
	close(): Promise<void>;
}

/** The Cloud API's shape of a template message; the problems found, empty when it is right. */
export function checkTemplateMessage(body: unknown): string[] {
	const problems: string[] = [];
	const b = body as Record<string, any> | null;
	if (!b || typeof b !== 'object') return ['body is not a JSON object'];
	if (b.messaging_product !== 'whatsapp') problems.push('messaging_product must be "whatsapp"');
	if (b.recipient_type !== undefined && b.recipient_type !== 'individual') problems.push('recipient_type must be "individual"');
	if (typeof b.to !== 'string' || !/^\d{8,15}$/.test(b.to)) problems.push('to must be the number in digits, country code first');
	if (b.type !== 'template') problems.push('type must be "template"');
	const t = b.template;
	if (!t || typeof t.name !== 'string' || !/^[a-z0-9_]+$/.test(t.name)) problems.push('template.name must be a template name');
	if (!t?.language || typeof t.language.code !== 'string') problems.push('template.language.code is required');
	for (const c of (t?.components ?? []) as any[]) {
		if (!['header', 'body', 'button'].includes(c.type)) problems.push(`component type ${c.type} is unknown`);
		if (c.type === 'button' && (!['url', 'quick_reply', 'copy_code'].includes(c.sub_type) || typeof c.index !== 'string')) {
			problems.push('a button component needs sub_type and a string index');
		}
		for (const p of (c.parameters ?? []) as any[]) {
			if (p.type !== 'text' || typeof p.text !== 'string' || p.text.length === 0) problems.push('a text parameter needs non-empty text');
			else if (/[\n\t]|\s{5,}/.test(p.text)) problems.push('a parameter may not contain newlines, tabs or more than four spaces');
		}
	}
	return problems;
}

async function start(port: number, answer: (req: Recorded, res: ServerResponse) => void): Promise<FakeProvider> {
	const requests: Recorded[] = [];
	const held = new Set<ServerResponse>();
	const provider: FakeProvider = { url: '', port, requests, mode: 'ok', close: async () => undefined };
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const recorded: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
			const type = req.headers['content-type'] ?? '';
			if (type.includes('json')) {
				try {
					recorded.json = JSON.parse(body.toString('utf8'));
				} catch {
					/* recorded as bytes */
				}
			} else if (type.includes('x-www-form-urlencoded')) {
				recorded.form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
			}
			requests.push(recorded);
			if (provider.mode === 'timeout') {
				held.add(res);
				return;
			}
			answer(recorded, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	provider.port = (server.address() as AddressInfo).port;
	provider.url = `http://127.0.0.1:${provider.port}`;
	provider.close = () =>
		new Promise<void>((resolve) => {
			for (const res of held) res.destroy();
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return provider;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
};

export function fakeWhatsApp(options: { port?: number; token?: string } = {}) {
	let n = 0;
	let provider: FakeProvider;
	return start(options.port ?? 0, (req, res) => {
		if (provider.mode === 'fail') return send(res, 503, { error: { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2 } });
		if (provider.mode === 'refuse') return send(res, 400, { error: { message: '(#131026) Message undeliverable', type: 'OAuthException', code: 131026 } });
		if (req.method !== 'POST' || !/^\/v\d+\.\d+\/[^/]+\/messages$/.test(req.path)) return send(res, 404, { error: { message: 'Unknown path', code: 803 } });
		if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
			return send(res, 401, { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } });
		}
		const problems = checkTemplateMessage(req.json);
		if (problems.length > 0) return send(res, 400, { error: { message: problems.join('; '), type: 'OAuthException', code: 100 } });
		const to = (req.json as { to: string }).to;
		send(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.fake${++n}` }] });
	}).then((p) => (provider = p));
}

export function fakeZenziva(options: { port?: number } = {}) {
	let n = 0;
	let provider: FakeProvider;
	return start(options.port ?? 0, (req, res) => {
		if (provider.mode === 'fail') return send(res, 502, { status: '0', text: 'Gateway error' });
		const f = req.form ?? {};
		if (provider.mode === 'refuse' || !f.userkey || !f.passkey) return send(res, 200, { status: '0', text: 'Userkey / Passkey Salah' });
		if (!f.to || !f.message) return send(res, 200, { status: '0', text: 'Nomor atau pesan kosong' });
		send(res, 200, { messageId: String(++n), to: f.to, status: '1', text: 'Success' });
	}).then((p) => (provider = p));
}

export function fakePushService(options: { port?: number } = {}) {
	let provider: FakeProvider;
	return start(options.port ?? 0, (_req, res) => {
		if (provider.mode === 'fail') return send(res, 500, {});
		if (provider.mode === 'refuse') return send(res, 410, {});
		res.writeHead(201, { location: '/message/1' });
		res.end();
	}).then((p) => (provider = p));
}

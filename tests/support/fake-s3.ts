/**
 * A small S3-compatible server in memory, for tests only: path-style `PUT`, `GET`, `HEAD` and `DELETE` of
 * objects in one bucket, answered as S3 answers them (404 `NoSuchKey`, 204 on delete, the stored
 * `Content-Type`). Every request must carry a valid AWS Signature V4 for the test's key pair: the signature
 * is computed again here (aws4fetch's signer, from the headers the request says it signed and its
 * `x-amz-date`) and compared, and the payload's SHA-256 is checked against `x-amz-content-sha256`, so a
 * store that signs wrongly or sends other bytes than it signed is refused with 403, as S3 would.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsV4Signer } from 'aws4fetch';

export interface FakeS3 {
	endpoint: string;
	bucket: string;
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
	/** the objects as stored, by key */
	objects: Map<string, { bytes: Buffer; contentType: string }>;
	/** how many requests were refused for their signature */
	refused: number;
	close(): Promise<void>;
}

const xmlError = (code: string, message: string) =>
	`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startFakeS3(): Promise<FakeS3> {
	const state = {
		bucket: 'dokumen-uji',
		region: 'us-east-1',
		accessKeyId: 'UJIKUNCIAKSES',
		secretAccessKey: 'rahasia-uji-bukan-untuk-produksi',
		objects: new Map<string, { bytes: Buffer; contentType: string }>(),
		refused: 0
	};

	async function signatureValid(req: IncomingMessage, url: string, body: Buffer): Promise<boolean> {
		const authorization = String(req.headers.authorization ?? '');
		const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/[^,]+, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
		const datetime = String(req.headers['x-amz-date'] ?? '');
		const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
		if (!match || match[1] !== state.accessKeyId || !/^\d{8}T\d{6}Z$/.test(datetime)) return false;
		if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(body).digest('hex')) return false;
		const headers = new Headers();
		for (const name of match[2]!.split(';')) {
			const value = req.headers[name];
			if (value === undefined) return false;
			headers.set(name, Array.isArray(value) ? value.join(',') : value);
		}
		const signer = new AwsV4Signer({
			method: req.method,
			url,
			headers,
			accessKeyId: state.accessKeyId,
			secretAccessKey: state.secretAccessKey,
			service: 's3',
			region: state.region,
			datetime,
			allHeaders: true
		});
		const signed = await signer.sign();
		return signed.headers.get('authorization') === authorization;
	}

	async function serve(req: IncomingMessage, res: ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		const url = `http://${req.headers.host}${req.url}`;
		const reply = (status: number, xml?: string, headers: Record<string, string> = {}) => {
			res.writeHead(status, xml ? { 'content-type': 'application/xml', ...headers } : headers).end(xml);
		};
		if (!(await signatureValid(req, url, body))) {
			state.refused++;
			return reply(403, xmlError('SignatureDoesNotMatch', 'The request signature we calculated does not match.'));
		}
		const path = decodeURIComponent(new URL(url).pathname);
		const prefix = `/${state.bucket}/`;
		if (!path.startsWith(prefix) || path.length === prefix.length) return reply(404, xmlError('NoSuchBucket', 'No such bucket.'));
		const key = path.slice(prefix.length);
		switch (req.method) {
			case 'PUT':
				state.objects.set(key, { bytes: body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream') });
				return reply(200, undefined, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
			case 'GET':
			case 'HEAD': {
				const found = state.objects.get(key);
				if (!found) return reply(404, xmlError('NoSuchKey', 'The specified key does not exist.'));
				res.writeHead(200, { 'content-type': found.contentType, 'content-length': String(found.bytes.length) });
				return res.end(req.method === 'GET' ? found.bytes : undefined);
			}
			case 'DELETE':
				state.objects.delete(key);
				return reply(204);
			default:
				return reply(405, xmlError('MethodNotAllowed', 'The method is not allowed.'));
		}
	}

	const server = createServer((req, res) => {
		serve(req, res).catch((e) => res.headersSent || res.writeHead(500).end(String(e)));
	});
	await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
	const { port } = server.address() as AddressInfo;
	return {
		...state,
		get refused() {
			return state.refused;
		},
		objects: state.objects,
		endpoint: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((closed) => {
				server.closeAllConnections();
				server.close(() => closed());
			})
	};
}

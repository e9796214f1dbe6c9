/**
 * Documents in any S3-compatible store (MinIO, Ceph, Garage, a cloud's S3), for self-hosting: the same
 * three verbs as R2's binding and the folder on disk (`DocumentStore`, storage.ts). Requests are signed
 * with AWS Signature V4 by aws4fetch (fetch + WebCrypto only), so this module runs on Node and on
 * Workers alike. URLs are path-style (`<endpoint>/<bucket>/<key>`), which every S3-compatible server
 * understands (MinIO's default); the bucket must exist and should not be public: documents are read only
 * through the app's authorised route.
 *
 * Selected by the Node server's entry (scripts/serve.ts) when S3_ENDPOINT is set (see `s3ConfigFrom`).
 */
import { AwsClient } from 'aws4fetch';
import type { DocumentStore, StoredFile } from './storage';

export interface S3Config {
	/** e.g. `http://127.0.0.1:9000` (MinIO) or `https://s3.ap-southeast-3.amazonaws.com` */
	endpoint: string;
	bucket: string;
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
}

/** Keys as newStorageKey makes them (the same rule as the folder store's): never `..`, never empty. */
const KEY = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;

/** The S3 settings from the environment, or null when S3_ENDPOINT is not set (then another store is used). */
export function s3ConfigFrom(env: Record<string, string | undefined>): S3Config | null {
	const endpoint = env.S3_ENDPOINT?.trim();
	if (!endpoint) return null;
	const missing = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]?.trim());
	if (missing.length) throw new Error(`S3_ENDPOINT is set, but ${missing.join(', ')} not.`);
	return {
		endpoint: endpoint.replace(/\/+$/, ''),
		bucket: env.S3_BUCKET!.trim(),
		region: env.S3_REGION?.trim() || 'us-east-1',
		accessKeyId: env.S3_ACCESS_KEY_ID!.trim(),
		secretAccessKey: env.S3_SECRET_ACCESS_KEY!.trim()
	};
}

export function s3Store(config: S3Config, fetcher: typeof fetch = fetch): DocumentStore {
	const client = new AwsClient({
		accessKeyId: config.accessKeyId,
		secretAccessKey: config.secretAccessKey,
		service: 's3',
		region: config.region,
		// aws4fetch retries 5xx and 429 with back-off; a few times is enough for a request a person waits on
		retries: 3
	});

	function urlOf(key: string): string {
		if (!KEY.test(key)) throw new Error(`Invalid document key: ${JSON.stringify(key)}`);
		return `${config.endpoint}/${encodeURIComponent(config.bucket)}/${key}`;
	}

	async function send(method: string, key: string, init: RequestInit = {}): Promise<Response> {
		const signed = await client.sign(urlOf(key), { method, ...init });
		return fetcher(signed);
	}

	async function failed(response: Response, what: string): Promise<never> {
		const detail = (await response.text().catch(() => '')).slice(0, 300);
		throw new Error(`S3 ${what} answered ${response.status}: ${detail}`);
	}

	return {
		async put(key, bytes, contentType) {
			const response = await send('PUT', key, {
				body: bytes as BodyInit,
				headers: { 'content-type': contentType, 'content-length': String(bytes.byteLength) }
			});
			if (!response.ok) await failed(response, `PUT ${key}`);
			await response.body?.cancel();
		},

		async get(key): Promise<StoredFile | null> {
			const response = await send('GET', key);
			if (response.status === 404) {
				await response.body?.cancel();
				return null;
			}
			if (!response.ok || !response.body) return failed(response, `GET ${key}`);
			return {
				body: response.body,
				contentType: response.headers.get('content-type') || 'application/octet-stream',
				size: Number(response.headers.get('content-length') ?? 0)
			};
		},

		async delete(key) {
			const response = await send('DELETE', key);
			// S3 answers 204 whether or not the key existed; some servers answer 404 for a missing key
			if (!response.ok && response.status !== 404) await failed(response, `DELETE ${key}`);
			await response.body?.cancel();
		}
	};
}

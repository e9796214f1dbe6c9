import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
		}
		interface Error {
			message: string;
		}
		interface Platform {
			env: {
				DOCUMENTS: R2Bucket;
				ASSETS: Fetcher;
				TURSO_DATABASE_URL?: string;
				TURSO_AUTH_TOKEN?: string;
			};
			ctx: ExecutionContext;
			caches: CacheStorage;
		}
	}
}

export {};

import type { SessionUser } from '$lib/server/auth/session';
import type { Bucket } from '$lib/server/storage';

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
				DOCUMENTS?: Bucket;
				TURSO_DATABASE_URL?: string;
				TURSO_AUTH_TOKEN?: string;
				/** Set only by the wrapper entry's `scheduled` handler (scripts/worker-entry.ts), per isolate. */
				JOBS_TOKEN?: string;
			};
			/** Workers: keeps the isolate alive for work after the answer (the notice sender). */
			ctx?: { waitUntil(promise: Promise<unknown>): void };
		}
	}
}

export {};

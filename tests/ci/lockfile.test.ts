// `npm ci` refuses a lockfile that lacks an entry for any optional dependency, even one for another platform.
// This registry mirror does not hold every platform build (for example @lix-js/sdk-darwin-arm64@0.17.0), so a
// plain `npm install` here writes a lockfile without them and the next clean install fails in its first two
// seconds. This test catches that before CI does; the fix is to add the missing entries (version, os, cpu,
// optional) by hand, as the public registry would have written them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type LockEntry = { version?: string; optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
	packages: Record<string, LockEntry>;
};

/** Where npm would look for `name` required by the package installed at `from`: nested first, then upwards. */
function resolve(from: string, name: string): string | undefined {
	let base = from;
	for (;;) {
		const candidate = (base ? `${base}/` : '') + `node_modules/${name}`;
		if (lock.packages[candidate]) return candidate;
		if (!base) return undefined;
		const cut = base.lastIndexOf('/node_modules/');
		base = cut < 0 ? '' : base.slice(0, cut);
	}
}

describe('package-lock.json', () => {
	it('has an entry for every optional dependency, whatever its platform', () => {
		const missing: string[] = [];
		for (const [path, entry] of Object.entries(lock.packages)) {
			for (const name of Object.keys(entry.optionalDependencies ?? {})) {
				if (!resolve(path, name)) missing.push(`${name} (for ${path || 'the project'})`);
			}
		}
		expect(missing).toEqual([]);
	});
});

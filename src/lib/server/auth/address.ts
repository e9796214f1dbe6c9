/**
 * The client's address, as far as throttling may trust it.
 *
 * Only the platform says where a request came from: on Cloudflare, `CF-Connecting-IP` (set by Cloudflare's
 * edge, which overwrites whatever the client sent); on Node, the socket's peer, or, only when the operator
 * says a proxy stands in front (adapter-node's `ADDRESS_HEADER` / `XFF_DEPTH`), that proxy's header.
 * SvelteKit's `getClientAddress()` already does exactly this for each adapter, so that is the only source:
 * a header the client wrote itself (`X-Forwarded-For`, `X-Real-IP`, …) is never read here. Anyone who
 * could choose their address could choose their throttle counter.
 *
 * The address is then reduced to what one subscriber controls: an IPv4 address as it is (behind a
 * carrier's CGNAT that is many people; the limits in throttle.ts are set for that), an IPv6 address to its
 * /64 prefix, because a phone or home router is given a whole /64 and may pick any address inside it.
 */
import type { RequestEvent } from '@sveltejs/kit';

/** What stands for a request whose address the platform did not tell (all such requests share a counter). */
export const UNKNOWN_ADDRESS = 'unknown';

export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	let raw: string;
	try {
		raw = event.getClientAddress();
	} catch {
		// e.g. a platform proxy in development that cannot tell; never fail a login over it
		return UNKNOWN_ADDRESS;
	}
	return throttlingAddress(raw);
}

/** An address reduced to one subscriber's share: IPv4 as is, IPv6 to its /64, anything else 'unknown'. */
export function throttlingAddress(raw: string): string {
	const value = raw.trim().toLowerCase();
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value;
	if (!value.includes(':') || !/^[0-9a-f:.]+$/.test(value)) return UNKNOWN_ADDRESS;

	// an IPv4 client seen through an IPv6 socket (::ffff:203.0.113.7) is that IPv4 address
	const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
	if (mapped) return mapped[1]!;

	const halves = value.split('::');
	if (halves.length > 2) return UNKNOWN_ADDRESS;
	const head = halves[0] ? halves[0].split(':') : [];
	const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
	if (tail.some((group) => group.includes('.'))) return UNKNOWN_ADDRESS;
	const missing = 8 - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return UNKNOWN_ADDRESS;
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return UNKNOWN_ADDRESS;
	return `${groups
		.slice(0, 4)
		.map((group) => group.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

import { describe, expect, it } from 'vitest';
import { clientAddress, throttlingAddress, UNKNOWN_ADDRESS } from './address';

describe('the client address for throttling', () => {
	it('keeps an IPv4 address as it is', () => {
		expect(throttlingAddress('203.0.113.7')).toBe('203.0.113.7');
	});

	it('reads an IPv4 address seen through an IPv6 socket as that IPv4 address', () => {
		expect(throttlingAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(throttlingAddress('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
	});

	it('reduces IPv6 to its /64, so one phone cannot walk through its own prefix', () => {
		const a = throttlingAddress('2001:db8:1234:5678:aaaa:bbbb:cccc:dddd');
		expect(a).toBe('2001:db8:1234:5678::/64');
		expect(throttlingAddress('2001:0DB8:1234:5678::1')).toBe(a);
		expect(throttlingAddress('2001:db8:1234:5679::1')).not.toBe(a);
		expect(throttlingAddress('::1')).toBe('0:0:0:0::/64');
	});

	it('gives anything else one shared unknown counter', () => {
		for (const raw of ['', 'localhost', '1.2.3', '2001:db8::1::2', '2001:db8:zz::1', '1:2:3:4:5:6:7:8:9']) {
			expect(throttlingAddress(raw)).toBe(UNKNOWN_ADDRESS);
		}
	});

	it('asks only the platform, and survives a platform that cannot tell', () => {
		expect(clientAddress({ getClientAddress: () => '198.51.100.1' })).toBe('198.51.100.1');
		expect(
			clientAddress({
				getClientAddress: () => {
					throw new Error('Could not determine clientAddress');
				}
			})
		).toBe(UNKNOWN_ADDRESS);
	});
});

/** The part of autocannon's API that scripts/bench-server.ts uses (the package ships no types). */
declare module 'autocannon' {
	interface Histogram {
		average: number;
		p50: number;
		p99: number;
		total: number;
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		errors: number;
		timeouts: number;
		'2xx': number;
		'3xx': number;
		non2xx: number;
	}
	interface RequestOptions {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string | Buffer;
		setupRequest?: (request: object) => object;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		requests?: RequestOptions[];
	}
	export default function autocannon(options: Options): Promise<Result>;
}

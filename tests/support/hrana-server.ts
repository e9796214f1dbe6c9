/**
 * A Hrana-over-HTTP v2 server over a local libSQL file: a TEST stand-in for Turso, so that the Worker build
 * (`wrangler dev --local`, which reaches 127.0.0.1 with no network) has a real database behind it.
 * NEVER use it in production: no authentication (the bearer token is ignored), no TLS, no limits.
 *
 * It speaks what `@libsql/client/web` 0.18 sends (HTTP API v2, JSON: libsql-server/docs/HTTP_V2_SPEC.md and
 * the Hrana 2 structures of HRANA_2_SPEC.md): `POST /v2/pipeline` with the requests `execute`, `batch`
 * (conditions `ok`, `error`, `not`, `and`, `or`, `is_autocommit`), `sequence`, `store_sql`, `close_sql`,
 * `get_autocommit` and `close`. Every stream (tied together by its baton) has a connection of its own on the
 * file (WAL), like sqld, so a transaction spans requests. Writers contend for one lock: the busy timeout is kept
 * short (it blocks this whole process), and a statement outside a transaction, or a whole BEGIN…COMMIT
 * batch that was rolled back, is retried asynchronously on SQLITE_BUSY (on a fresh connection, see execute).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'libsql';

type Value =
	| { type: 'null' }
	| { type: 'integer'; value: string }
	| { type: 'float'; value: number }
	| { type: 'text'; value: string }
	| { type: 'blob'; base64: string };
interface Stmt {
	sql?: string | null;
	sql_id?: number | null;
	args?: Value[];
	named_args?: { name: string; value: Value }[];
	want_rows?: boolean;
}
type Cond =
	| { type: 'ok' | 'error'; step: number }
	| { type: 'not'; cond: Cond }
	| { type: 'and' | 'or'; conds: Cond[] }
	| { type: 'is_autocommit' };
type Request =
	| { type: 'close' | 'get_autocommit' }
	| { type: 'execute'; stmt: Stmt }
	| { type: 'batch'; batch: { steps: { condition?: Cond | null; stmt: Stmt }[] } }
	| { type: 'sequence'; sql?: string | null; sql_id?: number | null }
	| { type: 'store_sql'; sql_id: number; sql: string }
	| { type: 'close_sql'; sql_id: number };
interface StmtResult {
	cols: { name: string; decltype: string | null }[];
	rows: Value[][];
	affected_row_count: number;
	last_insert_rowid: string | null;
}
interface Stream {
	file: string;
	db: Database.Database;
	sqls: Map<number, string>;
	idle?: NodeJS.Timeout;
}

const BUSY_TIMEOUT_MS = 20; // blocking: keep it short, then retry without blocking
const RETRY_FOR_MS = 10_000;
const STREAM_IDLE_MS = 15_000; // sqld expires a baton after 10 s; a little more here
// SQLite's primary result codes (rawCode & 0xff), as the native @libsql/client reports them in `code`
const codes = 'OK ERROR INTERNAL PERM ABORT BUSY LOCKED NOMEM READONLY INTERRUPT IOERR CORRUPT NOTFOUND FULL CANTOPEN PROTOCOL EMPTY SCHEMA TOOBIG CONSTRAINT MISMATCH MISUSE NOLFS AUTH FORMAT RANGE NOTADB NOTICE WARNING'.split(' ');

class HranaError extends Error {
	constructor(message: string, readonly code: string) {
		super(message);
	}
}
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const isBusy = (e: unknown) => (e as { rawCode?: number })?.rawCode !== undefined && ((e as { rawCode: number }).rawCode & 0xff) === 5;
function errorOf(e: unknown) {
	if (e instanceof HranaError) return { message: e.message, code: e.code };
	const raw = (e as { rawCode?: number }).rawCode;
	const code = raw === undefined ? 'SQLITE_UNKNOWN' : `SQLITE_${codes[raw & 0xff] ?? 'UNKNOWN'}`;
	return { message: e instanceof Error ? e.message : String(e), code };
}

function fromValue(v: Value): unknown {
	switch (v.type) {
		case 'null': return null;
		case 'integer': return BigInt(v.value);
		case 'float': return Number(v.value);
		case 'text': return v.value;
		case 'blob': return Buffer.from(v.base64, 'base64');
		default: throw new HranaError(`unknown value type ${(v as { type: string }).type}`, 'HRANA_PROTO_ERROR');
	}
}
function toValue(v: unknown): Value {
	if (v === null || v === undefined) return { type: 'null' };
	if (typeof v === 'bigint') return { type: 'integer', value: String(v) };
	if (typeof v === 'number') return { type: 'float', value: v };
	if (typeof v === 'string') return { type: 'text', value: v };
	if (v instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(v).toString('base64') };
	throw new HranaError(`cannot encode a ${typeof v}`, 'HRANA_PROTO_ERROR');
}

function sqlOf(stream: Stream, sql?: string | null, id?: number | null): string {
	if (typeof sql === 'string') return sql;
	const stored = id === undefined || id === null ? undefined : stream.sqls.get(id);
	if (stored === undefined) throw new HranaError(`no SQL text and no stored SQL ${id}`, 'SQL_NOT_FOUND');
	return stored;
}

/** One statement, once. Rows only for statements that return them; counts like sqld's (RETURNING included). */
function executeOnce(db: Database.Database, sql: string, stmt: Stmt): StmtResult {
	const positional = (stmt.args ?? []).map(fromValue);
	const named: Record<string, unknown> = {};
	for (const { name, value } of stmt.named_args ?? []) named[name.replace(/^[:@$]/, '')] = fromValue(value);
	// as the native client binds them: one array, or one object of names (both only if the SQL mixes them)
	const params = stmt.named_args?.length ? (positional.length ? [positional, named] : [named]) : [positional];
	const prepared = db.prepare(sql).safeIntegers(true);
	if (!prepared.reader) {
		const info = prepared.run(...params);
		return { cols: [], rows: [], affected_row_count: info.changes, last_insert_rowid: String(info.lastInsertRowid) };
	}
	const total = () => db.prepare('SELECT total_changes(), changes(), last_insert_rowid()').raw(true).safeIntegers(true).get() as bigint[];
	const before = total()[0]!;
	const cols = prepared.columns().map((c) => ({ name: c.name, decltype: c.type }));
	const rows = (prepared.raw(true).all(...params) as unknown[][]).map((row) => row.map(toValue));
	const [after, changes, rowid] = total();
	const changed = after! !== before;
	return {
		cols,
		rows: stmt.want_rows === false ? [] : rows,
		affected_row_count: changed ? Number(changes) : 0,
		last_insert_rowid: changed ? String(rowid) : null
	};
}

function connect(file: string): Database.Database {
	const db = new Database(file);
	db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
	return db;
}

/**
 * A statement that failed with SQLITE_BUSY stays "in progress" in libsql-js (nothing resets it before it is
 * garbage-collected), and would later make this connection's COMMIT fail with SQLITE_BUSY: so a busy
 * statement outside a transaction (BEGIN included) is retried on a fresh connection of the stream.
 */
async function execute(stream: Stream, sql: string, stmt: Stmt): Promise<StmtResult> {
	const deadline = Date.now() + RETRY_FOR_MS;
	for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
		try {
			return executeOnce(stream.db, sql, stmt);
		} catch (e) {
			if (!isBusy(e) || stream.db.inTransaction || Date.now() > deadline) throw e;
			renew(stream);
			await sleep(wait);
		}
	}
}
function renew(stream: Stream) {
	stream.db.close();
	stream.db = connect(stream.file);
}

async function batch(stream: Stream, steps: { condition?: Cond | null; stmt: Stmt }[]) {
	const deadline = Date.now() + RETRY_FOR_MS;
	for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
		const autocommitBefore = !stream.db.inTransaction;
		const step_results: (StmtResult | null)[] = [];
		const step_errors: ({ message: string; code: string } | null)[] = [];
		let busy = false;
		const holds = (c: Cond): boolean => {
			switch (c.type) {
				case 'ok': return step_results[c.step] != null;
				case 'error': return step_errors[c.step] != null;
				case 'not': return !holds(c.cond);
				case 'and': return c.conds.every(holds);
				case 'or': return c.conds.some(holds);
				case 'is_autocommit': return !stream.db.inTransaction;
				default: throw new HranaError(`unknown condition ${(c as { type: string }).type}`, 'HRANA_PROTO_ERROR');
			}
		};
		for (const { condition, stmt } of steps) {
			let result: StmtResult | null = null;
			let error: { message: string; code: string } | null = null;
			if (!condition || holds(condition)) {
				try {
					result = await execute(stream, sqlOf(stream, stmt.sql, stmt.sql_id), stmt);
				} catch (e) {
					busy ||= isBusy(e);
					error = errorOf(e);
				}
			}
			step_results.push(result);
			step_errors.push(error);
		}
		// a BEGIN…COMMIT batch that lost the write lock was rolled back whole: run it again
		const wrapped = /^\s*BEGIN\b/i.test(steps[0]?.stmt.sql ?? '');
		const again = busy && wrapped && autocommitBefore && !stream.db.inTransaction && Date.now() < deadline;
		if (!again) return { step_results, step_errors };
		renew(stream);
		await sleep(wait);
	}
}

async function handle(stream: Stream, request: Request): Promise<Record<string, unknown>> {
	switch (request.type) {
		case 'execute':
			return { type: 'execute', result: await execute(stream, sqlOf(stream, request.stmt.sql, request.stmt.sql_id), request.stmt) };
		case 'batch':
			return { type: 'batch', result: await batch(stream, request.batch.steps) };
		case 'sequence':
			stream.db.exec(sqlOf(stream, request.sql, request.sql_id));
			return { type: 'sequence' };
		case 'store_sql':
			stream.sqls.set(request.sql_id, request.sql);
			return { type: 'store_sql' };
		case 'close_sql':
			stream.sqls.delete(request.sql_id);
			return { type: 'close_sql' };
		case 'get_autocommit':
			return { type: 'get_autocommit', is_autocommit: !stream.db.inTransaction };
		case 'close':
			return { type: 'close' };
		default:
			throw new HranaError(`request type ${(request as { type: string }).type} is not supported`, 'HRANA_PROTO_ERROR');
	}
}

export interface HranaServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

/**
 * Serves `file` (an existing or new SQLite/libSQL file) on 127.0.0.1; port 0 picks a free one.
 * `onPipeline` sees every `POST /v2/pipeline`, i.e. every round trip a client makes to the database
 * (tests/e2e/round-trips.spec.ts counts them), with the types of the requests it carried.
 */
export async function startHranaServer({
	file,
	port = 0,
	onPipeline
}: {
	file: string;
	port?: number;
	onPipeline?: (requestTypes: string[]) => void;
}): Promise<HranaServer> {
	const streams = new Map<string, Stream>();
	const setup = new Database(file);
	setup.pragma('journal_mode = WAL'); // persistent: set once for the file
	setup.close();

	const closeStream = (stream: Stream) => {
		clearTimeout(stream.idle);
		if (stream.db.open) stream.db.close(); // an open transaction is rolled back
	};

	async function pipeline(body: { baton?: string | null; requests: Request[] }) {
		let stream: Stream;
		if (body.baton) {
			const found = streams.get(body.baton);
			if (!found) throw new HranaError('The stream has expired or its baton is not valid', 'STREAM_EXPIRED');
			streams.delete(body.baton);
			clearTimeout(found.idle);
			stream = found;
		} else {
			stream = { file, db: connect(file), sqls: new Map() };
		}
		const results: unknown[] = [];
		let closed = false;
		for (const request of body.requests) {
			if (closed) {
				results.push({ type: 'error', error: { message: 'The stream is closed', code: 'STREAM_CLOSED' } });
				continue;
			}
			try {
				results.push({ type: 'ok', response: await handle(stream, request) });
			} catch (e) {
				results.push({ type: 'error', error: errorOf(e) });
			}
			if (request.type === 'close') closed = true;
		}
		if (closed) {
			closeStream(stream);
			return { baton: null, base_url: null, results };
		}
		const baton = randomUUID();
		streams.set(baton, stream);
		stream.idle = setTimeout(() => streams.delete(baton) && closeStream(stream), STREAM_IDLE_MS);
		return { baton, base_url: null, results };
	}

	async function serve(req: IncomingMessage, res: ServerResponse) {
		const reply = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		};
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		if (req.method === 'GET' && (path === '/' || path === '/health' || path === '/v2')) return reply(200, {});
		if (req.method !== 'POST' || path !== '/v2/pipeline') return reply(404, { message: `${req.method} ${path} is not served` });
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		try {
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			onPipeline?.((body.requests ?? []).map((r: { type?: string }) => String(r.type)));
			reply(200, await pipeline(body));
		} catch (e) {
			reply(400, errorOf(e));
		}
	}

	const server = createServer((req, res) => {
		serve(req, res).catch((e) => res.headersSent || res.writeHead(500).end(String(e)));
	});
	await new Promise<void>((listening, fail) => server.once('error', fail).listen(port, '127.0.0.1', listening));
	const bound = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${bound}`,
		port: bound,
		close: () =>
			new Promise<void>((closed) => {
				for (const stream of streams.values()) closeStream(stream);
				streams.clear();
				server.closeAllConnections();
				server.close(() => closed());
			})
	};
}

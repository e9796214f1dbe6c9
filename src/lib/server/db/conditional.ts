/**
 * `INSERT … SELECT … WHERE changes() > 0`: inserts rows only if the statement just before it, in the same
 * batch, changed something. A batch runs as one transaction on one connection, in one round trip (which
 * matters against Turso), so "update the application if it is still in the status we checked, then record
 * the event only if it was" needs no interactive transaction and cannot record an event for a change that
 * lost a race. Chain several: each is conditional on the one before it.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from './open';

export function insertIfPreviousChanged<T extends SQLiteTable>(
	db: Database,
	table: T,
	rows: readonly Partial<T['$inferInsert']>[]
) {
	return insertWhere(db, table, rows, sql`changes() > 0`);
}

/** `INSERT … SELECT … WHERE <condition>`: rows are inserted only when the condition holds. */
export function insertWhere<T extends SQLiteTable>(
	db: Database,
	table: T,
	rows: readonly Partial<T['$inferInsert']>[],
	condition: SQL
) {
	const columns = getTableColumns(table) as Record<string, { name: string; mapToDriverValue(v: unknown): unknown }>;
	const keys = Object.keys(rows[0] ?? {});
	if (keys.length === 0) throw new Error('insertIfPreviousChanged needs at least one row with values');
	const column = (key: string) => {
		const c = columns[key];
		if (!c) throw new Error(`unknown column ${key}`);
		return c;
	};
	const names = sql.join(keys.map((k) => sql.identifier(column(k).name)), sql`, `);
	const selects = sql.join(
		rows.map((row) => {
			const values = keys.map((k) => {
				const value = (row as Record<string, unknown>)[k];
				return sql`${value === null || value === undefined ? null : column(k).mapToDriverValue(value)}`;
			});
			return sql`SELECT ${sql.join(values, sql`, `)} WHERE ${condition}`;
		}),
		sql` UNION ALL `
	);
	return db.run(sql`INSERT INTO ${table} (${names}) ${selects}`);
}

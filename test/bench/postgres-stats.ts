import { createPool } from '@baton/postgres';
import pg from 'pg';

/** The runner's own connection to the bench's Postgres, for statistics and clean-up; `end()` it. */
export function postgresStatsPool(url: string): pg.Pool {
  // VACUUM of a large fill takes longer than an engine statement may.
  return createPool({ url, poolSize: 2, statementTimeoutMs: 600_000 });
}

/** The bytes one schema's tables and their indexes take (heap + TOAST, and indexes), per table. */
export interface SchemaSize {
  readonly tables: readonly { readonly table: string; readonly tableBytes: number; readonly indexBytes: number; readonly rows: number }[];
  readonly tableBytes: number;
  readonly indexBytes: number;
}

/** Sizes of `schema`'s tables after a VACUUM ANALYZE (so row counts and the visibility map are current). */
export async function schemaSize(pool: pg.Pool, schema: string): Promise<SchemaSize> {
  const { rows: names } = await pool.query<{ table: string }>("SELECT tablename AS table FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", [schema]);
  for (const { table } of names) await pool.query(`VACUUM ANALYZE ${schema}.${table}`);
  const { rows } = await pool.query<{ table: string; table_bytes: string; index_bytes: string; rows: string }>(
    `SELECT c.relname AS table, pg_table_size(c.oid) AS table_bytes, pg_indexes_size(c.oid) AS index_bytes, c.reltuples::bigint AS rows
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC`,
    [schema],
  );
  const tables = rows.map((r) => ({ table: r.table, tableBytes: Number(r.table_bytes), indexBytes: Number(r.index_bytes), rows: Math.max(0, Number(r.rows)) }));
  return { tables, tableBytes: tables.reduce((s, t) => s + t.tableBytes, 0), indexBytes: tables.reduce((s, t) => s + t.indexBytes, 0) };
}

/** A bench prefix as a Postgres schema name (lower-case letters, digits, `_`). */
export function schemaOf(prefix: string): string {
  return prefix.toLowerCase().replaceAll(/[^a-z0-9_]/g, '_');
}

let roundTrips = 0;
let isCounting = false;

/**
 * Counts every query a pg client of this process sends from now on: one round trip
 * each (pg sends a query's parse, bind, execute and sync in one flush and waits for
 * its answer; it does not pipeline), whatever adapter or pool sent it.
 */
export function countPostgresRoundTrips(): () => number {
  if (!isCounting) {
    isCounting = true;
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
      roundTrips += 1;
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
  }
  return () => roundTrips;
}

import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';
import { checkSchema, createPool, defaultSchema, inTransaction, unavailable, type PostgresConnectionOptions } from './connection.js';

/** One numbered SQL file of src/migrations (`0001-initial.sql` is version 1). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** What {@link migrationStatus} reports for one schema. */
export interface MigrationStatus {
  readonly schema: string;
  /** Versions applied, ascending. */
  readonly applied: readonly number[];
  /** Versions this build knows and has not applied, ascending. */
  readonly pending: readonly number[];
}

// Resolved from the package root so that it works from src/ (vitest) and dist/ (tsc build).
const migrationsDir = new URL('../src/migrations/', import.meta.url);

/** The migrations this build ships, by version. */
export function migrations(): readonly Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{4}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file.slice(5, -4), sql: readFileSync(new URL(file, migrationsDir), 'utf8') }));
}

/** The advisory lock key of a schema's migrations: one per schema, so two schemas migrate at once. */
function lockKeyOf(schema: string): string {
  return `baton-migrate:${schema}`;
}

/**
 * Brings `schema` to the latest version in one transaction: takes the schema's
 * advisory lock (pg_advisory_xact_lock, released by COMMIT or ROLLBACK), creates the
 * schema and `schema_migrations` when missing, applies the versions not recorded
 * there in order and records them. Two nodes starting at once: the second waits for
 * the lock, then finds nothing to do. A failing migration leaves the schema as it was.
 * `toVersion` stops there (tests of an upgrade from an older version). Returns the
 * versions this call applied.
 */
export async function migrate(pool: pg.Pool, schema = defaultSchema, toVersion = Number.MAX_SAFE_INTEGER): Promise<readonly number[]> {
  checkSchema(schema);
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKeyOf(schema)]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations()) {
      if (done.has(migration.version) || migration.version > toVersion) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** The versions applied to `schema` and those pending; reads only (a missing schema has none applied). */
export async function migrationStatus(pool: pg.Pool, schema = defaultSchema): Promise<MigrationStatus> {
  checkSchema(schema);
  const { rows: exists } = await pool.query<{ table: string | null }>('SELECT to_regclass($1) AS table', [`${schema}.schema_migrations`]);
  const applied =
    exists[0]?.table === null || exists[0] === undefined
      ? []
      : (await pool.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`)).rows.map((row) => row.version);
  const known = new Set(applied);
  return { schema, applied, pending: migrations().flatMap((m) => (known.has(m.version) ? [] : [m.version])) };
}

/** A pool on `options`' schema, migrated to this build's version; STORE_UNAVAILABLE (and no pool left open) when Postgres does not answer. */
export async function connectMigrated(options: PostgresConnectionOptions): Promise<pg.Pool> {
  const pool = createPool(options);
  try {
    await migrate(pool, options.schema ?? defaultSchema);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unavailable(error, options.url);
  }
  return pool;
}

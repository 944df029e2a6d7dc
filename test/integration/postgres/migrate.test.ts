import { createPool, migrate, migrations, migrationStatus } from '@baton/postgres';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

describe('schema migrations', () => {
  let pool: pg.Pool;
  beforeEach(() => {
    pool = createPool({ url: postgres.url(), poolSize: 4 });
  });
  afterEach(async () => {
    await pool.end();
  });

  it('migrates an empty schema to the latest version, then finds nothing to do', async () => {
    // given a schema that does not exist
    const schema = postgres.uniqueSchema();
    const all = migrations().map((m) => m.version);
    expect(await migrationStatus(pool, schema)).toEqual({ schema, applied: [], pending: all });
    // when it is migrated twice
    const first = await migrate(pool, schema);
    const second = await migrate(pool, schema);
    // then the first applies every version, the second none
    expect(first).toEqual(all);
    expect(second).toEqual([]);
    expect(await migrationStatus(pool, schema)).toEqual({ schema, applied: all, pending: [] });
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.instances`);
    expect(rows[0]?.n).toBe('0');
  });

  it('migrates once when two nodes start at once', async () => {
    // given a schema that does not exist, and two nodes
    const schema = postgres.uniqueSchema();
    // when both migrate at the same moment
    const applied = await Promise.all([migrate(pool, schema), migrate(pool, schema), migrate(pool, schema)]);
    // then one applied every version and the others waited for its lock and found nothing to do
    expect(applied.map((versions) => versions.length).sort()).toEqual([0, 0, migrations().length]);
    const { rows } = await pool.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
    expect(rows.map((row) => row.version)).toEqual(migrations().map((m) => m.version));
  });

  it('upgrades a schema from the previous version, keeping its data', async () => {
    // given a schema at the version before the latest, with an instance in it
    const schema = postgres.uniqueSchema();
    const latest = migrations().at(-1)?.version ?? 0;
    expect(await migrate(pool, schema, latest - 1)).toEqual(migrations().slice(0, -1).map((m) => m.version));
    await pool.query(
      `INSERT INTO ${schema}.instances (instance_id, process_id, definition_key, root_instance_id, status, started_at, version, history_count, state)
       VALUES ('i-1', 'p', 'p:1', 'i-1', 'active', 1, 1, 0, '{}')`,
    );
    // when it is migrated
    const applied = await migrate(pool, schema);
    // then only the latest version was applied, and the instance is still there
    expect(applied).toEqual([latest]);
    expect(await migrationStatus(pool, schema)).toMatchObject({ pending: [] });
    const { rows } = await pool.query<{ instance_id: string }>(`SELECT instance_id FROM ${schema}.instances`);
    expect(rows.map((row) => row.instance_id)).toEqual(['i-1']);
  });

  it('numbers the migration files 1, 2, 3… without gaps', () => {
    expect(migrations().map((m) => m.version)).toEqual(migrations().map((_, i) => i + 1));
  });
});

import { randomUUID } from 'node:crypto';
import { createPool, createPostgresProcessStore } from '@baton/postgres';
import { commitOf, instanceState } from '@baton/testkit';
import { describe, expect, it } from 'vitest';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

async function statementTimeoutOf(url: string, statementTimeoutMs?: number): Promise<string | undefined> {
  const pool = createPool({ url, poolSize: 1, ...(statementTimeoutMs === undefined ? {} : { statementTimeoutMs }) });
  try {
    return (await pool.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]?.statement_timeout;
  } finally {
    await pool.end();
  }
}

describe('Postgres connection settings and failures', () => {
  it('sets a statement timeout on every connection: 5 s by default, the URL’s statement_timeout when given', async () => {
    expect(await statementTimeoutOf(postgres.url())).toBe('5s');
    expect(await statementTimeoutOf(`${postgres.url()}?statement_timeout=1234`)).toBe('1234ms');
  });

  it('lets the statementTimeoutMs option (--pg-statement-timeout-ms) win over the URL’s statement_timeout', async () => {
    expect(await statementTimeoutOf(`${postgres.url()}?statement_timeout=1234`, 2500)).toBe('2500ms');
  });

  it('refuses to start on an unreachable database with STORE_UNAVAILABLE naming it, without the password', async () => {
    // Port 1 on loopback: nothing listens there.
    const starting = createPostgresProcessStore({ url: 'postgres://baton:s3cret@127.0.0.1:1/baton' });
    await expect(starting).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('postgres://***@127.0.0.1:1/baton') });
    await expect(starting).rejects.not.toMatchObject({ message: expect.stringContaining('s3cret') });
  });

  it('refuses commits on a database turned read-only with STORE_UNAVAILABLE saying so, and writes nothing of them', async () => {
    // given a store on a database of this test's own, with an instance at version 1
    const admin = createPool({ url: postgres.url(), poolSize: 1 });
    const database = `ro_${randomUUID().replaceAll('-', '')}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const url = postgres.url().replace(/\/[^/?]*(\?|$)/, `/${database}$1`);
    const store = await createPostgresProcessStore({ url, poolSize: 1 });
    try {
      await store.commit(commitOf(instanceState('i-1'), 0));
      // when the database becomes read-only (new sessions) and the store's connection is replaced
      await admin.query(`ALTER DATABASE ${database} SET default_transaction_read_only = on`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      const commit = () => store.commit(commitOf(instanceState('i-1', { seq: 2 }), 1));
      // then the commit is refused naming the cause, reads still work, and nothing of it was written
      await expect(commit()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('read-only') });
      expect(await store.load('i-1')).toMatchObject({ version: 1, state: { seq: 1 } });
      expect((await store.readHistory('i-1', {})).total).toBe(1);
      // and readiness's probe says so too
      await expect(store.probe(5_000)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('read-only') });
      // and once the database is writable again, the probe and the commit pass
      await admin.query(`ALTER DATABASE ${database} RESET default_transaction_read_only`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      await expect(store.probe(5_000)).resolves.toMatchObject({ epoch: expect.any(String) });
      expect(await commit()).toBe(2);
    } finally {
      await store.close();
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await admin.end();
    }
  });
});

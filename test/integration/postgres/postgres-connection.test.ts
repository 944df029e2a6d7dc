import { createPool, createPostgresProcessStore } from '@baton/postgres';
import { describe, expect, it } from 'vitest';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

async function statementTimeoutOf(url: string): Promise<string | undefined> {
  const pool = createPool({ url, poolSize: 1 });
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

  it('refuses to start on an unreachable database with STORE_UNAVAILABLE naming it, without the password', async () => {
    // Port 1 on loopback: nothing listens there.
    const starting = createPostgresProcessStore({ url: 'postgres://baton:s3cret@127.0.0.1:1/baton' });
    await expect(starting).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('postgres://***@127.0.0.1:1/baton') });
    await expect(starting).rejects.not.toMatchObject({ message: expect.stringContaining('s3cret') });
  });
});

import { randomUUID } from 'node:crypto';
import { createPool } from '@baton/postgres';
import { startPostgres, type RunningServer } from '@baton/testkit';
import { afterAll, beforeAll } from 'vitest';

/**
 * One real Postgres for the calling test file (env URL, else testcontainers, else the
 * local binaries), started in beforeAll and stopped in afterAll; each schema a test
 * made with {@link uniqueSchema} is dropped first (STYLE.md §6: a test owns its namespace).
 */
export function usePostgres(): { url(): string; uniqueSchema(): string } {
  let server: RunningServer | undefined;
  const schemas: string[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    if (server === undefined) return;
    const pool = createPool({ url: server.url });
    try {
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await pool.end();
      await server.stop();
    }
  });
  return {
    url: () => {
      if (server === undefined) throw new Error('Postgres is not started yet: call url() inside a test or hook');
      return server.url;
    },
    uniqueSchema: () => {
      const schema = `t_${randomUUID().replaceAll('-', '')}`;
      schemas.push(schema);
      return schema;
    },
  };
}

import { migrations } from '@baton/postgres';
import { describe, expect, it } from 'vitest';
import { run } from '../../../services/cli/src/run.js';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

/** Runs `baton ...argv` in process and captures what it writes. */
async function baton(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('baton db', () => {
  it('reports pending migrations (exit 1), migrates, then reports none pending (exit 0)', async () => {
    // given an empty schema
    const flags = ['--store', postgres.url(), '--schema', postgres.uniqueSchema()];
    // when status, migrate, migrate again, status run in turn
    const before = await baton('db', 'status', ...flags);
    const first = await baton('db', 'migrate', ...flags);
    const second = await baton('db', 'migrate', ...flags);
    const after = await baton('db', 'status', ...flags);
    // then, with every version this build has listed as "1 (initial), 2 (identity), …"
    const all = migrations().map((m) => `${m.version} (${m.name})`).join(', ');
    expect(all).toMatch(/^1 \(initial\), 2 \(identity\)/);
    expect(before).toMatchObject({ code: 1, stdout: expect.stringContaining(`applied: none\npending: ${all}\n`) });
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining(`: applied ${all}\n`) });
    expect(second).toMatchObject({ code: 0, stdout: expect.stringContaining(`is up to date at version ${migrations().length}\n`) });
    expect(after).toMatchObject({ code: 0, stdout: expect.stringContaining(`applied: ${all}\npending: none\n`) });
  });

  it('refuses a store that is not Postgres, and says why when the database does not answer', async () => {
    const notPostgres = await baton('db', 'migrate', '--store', 'redis://127.0.0.1:6379');
    expect(notPostgres).toMatchObject({ code: 1, stderr: expect.stringContaining('must be a postgres://… URL') });
    const unreachable = await baton('db', 'status', '--store', 'postgres://nobody@127.0.0.1:1/none');
    expect(unreachable).toMatchObject({ code: 1, stderr: expect.stringMatching(/^baton db status: .*ECONNREFUSED/) });
  });
});

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createPool, migrations } from '@baton/postgres';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNode, type RunningNode, type StartNodeOptions } from '../../../services/engine/src/index.js';
import { usePostgres } from './postgres-test-support.js';

// A service task (type payments), then a one-second timer: both kept in Postgres (no --queue given).
const xml = readFileSync(new URL('fixtures/job-then-timer.bpmn', import.meta.url), 'utf8');

const postgres = usePostgres();
const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;

describe('a node on Postgres alone (--store postgres://…, no --queue)', () => {
  const running: RunningNode[] = [];
  const start = async (extra: Partial<StartNodeOptions>): Promise<RunningNode> => {
    const node = await startNode({ ...quiet, store: postgres.url(), ...extra });
    running.push(node);
    return node;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((node) => node.close()));
  });

  const post = async (node: RunningNode, path: string, body: string, contentType = 'application/json'): Promise<Response> =>
    fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const stateOf = async (node: RunningNode, key: string): Promise<string> => ((await (await fetch(`${node.url}/v2/process-instances/${key}`)).json()) as { state: string }).state;

  it('migrates an empty database, reports ready, and runs an instance with a job and a timer to completion', async () => {
    // given a node started on an empty Postgres, with a payments handler
    const node = await start({ nodeId: 'pg-1', handlers: { payments: async () => ({ paid: true }) } });
    expect((await fetch(`${node.url}/health/ready`)).status).toBe(200);
    expect((await post(node, '/v2/deployments', xml, 'application/xml')).status).toBe(200);
    // when an instance starts
    const started = await post(node, '/v2/process-instances', JSON.stringify({ processDefinitionId: 'ship', variables: { amount: 7 } }));
    expect(started.status).toBe(200);
    const key = ((await started.json()) as { processInstanceKey: string }).processInstanceKey;
    // then its job is handled, its timer fires, and it completes with the job's variables
    await vi.waitFor(async () => expect(await stateOf(node, key)).toBe('COMPLETED'), { timeout: 20_000, interval: 100 });
    const history = await node.engine.getHistory(key);
    expect(history.flatMap((e) => (e.type === 'ElementCompleted' ? [e['elementId']] : []))).toEqual(['start', 'charge', 'cooling', 'end']);
    expect((await node.engine.getInstance(key)).variables).toMatchObject({ amount: 7, paid: true });
  });

  it('migrates an empty database once when two nodes start on it at the same moment', async () => {
    // given an empty database of this test's own
    const admin = createPool({ url: postgres.url(), poolSize: 1 });
    const database = `fresh_${randomUUID().replaceAll('-', '')}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const url = postgres.url().replace(/\/[^/?]*(\?|$)/, `/${database}$1`);
    try {
      // when two nodes start on it at once
      const nodes = await Promise.all([start({ nodeId: 'pg-x', store: url }), start({ nodeId: 'pg-y', store: url })]);
      // then both are ready and every version was applied once
      for (const node of nodes) expect((await fetch(`${node.url}/health/ready`)).status).toBe(200);
      const check = createPool({ url, poolSize: 1 });
      try {
        const { rows } = await check.query<{ version: number }>('SELECT version FROM baton.schema_migrations ORDER BY version');
        expect(rows.map((row) => row.version)).toEqual(migrations().map((m) => m.version));
      } finally {
        await check.end();
      }
    } finally {
      await Promise.all(running.splice(0).map((node) => node.close()));
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('keeps a job in Postgres across a restart: a node without the handler starts the instance, a later node runs it', async () => {
    // given a node that cannot run payments jobs starts an instance, then stops
    const first = await start({ nodeId: 'pg-a' });
    expect((await post(first, '/v2/deployments', xml, 'application/xml')).status).toBe(200);
    const started = await post(first, '/v2/process-instances', JSON.stringify({ processDefinitionId: 'ship', variables: {} }));
    const key = ((await started.json()) as { processInstanceKey: string }).processInstanceKey;
    expect(await stateOf(first, key)).toBe('ACTIVE');
    await first.close();
    running.splice(running.indexOf(first), 1);
    // when a node with the handler starts on the same database
    const second = await start({ nodeId: 'pg-b', handlers: { payments: async () => ({ paid: 'later' }) } });
    // then it finds the waiting job and the instance completes there
    await vi.waitFor(async () => expect(await stateOf(second, key)).toBe('COMPLETED'), { timeout: 20_000, interval: 100 });
    expect((await second.engine.getInstance(key)).variables).toMatchObject({ paid: 'later' });
  });
});

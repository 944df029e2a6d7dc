import { readFileSync } from 'node:fs';
import { createPool } from '@baton/postgres';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNode, type RunningNode } from '../../../services/engine/src/index.js';
import { usePostgres } from './postgres-test-support.js';

// A service task (type payments), then a one-second timer.
const xml = readFileSync(new URL('fixtures/job-then-timer.bpmn', import.meta.url), 'utf8');
const postgres = usePostgres();

describe('a node on Postgres whose connections are cut mid-run', () => {
  let node: RunningNode | undefined;
  afterEach(async () => {
    await node?.close();
  });

  // A job whose acknowledgement the cut lost is delivered again when its lease ends (60 s): on a loaded machine that is the path taken.
  it('completes every instance, each element once, after the server cut every connection while timers were pending', { timeout: 240_000 }, async () => {
    // given a node running 20 instances, each a job and then a timer
    let handled = 0;
    node = await startNode({
      logger: pino({ level: 'silent' }),
      print: () => undefined,
      handleSignals: false,
      port: 0,
      store: postgres.url(),
      handlers: { payments: async () => void (handled += 1) },
    });
    const { engine, url } = node;
    expect((await fetch(`${url}/v2/deployments`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml })).status).toBe(200);
    const keys: string[] = [];
    for (let i = 0; i < 20; i++) keys.push((await engine.startInstance({ processDefinitionId: 'ship', variables: { i } })).processInstanceKey);
    // when every connection of the node is terminated by the server, while jobs and timers are in flight
    const admin = createPool({ url: postgres.url(), poolSize: 1 });
    try {
      const { rows } = await admin.query<{ cut: boolean }>(
        "SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name LIKE 'baton%' AND pid <> pg_backend_pid()",
      );
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // then every instance completes
    await vi.waitFor(
      async () => {
        const states = await Promise.all(keys.map(async (key) => (await engine.getInstance(key)).state));
        expect(states.filter((state) => state !== 'COMPLETED')).toEqual([]);
      },
      { timeout: 180_000, interval: 200 },
    );
    expect(handled).toBeGreaterThanOrEqual(20);
    // and each element completed once per instance, whatever was retried
    for (const key of keys) {
      const completed = (await engine.getHistory(key)).flatMap((e) => (e.type === 'ElementCompleted' ? [e['elementId']] : []));
      expect(completed).toEqual(['start', 'charge', 'cooling', 'end']);
    }
  });
});

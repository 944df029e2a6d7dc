import { setTimeout as delay } from 'node:timers/promises';
import { createInMemoryMessageBus } from '@baton/memory';
import { createPool, createPostgresHistoryStore } from '@baton/postgres';
import { createBullmqJobQueue, createRedisProcessStore, type RedisProcessStore } from '@baton/redis';
import { createEngine, systemClock, type Engine, type HistoryLag } from '@baton/runtime';
import { createRestartablePostgres, type RestartablePostgres } from '@baton/testkit';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { deletePrefix, uniquePrefix } from '../redis/redis-test-support.js';

// Issue 15, "Databases combined": hot state and jobs in Redis, history and instance search
// in Postgres, copied from the outbox after each commit; Postgres stopped for 30 s mid-run.

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://baton.test">
  <bpmn:process id="combined" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="pick" />
    <bpmn:serviceTask id="pick">
      <bpmn:extensionElements><zeebe:taskDefinition type="pick" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="pick" targetRef="pack" />
    <bpmn:serviceTask id="pack">
      <bpmn:extensionElements><zeebe:taskDefinition type="pack" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f3" sourceRef="pack" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** The outage the test injects: Postgres is down this long while instances run. */
const outageMs = 30_000;

describe('Redis store with history in Postgres (issue 15, Databases combined)', () => {
  let postgres: RestartablePostgres;
  let store: RedisProcessStore;
  let engine: Engine;
  let closeAll: () => Promise<void> = async () => undefined;
  const prefix = uniquePrefix();
  const logged: string[] = [];
  const errors: unknown[] = [];

  beforeAll(async () => {
    postgres = await createRestartablePostgres();
    await postgres.start();
    const url = inject('redisUrl');
    store = await createRedisProcessStore({ url, prefix, onWarning: () => undefined });
    const queue = await createBullmqJobQueue({ url, prefix, onWarning: () => undefined });
    const bus = createInMemoryMessageBus({ clock: systemClock() });
    const history = await createPostgresHistoryStore({ url: postgres.url, poolSize: 2 });
    const logger = {
      warn: (fields: Readonly<Record<string, unknown>>, message: string) => void logged.push(`warn ${message} ${JSON.stringify({ ...fields, err: undefined })}`),
      info: (fields: Readonly<Record<string, unknown>>, message: string) => void logged.push(`info ${message} ${JSON.stringify(fields)}`),
    };
    const handlers = { pick: async () => ({ picked: true }), pack: async () => ({ packed: true }) };
    engine = createEngine({ store, queue, bus, history, clock: systemClock(), nodeId: 'combined-1', handlers, logger, onError: (error) => errors.push(error) });
    await engine.deploy([{ name: 'combined.bpmn', xml }]);
    closeAll = async () => {
      await engine.close();
      await queue.close();
      await bus.close();
      await store.close();
      await history.close();
    };
  }, 120_000);

  afterAll(async () => {
    await closeAll();
    await postgres?.dispose();
    await deletePrefix(prefix);
  });

  /** Starts `count` instances and waits until every one completed on Redis. */
  async function runInstances(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await engine.startInstance({ processId: 'combined', variables: { n: i } })).instanceId);
    await vi.waitFor(
      async () => {
        for (const id of ids) expect((await store.load(id))?.state.status).toBe('completed');
      },
      { timeout: 60_000, interval: 200 },
    );
    return ids;
  }

  it('runs instances on while Postgres is down for 30 s, then copies every event once, in order', async () => {
    // given instances that ran with Postgres up, copied
    const before = await runInstances(20);
    await engine.history?.idle();
    expect((await engine.searchInstances({ processId: 'combined', status: 'completed', limit: 1_000 })).total).toBe(20);

    // when Postgres stops and instances go on
    await postgres.crash();
    const stoppedAt = Date.now();
    const during = await runInstances(30);
    const lag: HistoryLag | undefined = engine.history?.lag();
    // The fault injection itself: Postgres stays down for the whole outage.
    await delay(Math.max(0, outageMs - (Date.now() - stoppedAt)));
    const stillBehind = engine.history?.lag();
    await postgres.start();
    const after = await runInstances(10);
    await engine.history?.idle();

    // then every instance completed, the copy was behind during the outage, and it caught up
    expect(lag).toMatchObject({ pendingInstances: 30, failingSince: expect.any(Number) });
    expect(stillBehind?.pendingInstances).toBe(30);
    expect(engine.history?.lag()).toEqual({ pendingInstances: 0 });
    const all = [...before, ...during, ...after];
    const searched = await engine.searchInstances({ processId: 'combined', status: 'completed', limit: 1_000 });
    expect(searched.items.map((s) => s.instanceId).sort()).toEqual([...all].sort());
    let events = 0;
    for (const id of all) {
      const primary = await store.readHistory(id, { limit: 1_000 });
      const copy = await engine.getHistory(id, { limit: 1_000 });
      expect(copy).toEqual(primary);
      events += primary.total;
    }
    // each event once (the primary key would refuse a repeat; the count shows none is missing either)
    const pool = createPool({ url: postgres.url });
    try {
      const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM baton.projected_history');
      expect(Number(rows[0]?.count)).toBe(events);
    } finally {
      await pool.end();
    }
    expect(await store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 1_000 })).toEqual([]);
    expect(logged.filter((line) => line.startsWith('warn history projection failing')).length).toBeGreaterThanOrEqual(1);
    expect(logged.filter((line) => line.startsWith('info history projection resumed'))).toHaveLength(1);
    expect(errors).toEqual([]);
    console.log(`combined run: ${all.length} instances, ${events} events copied; outage ${outageMs} ms; log:\n${logged.join('\n')}`);
  }, 240_000);
});

import { existsSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { describe, expect, inject, it, vi } from 'vitest';
import { expectEveryJobRan, startRoundRobin, untilCompleted } from './support/instances.js';
import { clusterOnOwnRedis } from './support/own-redis-cluster.js';

// Issue 12, finding 8: a node started an hour ahead (libfaketime, as `faketime -f +1h`
// does, preloaded into the node itself so that a SIGKILL reaches it) next to a normal
// one. Before the fix it fired the other node's 5 s timers at once (BullMQ promotes
// delayed jobs by its caller's Date.now()) and ran the other node's eager jobs a second
// time (their leases are delayed jobs too), logging nothing. Now every node follows the
// store's clock (Redis TIME): it measures its offset, corrects its time by it, warns,
// and its readiness says DOWN beyond --max-clock-skew-ms.

const hourMs = 3_600_000;
const timerMs = 5_000;
const timerInstances = 6;
const orderInstances = 40;
const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];
const libfaketime = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/faketime/libfaketime.so.1'].find((path) => existsSync(path));
const waitProcess = readFileSync(new URL('./fixtures/wait-5s.bpmn', import.meta.url), 'utf8');

async function post(url: string, body: unknown, contentType = 'application/json'): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`POST ${url} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

describe('a node whose clock is an hour ahead next to a normal one', () => {
  const { cluster, redis } = clusterOnOwnRedis('clock-skew', ['--job-lease-ms', '4000']);

  it('fires 5 s timers no earlier than due by the store clock, runs each job once, and reports its skew', async () => {
    // given: node-1 on the host's clock, node-2 an hour ahead
    const preload = libfaketime ?? expect.fail('libfaketime is not installed (apt-get install faketime)');
    const store = redis().url;
    const bus = inject('natsUrl');
    const normal = await cluster.start({ name: 'node-1', store, bus, capabilities: allTypes, deploys: true });
    const ahead = await cluster.start({ name: 'node-2', store, bus, capabilities: allTypes, keepsLog: true, env: { LD_PRELOAD: preload, FAKETIME: '+1h' } });
    await post(`${normal.url}/v2/deployments`, waitProcess, 'application/xml');
    const time = new Redis(store, { maxRetriesPerRequest: 3 });
    const storeNow = async (): Promise<number> => {
      const [seconds, micros] = await time.time();
      return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    };
    try {
      // when: 5 s timers start through both nodes, then order instances through both
      const timers: { key: string; startedBefore: number }[] = [];
      for (let i = 0; i < timerInstances; i++) {
        const startedBefore = await storeNow();
        const started = await post(`${(i % 2 === 0 ? normal : ahead).url}/v2/process-instances`, { processDefinitionId: 'wait-5s', variables: {} });
        timers.push({ key: String(started['processInstanceKey']), startedBefore });
      }
      const orderKeys = await startRoundRobin([normal.url, ahead.url], orderInstances);

      // then: no timer's job ran while less than 5 s of store time had passed since its instance started
      // (the run log is read before the store's time: a run seen then happened before that time)
      const early = new Set<string>();
      await vi.waitFor(
        async () => {
          const ran = new Set(cluster.runs().map((r) => r.instance));
          const now = await storeNow();
          for (const timer of timers) if (ran.has(timer.key) && now < timer.startedBefore + timerMs) early.add(timer.key);
          expect(timers.filter((t) => !ran.has(t.key)).map((t) => t.key)).toEqual([]);
        },
        { timeout: 60_000, interval: 50 },
      );
      expect([...early], 'timers that fired early').toEqual([]);
      // and: every instance completes, each job run exactly once (no lease taken over by the skewed clock)
      await untilCompleted(normal.url, orderInstances, 90_000, () => cluster.outputs());
      const timerKeys = new Set(timers.map((t) => t.key));
      const runs = cluster.runs();
      expectEveryJobRan(runs.filter((r) => !timerKeys.has(r.instance)), orderKeys, { exactlyOnce: true });
      expect(runs.filter((r) => timerKeys.has(r.instance)).map((r) => r.instance).sort()).toEqual([...timerKeys].sort());
    } finally {
      time.disconnect();
    }
    // and: node-2 warned with its measured offset, and its readiness says why it is DOWN
    const warnings = ahead
      .log()
      .filter((line) => line.startsWith('{"level":40'))
      .map((line) => JSON.parse(line) as { msg: string; offsetMs?: number })
      .filter((entry) => entry.offsetMs !== undefined);
    expect(warnings.length, ahead.output()).toBeGreaterThan(0);
    expect(Math.abs((warnings[0]?.offsetMs ?? 0) + hourMs)).toBeLessThan(60_000);
    const readiness = await fetch(`${ahead.url}/health/ready`);
    const body = (await readiness.json()) as { detail?: string };
    expect(readiness.status).toBe(503);
    expect(body.detail).toMatch(/clock/);
    expect((await fetch(`${normal.url}/health/ready`)).status).toBe(200);
  });
});

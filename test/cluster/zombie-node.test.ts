import { Redis } from 'ioredis';
import { describe, expect, inject, it, vi } from 'vitest';
import { countInState, expectEachEffectOnce, runsByJob, startRoundRobin, untilCompleted } from './support/instances.js';
import { clusterOnOwnRedis } from './support/own-redis-cluster.js';
import type { ServeNode } from './support/serve-nodes.js';

// Issue 12, findings 7 and 12: a zombie node. node-a runs the first job of every
// instance eagerly (each run takes 1.5 s) when it is SIGSTOPped; its leases (3 s,
// `--job-lease-ms`) lapse and node-b rightly runs those jobs again and completes every
// instance (at least once). node-a, continued, finishes its stale runs: their
// completions are refused, and a refused completion means the job is over. Before the
// fix it ran each of them 2-3 more times, ~1 s apart, logging each refusal as an error.

const instances = 8;
const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];

/** pino lines of `node` that name `jobKey`. */
function linesOf(node: ServeNode, jobKey: string): { level: number; msg: string; code?: string }[] {
  return node
    .log()
    .filter((line) => line.startsWith('{') && line.includes(`"${jobKey}"`))
    .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { code?: string }; code?: string })
    .map((entry) => ({ level: entry.level, msg: entry.msg, ...(entry.code ?? entry.err?.code ? { code: entry.code ?? entry.err?.code } : {}) }));
}

/** Jobs in any BullMQ state but completed/failed (removed on settle anyway), over every job queue. */
async function jobsLeft(url: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    let left = 0;
    for (const type of allTypes) {
      const base = `baton:job.${type}`;
      left += (await redis.llen(`${base}:wait`)) + (await redis.llen(`${base}:active`)) + (await redis.zcard(`${base}:delayed`)) + (await redis.zcard(`${base}:prioritized`));
    }
    return left;
  } finally {
    redis.disconnect();
  }
}

describe('a zombie node (SIGSTOP past its job leases, then SIGCONT) next to a live one', () => {
  const { cluster, redis } = clusterOnOwnRedis('zombie', ['--job-lease-ms', '3000']);

  it('never runs a job again once its completion was refused, and logs the refusals below error', async () => {
    // given: node-a runs the first job of each instance, slowly
    const server = redis();
    const bus = inject('natsUrl');
    const zombie = await cluster.start({ name: 'node-a', store: server.url, bus, capabilities: allTypes, deploys: true, keepsLog: true, env: { BATON_TEST_JOB_MS: '1500' } });
    const peer = await cluster.start({ name: 'node-b', store: server.url, bus, capabilities: allTypes });
    const keys = await startRoundRobin([zombie.url], instances);
    const heldByZombie = (): string[] => cluster.runs().filter((r) => r.node === 'node-a').map((r) => r.jobKey);
    await vi.waitFor(() => expect(heldByZombie().length).toBeGreaterThanOrEqual(instances), { timeout: 30_000, interval: 20 });

    // when: node-a stops while it runs them, until node-b has completed every instance (past node-a's leases)
    zombie.child.kill('SIGSTOP');
    const stale = heldByZombie();
    try {
      await untilCompleted(peer.url, instances, 60_000, () => cluster.outputs());
    } finally {
      zombie.child.kill('SIGCONT');
    }
    const runsAtCompletion = cluster.runs().length;

    // then: node-a settles each stale run (its completion refused) and the queues drain
    await vi.waitFor(
      async () => {
        const unsettled = stale.filter((jobKey) => !linesOf(zombie, jobKey).some((line) => /refused/.test(line.msg)));
        expect(unsettled, cluster.outputs()).toEqual([]);
        expect(await jobsLeft(server.url)).toBe(0);
      },
      { timeout: 60_000, interval: 250 },
    );
    // and: one more instance through node-a completes (it works again), after which nothing of the old ones ran again
    const [fresh] = await startRoundRobin([zombie.url], 1);
    await untilCompleted(peer.url, instances + 1, 60_000, () => cluster.outputs());
    const late = runsByJob(cluster.runs().slice(runsAtCompletion).filter((r) => r.instance !== fresh));
    expect([...late].filter(([, runs]) => runs.length > 1), 'jobs run more than once after their instance completed').toEqual([]);
    // and: no state change was duplicated
    await expectEachEffectOnce(peer.url, keys);
    expect(await countInState(peer.url, 'ACTIVE')).toBe(0);
    // and: the refusals are expected at-least-once outcomes, logged below error with their reason
    for (const jobKey of stale) {
      const refusals = linesOf(zombie, jobKey).filter((line) => /refused/.test(line.msg));
      expect(refusals.map((line) => line.level), jobKey).toEqual(refusals.map(() => 30));
      expect(refusals.every((line) => line.code !== undefined), jobKey).toBe(true);
    }
    expect(zombie.log().filter((line) => line.startsWith('{"level":50')), 'error lines of node-a').toEqual([]);
  });
});

import { describe, expect, inject, it } from 'vitest';
import { deployFixture, expectEventCounts, startRoundRobin, untilCompleted } from './support/instances.js';
import { clusterOnOwnRedis } from './support/own-redis-cluster.js';

// Issue 12, "Also add and pass": timers across a node kill, each fires exactly once.
// Three nodes on one Redis and NATS. node-2 creates 100 instances of fixtures/wait-10s
// (a 10 s timer, then a reserve-stock job) and is SIGKILLed before any timer is due.
// Its timers are BullMQ delayed jobs in Redis, not in the dead node: the two
// survivors fire each of them once, and each post-timer job's completion is applied
// once (the job itself may run more than once: at-least-once).

const instances = 100;
const processDefinitionId = 'wait-10s';
const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];

describe('timers created by a node SIGKILLed before they are due, on three real nodes', () => {
  const { cluster, redis } = clusterOnOwnRedis('timers-node-kill', ['--job-lease-ms', '4000']);

  it(`all ${instances} complete on the survivors, each timer fired once and each post-timer job completed once`, { timeout: 240_000 }, async () => {
    // given: three nodes; node-2 starts every instance, so it creates every timer
    const store = redis().url;
    const bus = inject('natsUrl');
    const survivor = await cluster.start({ name: 'node-1', store, bus, capabilities: allTypes });
    const victim = await cluster.start({ name: 'node-2', store, bus, capabilities: allTypes });
    await cluster.start({ name: 'node-3', store, bus, capabilities: allTypes });
    await deployFixture(victim.url, processDefinitionId);
    const keys = await startRoundRobin([victim.url], instances, undefined, { processDefinitionId });

    // when: node-2 dies while its timers wait
    await cluster.kill(victim);

    // then: no timer had fired by then (no post-timer job had run)
    expect(cluster.runs(), 'jobs that ran before node-2 was killed: its 10 s timers fired too early for this test').toEqual([]);
    // and: the survivors complete every instance
    await untilCompleted(survivor.url, instances, 120_000, () => cluster.outputs(), processDefinitionId);
    // and: each timer fired once, each post-timer job was created and its completion applied once
    await expectEventCounts(survivor.url, keys, { TimerScheduled: 1, TimerFired: 1, JobCreated: 1, JobCompleted: 1, InstanceCompleted: 1, IncidentRaised: 0 });
    // and: each post-timer job ran at least once, on a survivor, and nothing else ran
    const runs = cluster.runs();
    expect(new Set(runs.map((r) => r.instance))).toEqual(new Set(keys));
    expect(new Set(runs.map((r) => `${r.type} on ${r.node === 'node-2' ? 'the killed node' : 'a survivor'}`))).toEqual(new Set(['reserve-stock on a survivor']));
  });
});

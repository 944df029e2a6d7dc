import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { createHandOffWorker, clusterSubjects } from '@baton/runtime';
import type { ClusterSystemFactory } from '../cluster-system.js';
import { batonNode } from './baton-node.js';

/**
 * One Baton engine node on a real Redis (RedisProcessStore + BullmqJobQueue) with an
 * in-process handler, or, with `handOff`, a handler that hands each job over the bus to
 * an edge node (issue #6). An instance counts as done when its `InstanceCompleted`
 * event comes out on the bus, wherever in the cluster its last step ran.
 */
export const createBatonRedisSystem: ClusterSystemFactory = (benchCase, xml, env) =>
  batonNode(benchCase, xml, env, async ({ fail, bus }) => {
    const options = { url: env.redisUrl, prefix: env.prefix, onWarning: () => undefined };
    const store = await createRedisProcessStore(options);
    // BATON_BENCH_EAGER=0: every job through BullMQ's wait list and a worker's fetch (see README.md).
    const eagerDispatch = process.env['BATON_BENCH_EAGER'] !== '0';
    const queue = await createBullmqJobQueue({ ...options, eagerDispatch, onError: (error) => fail(error, { during: 'queue' }) });
    const worker = env.handOff
      ? createHandOffWorker({ bus, subjects: clusterSubjects(), nodeId: env.nodeId, timeoutMs: 10_000, retryBackOffMs: 1_000 })
      : async () => ({});
    return { store, queue, worker };
  });

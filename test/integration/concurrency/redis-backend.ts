import { InMemoryMessageBus } from '@baton/memory';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { inject } from 'vitest';
import { nodesOnSharedStore, type BackendFactory, type NodeAdapters } from '../../concurrency/support/two-nodes.js';
import { deletePrefix, uniquePrefix } from '../redis/redis-test-support.js';

/**
 * Two nodes on one real Redis, as in a cluster: each node has its own store and
 * BullMQ connections, on the same URL and key prefix (the test's own, deleted
 * after). The bus is per node and unused by the races (events are not published).
 */
export const redisBackend: BackendFactory = async ({ clock, onError }) => {
  const url = inject('redisUrl');
  const prefix = uniquePrefix();
  const quiet = { onWarning: () => undefined };
  const node = async (): Promise<NodeAdapters> => ({
    store: await createRedisProcessStore({ url, prefix, ...quiet }),
    queue: await createBullmqJobQueue({ url, prefix, onError, ...quiet }),
    bus: new InMemoryMessageBus({ clock }),
  });
  return nodesOnSharedStore(node, 'wall', () => deletePrefix(prefix));
};

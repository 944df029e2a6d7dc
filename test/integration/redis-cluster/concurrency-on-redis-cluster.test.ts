import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { InMemoryMessageBus } from '@baton/memory';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { startRedisCluster, type RunningRedisCluster } from '@baton/testkit';
import { afterAll, beforeAll, describe } from 'vitest';
import { childEndVsParentCancel } from '../../concurrency/races/child-end-vs-parent-cancel.js';
import { describeChildStartRace } from '../../concurrency/races/child-start-vs-parent-cancel.js';
import { describeMessageBufferRace } from '../../concurrency/races/message-buffer-vs-subscription.js';
import { describeQueuedTimerRace } from '../../concurrency/races/queued-timer-vs-message.js';
import { describeRace, type RaceSpec } from '../../concurrency/support/race.js';
import { nodesOnSharedStore, type BackendFactory, type NodeAdapters } from '../../concurrency/support/two-nodes.js';

// Issue 18: every race of the concurrency suite (the RaceSpecs of races/ plus those
// described by their own functions), two nodes on one Redis Cluster of three
// masters (each node its own cluster connections, one namespace per race).
let cluster: RunningRedisCluster;

beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3 });
}, 60_000);

afterAll(async () => {
  await cluster.stop();
});

const clusterBackend: BackendFactory = async ({ clock, onError }) => {
  const prefix = `baton-test-${randomUUID()}`;
  const quiet = { onWarning: () => undefined };
  const node = async (): Promise<NodeAdapters> => ({
    store: await createRedisProcessStore({ url: cluster.url, prefix, ...quiet }),
    queue: await createBullmqJobQueue({ url: cluster.url, prefix, onError, ...quiet }),
    bus: new InMemoryMessageBus({ clock }),
  });
  // The cluster is stopped after the file: its namespaces go with it.
  return nodesOnSharedStore(node, 'wall');
};

const racesDir = new URL('../../concurrency/races/', import.meta.url);
const races = await Promise.all(
  readdirSync(racesDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map(async (file) => Object.values((await import(new URL(file, racesDir).href)) as Record<string, unknown>)),
);
const specs = races.flat().filter((value): value is RaceSpec<never> => typeof value === 'object' && value !== null && 'contenders' in value);

describe('the concurrency suite on a Redis Cluster (3 masters)', () => {
  for (const spec of specs) describeRace(spec, clusterBackend);
  describeRace(childEndVsParentCancel('child'), clusterBackend);
  describeRace(childEndVsParentCancel('parent'), clusterBackend);
  describeChildStartRace(clusterBackend);
  describeMessageBufferRace(clusterBackend);
  describeQueuedTimerRace(clusterBackend);
});

/**
 * `--waiting N` (issue #5): starts N instances that wait on a user task, in a process
 * of its own (forked by cluster-waiting.ts), through the engine on Redis (or Postgres) as any
 * client would (one load and one commit each), `inFlight` at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInMemoryMessageBus } from '@baton/memory';
import { createPostgresJobQueue, createPostgresProcessStore } from '@baton/postgres';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { createEngine, systemClock, type JobQueue, type ProcessStore } from '@baton/runtime';
import type { BenchStore } from './cluster-system.js';
import { schemaOf } from './postgres-stats.js';

export interface FillConfig {
  readonly redisUrl: string;
  readonly store: BenchStore;
  readonly postgresUrl?: string;
  readonly prefix: string;
  readonly modelsDir: string;
  readonly count: number;
  readonly inFlight: number;
}

export type FillMessage =
  | { readonly type: 'progress'; readonly phase: 'fill'; readonly instances: number; readonly elapsedMs: number }
  | { readonly type: 'filled'; readonly created: number; readonly elapsedMs: number }
  | { readonly type: 'failed'; readonly message: string };

export const waitingModel = { file: 'user-task-wait.bpmn', processId: 'bench-waiting' } as const;

function send(message: FillMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

/** The row's store and queue: Redis and BullMQ under the prefix, or Postgres alone in the prefix's schema. */
async function adapters(config: FillConfig, clock: ReturnType<typeof systemClock>): Promise<{ store: ProcessStore; queue: JobQueue }> {
  if (config.store === 'postgres') {
    const options = { url: config.postgresUrl ?? '', schema: schemaOf(config.prefix), poolSize: 20 };
    return { store: await createPostgresProcessStore(options), queue: await createPostgresJobQueue({ ...options, clock }) };
  }
  const options = { url: config.redisUrl, prefix: config.prefix, onWarning: () => undefined };
  return { store: await createRedisProcessStore(options), queue: await createBullmqJobQueue(options) };
}

async function main(config: FillConfig): Promise<void> {
  const clock = systemClock();
  const { store, queue } = await adapters(config, clock);
  const bus = createInMemoryMessageBus({ clock });
  const engine = createEngine({ store, queue, bus, clock, nodeId: 'filler', publishEvents: false, sweepIntervalMs: 0 });
  const xml = readFileSync(join(config.modelsDir, waitingModel.file), 'utf8');
  await engine.deploy([{ name: waitingModel.file, xml }]);
  const startedAt = performance.now();
  let next = 0;
  let reportedAt = startedAt;
  const lane = async (): Promise<void> => {
    for (let n = next++; n < config.count; n = next++) {
      await engine.startInstance({ processId: waitingModel.processId, instanceId: `waiting-${n}`, variables: { n, customer: `c-${n % 1_000}` } });
      const now = performance.now();
      if (now - reportedAt >= 5_000) {
        reportedAt = now;
        void send({ type: 'progress', phase: 'fill', instances: n, elapsedMs: now - startedAt });
      }
    }
  };
  await Promise.all(Array.from({ length: config.inFlight }, lane));
  await send({ type: 'filled', created: config.count, elapsedMs: performance.now() - startedAt });
  await engine.close();
  await queue.close();
  await store.close();
}

process.on('disconnect', () => process.exit(1));
main(JSON.parse(process.argv[2] ?? '{}') as FillConfig).then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);

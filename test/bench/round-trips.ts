import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { createInMemoryMessageBus } from '@baton/memory';
import { createEngine, systemClock } from '@baton/runtime';
import { startRedis } from '@baton/testkit';
import { modelsDir } from './paths.js';
import { watch, type RoundTripRow } from './redis-monitor.js';

/**
 * `npm run bench -- round-trips`: the Redis commands of starting an instance with an
 * external job, activating it, and completing it, one operation at a time on an idle
 * node (issue 18: job completion ≤ 2 round trips).
 */
export async function runRoundTrips(): Promise<number> {
  const redis = await startRedis();
  const prefix = `bench-rt-${randomUUID()}`;
  const options = { url: redis.url, prefix, onWarning: () => undefined };
  const store = await createRedisProcessStore(options);
  const queue = await createBullmqJobQueue(options);
  const engine = createEngine({ store, queue, bus: createInMemoryMessageBus({ clock: systemClock() }), clock: systemClock(), nodeId: 'rt' });
  try {
    await engine.deploy([{ name: 'one-task.bpmn', xml: readFileSync(join(modelsDir(), 'one-task.bpmn'), 'utf8') }]);
    // Warm: the first start loads the definition and registers the queue.
    await engine.startInstance({ processId: 'bench-one-task' });
    await engine.activateJobs({ type: 'work', maxJobs: 10, timeoutMs: 60_000, worker: 'rt' });
    const rows: RoundTripRow[] = [];
    let instanceId = '';
    rows.push(await watch(redis.url, 'start (external job)', async () => {
      instanceId = (await engine.startInstance({ processId: 'bench-one-task' })).state.instanceId;
    }));
    let jobKey = '';
    rows.push(await watch(redis.url, 'activate 1 job', async () => {
      const [job] = await engine.activateJobs({ type: 'work', maxJobs: 1, timeoutMs: 60_000, worker: 'rt' });
      jobKey = job?.jobKey ?? '';
    }));
    if (jobKey === '') throw new Error('round-trips: no job was activated');
    rows.push(await watch(redis.url, 'complete job', () => engine.completeJob({ jobKey, instanceId, variables: {} })));
    process.stdout.write('| operation | round trips before it resolved | commands after (deferred) | commands |\n| --- | --- | --- | --- |\n');
    for (const row of rows) process.stdout.write(`| ${row.operation} | ${row.onPath} | ${row.after} | ${row.commands.join(' ')} |\n`);
    return 0;
  } finally {
    await engine.close();
    await queue.close();
    await store.close();
    await redis.stop();
  }
}

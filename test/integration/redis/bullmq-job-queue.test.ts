import { createBullmqJobQueue } from '@baton/redis';
import { jobQueueContract, type JobQueueHarness } from '@baton/testkit';
import { afterAll, afterEach, beforeAll, inject, vi } from 'vitest';
import { deletePrefix, SkewedWallClock, uniquePrefix } from './redis-test-support.js';

// BullMQ runs on wall time: the harness moves it with a skewed Date.now (see SkewedWallClock).
const clock = new SkewedWallClock();
const prefixes: string[] = [];

beforeAll(() => {
  clock.install((impl) => vi.spyOn(Date, 'now').mockImplementation(impl));
});

afterEach(() => {
  clock.reset();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all(prefixes.map((prefix) => deletePrefix(prefix)));
});

async function makeHarness(): Promise<JobQueueHarness> {
  const prefix = uniquePrefix();
  prefixes.push(prefix);
  const queue = await createBullmqJobQueue({ url: inject('redisUrl'), prefix, onWarning: () => undefined });
  return { queue, now: () => Date.now(), advanceBy: (ms) => clock.advanceBy(ms, prefix) };
}

jobQueueContract(makeHarness);

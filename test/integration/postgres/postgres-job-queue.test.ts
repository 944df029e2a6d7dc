import { createPostgresJobQueue } from '@baton/postgres';
import { VirtualClock } from '@baton/runtime';
import { jobQueueContract } from '@baton/testkit';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

// The queue runs on the clock it is given: a virtual one here, moved by the contract.
jobQueueContract(async () => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const queue = await createPostgresJobQueue({ url: postgres.url(), schema: postgres.uniqueSchema(), clock, poolSize: 4 });
  return { queue, now: () => clock.now(), advanceBy: (ms) => clock.advanceBy(ms) };
});

import { VirtualClock } from '@baton/runtime';
import { jobQueueContract } from '@baton/testkit';
import { InMemoryJobQueue } from './in-memory-job-queue.js';

jobQueueContract(() => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  return { queue: new InMemoryJobQueue({ clock }), now: () => clock.now(), advanceBy: (ms) => clock.advanceBy(ms) };
});

import { VirtualClock } from '@baton/runtime';
import { messageBusContract } from '@baton/testkit';
import { InMemoryMessageBus } from './in-memory-message-bus.js';

messageBusContract(() => {
  const clock = new VirtualClock(0);
  return { bus: new InMemoryMessageBus({ clock }), advanceBy: (ms) => clock.advanceBy(ms) };
});

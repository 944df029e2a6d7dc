import { createNatsMessageBus } from '@baton/nats';
import { messageBusContract } from '@baton/testkit';
import { setTimeout as delay } from 'node:timers/promises';
import { inject } from 'vitest';

// Request timeouts run on nats.js's own timers, so the contract's clock is real time.
messageBusContract(async () => ({
  bus: await createNatsMessageBus({ url: inject('natsUrl'), name: 'baton-contract' }),
  advanceBy: (ms) => delay(ms),
}));

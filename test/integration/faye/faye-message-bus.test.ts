import { createFayeMessageBus, createFayeServer, type RunningFayeServer } from '@baton/faye';
import { messageBusContract } from '@baton/testkit';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll } from 'vitest';

const token = 'contract-token';
let server: RunningFayeServer;

beforeAll(async () => {
  server = await createFayeServer({ port: 0, token });
});

afterAll(async () => {
  await server.close();
});

// Request timeouts run on the system clock by default, so the contract's clock is real time.
messageBusContract(async () => ({
  bus: await createFayeMessageBus({ url: server.url, token }),
  advanceBy: (ms) => delay(ms),
}));

import { systemClock } from '@baton/runtime';
import { describe, expect, it } from 'vitest';
import { createAdapters, createIdentityStore } from './adapters.js';

// Issue 15, "Databases combined": each port takes its own URL; a wrong one is refused, naming its flag and variable.
describe('adapter choice', () => {
  const build = (choice: Parameters<typeof createAdapters>[0]) => createAdapters(choice, systemClock(), () => undefined);

  it('refuses a history store that is not Postgres, naming --history and BATON_HISTORY', async () => {
    await expect(build({ history: 'redis://127.0.0.1:6379' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('(--history / BATON_HISTORY) is "redis://127.0.0.1:6379"'),
      details: { field: 'history', supported: ['postgres://…'] },
    });
  });

  it('refuses an identity store it cannot build, naming --identity-store and BATON_IDENTITY_STORE', async () => {
    await expect(build({ identityStoreUrl: 'mongodb://127.0.0.1' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('(--identity-store / BATON_IDENTITY_STORE) is "mongodb://127.0.0.1"'),
    });
    await expect(createIdentityStore({ store: 'memory', identityStoreUrl: 'mongodb://127.0.0.1' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('builds no history store unless asked: the store serves history and search', async () => {
    const adapters = await build({});
    try {
      expect(adapters.history).toBeUndefined();
    } finally {
      await adapters.close();
    }
  });
});

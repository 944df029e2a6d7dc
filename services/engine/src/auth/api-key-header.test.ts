import { createClient } from '@baton/client';
import { afterEach, describe, expect, it } from 'vitest';
import { apiKeys, authHarness, type AuthHarness } from './__fixtures__/auth-harness.js';

describe('API keys in header x-api-key (as @baton/client and the CLI send them) as well as Authorization: Bearer', () => {
  let h: AuthHarness | undefined;
  afterEach(() => h?.close());

  it('authenticates a worker key sent by the client as apiKey, with its roles and job types', async () => {
    // given
    h = await authHarness();
    const client = createClient({ baseUrl: h.url, apiKey: apiKeys.payKey.key });
    await h.startPay();
    // when: the worker activates its job type through the client
    const jobs = await client.activateJobs({ type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    // then
    expect(jobs).toHaveLength(1);
    const me = await fetch(`${h.url}/v2/auth/me`, { headers: { 'x-api-key': apiKeys.payKey.key } });
    expect(await me.json()).toMatchObject({ username: 'pay', via: 'apiKey', roles: ['worker'] });
  });

  it('refuses an unknown key 401 and a key outside its roles 403, as with Bearer', async () => {
    h = await authHarness();
    const unknown = await fetch(`${h.url}/v2/process-definitions`, { headers: { 'x-api-key': 'baton_pay_not-the-secret-not-the-secret' } });
    const outside = await fetch(`${h.url}/v2/process-definitions`, { headers: { 'x-api-key': apiKeys.payKey.key } });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(outside.status).toBe(403);
  });
});

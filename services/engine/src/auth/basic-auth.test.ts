import { afterEach, describe, expect, it } from 'vitest';
import { authHarness, password, type AuthHarness } from './__fixtures__/auth-harness.js';

const basic = (username: string, secret: string): Record<string, string> => ({ authorization: `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}` });

describe('HTTP Basic auth for users with a password (issue 13: Camunda client strategy BASIC)', () => {
  let h: AuthHarness | undefined;
  afterEach(() => h?.close());

  it('authenticates a user by username and password, with their roles', async () => {
    // given
    h = await authHarness();
    // when
    const me = await fetch(`${h.url}/v2/auth/me`, { headers: basic('alice', password) });
    const read = await fetch(`${h.url}/v2/process-definitions`, { headers: basic('oscar', password) });
    // then
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'alice', via: 'basic', roles: ['admin'] });
    expect(read.status).toBe(200);
  });

  it('refuses a wrong password or malformed credentials 401, and a role the user lacks 403', async () => {
    h = await authHarness();
    const wrong = await fetch(`${h.url}/v2/auth/me`, { headers: basic('alice', 'nope') });
    const malformed = await fetch(`${h.url}/v2/auth/me`, { headers: { authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` } });
    const deploy = await fetch(`${h.url}/v2/deployments`, { method: 'POST', headers: { ...basic('mia', password), 'content-type': 'application/xml' }, body: h.xml });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(malformed.status).toBe(401);
    expect(deploy.status).toBe(403);
  });

  it('counts failed Basic attempts in the login throttle: past the limit even the right password waits (429)', async () => {
    // given: two failures allowed per (IP, username)
    h = await authHarness({ loginThrottle: { maxFailuresPerUserAndIp: 2 } });
    for (let i = 0; i < 2; i++) expect((await fetch(`${h.url}/v2/auth/me`, { headers: basic('oscar', 'guess') })).status).toBe(401);
    // when
    const res = await fetch(`${h.url}/v2/auth/me`, { headers: basic('oscar', password) });
    // then
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('needs no CSRF token: Basic credentials are not a browser session', async () => {
    h = await authHarness();
    const res = await fetch(`${h.url}/v2/deployments`, { method: 'POST', headers: { ...basic('alice', password), 'content-type': 'application/xml' }, body: h.xml });
    expect(res.status).toBe(200);
  });
});

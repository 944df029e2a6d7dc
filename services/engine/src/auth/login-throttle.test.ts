import { afterEach, describe, expect, it } from 'vitest';
import { authHarness, password, type AuthHarness } from './__fixtures__/auth-harness.js';
import { createLoginThrottle } from './login-throttle.js';

describe('login rate limiting (POST /v2/auth/login)', () => {
  let h: AuthHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const loginAs = (url: string, username: string, secret: string) =>
    fetch(`${url}/v2/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: secret }) });

  it('refuses a username after 5 failures in 15 minutes with 429 and Retry-After, even with the right password', async () => {
    // given five wrong passwords for mia
    let now = 1_000_000;
    h = await authHarness({ now: () => now });
    for (let i = 0; i < 5; i += 1) expect((await loginAs(h.url, 'mia', 'wrong')).status).toBe(401);
    // when she then sends the right one
    const refused = await loginAs(h.url, 'mia', password);
    // then she is refused without a session, told when to retry
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(await refused.json()).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 900 } });
    // and another user from the same client is not affected
    expect((await loginAs(h.url, 'carl', password)).status).toBe(200);
    // and once the oldest failure leaves the window, mia may log in
    now += 15 * 60 * 1000;
    expect((await loginAs(h.url, 'mia', password)).status).toBe(200);
  });

  it('refuses a client IP that fails across many usernames', async () => {
    h = await authHarness({ loginThrottle: { maxFailuresPerIp: 3 } });
    for (const username of ['mia', 'carl', 'nobody']) expect((await loginAs(h.url, username, 'wrong')).status).toBe(401);
    const refused = await loginAs(h.url, 'uma', password);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { detail: string }).detail).toContain('client');
  });

  it('clears the failures of a username when it logs in', async () => {
    h = await authHarness();
    for (let i = 0; i < 4; i += 1) expect((await loginAs(h.url, 'mia', 'wrong')).status).toBe(401);
    expect((await loginAs(h.url, 'mia', password)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await loginAs(h.url, 'mia', 'wrong')).status).toBe(401);
    expect((await loginAs(h.url, 'mia', password)).status).toBe(200);
  });
});

describe('createLoginThrottle', () => {
  it('slides the window: the wait is counted from the oldest failure that still counts', () => {
    const throttle = createLoginThrottle({ maxFailuresPerUser: 2, windowMs: 10_000 });
    throttle.failed('mia', 'ip', 0);
    throttle.failed('mia', 'ip', 4_000);
    expect(() => throttle.check('mia', 'ip', 5_000)).toThrow(expect.objectContaining({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 5 } }));
    expect(() => throttle.check('mia', 'ip', 10_001)).not.toThrow();
    throttle.failed('mia', 'ip', 10_001);
    expect(() => throttle.check('mia', 'ip', 10_002)).toThrow(expect.objectContaining({ details: { retryAfterSeconds: 4 } }));
  });

  it('forgets the longest-quiet keys beyond maxTracked', () => {
    const throttle = createLoginThrottle({ maxFailuresPerUser: 1, maxFailuresPerIp: 100, maxTracked: 2 });
    throttle.failed('a', 'ip', 0);
    throttle.failed('b', 'ip', 1);
    throttle.failed('c', 'ip', 2);
    expect(() => throttle.check('a', 'other', 3)).not.toThrow();
    expect(() => throttle.check('c', 'other', 3)).toThrow(expect.objectContaining({ code: 'TOO_MANY_REQUESTS' }));
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { authHarness, password, type AuthHarness } from './__fixtures__/auth-harness.js';
import { createInMemoryIdentityStore } from './in-memory-identity-store.js';
import { createLoginThrottle } from './login-throttle.js';

describe('login rate limiting (POST /v2/auth/login)', () => {
  let h: AuthHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  /** A login from client address `ip` (light-my-request sets the socket's peer address, which is what `request.ip` reads). */
  const loginFrom = (harness: AuthHarness, ip: string, username: string, secret: string) =>
    harness.app.inject({ method: 'POST', url: '/v2/auth/login', remoteAddress: ip, payload: { username, password: secret } });

  it('issue 12 (6b): five wrong passwords for the admin from one client do not stop the admin logging in from another', async () => {
    // given: an attacker at 203.0.113.9 sends five wrong passwords for alice
    h = await authHarness();
    for (let i = 0; i < 5; i += 1) expect((await loginFrom(h, '203.0.113.9', 'alice', 'wrong')).statusCode).toBe(401);
    expect((await loginFrom(h, '203.0.113.9', 'alice', password)).statusCode).toBe(429);
    // when: alice logs in from her own address
    const real = await loginFrom(h, '198.51.100.7', 'alice', password);
    // then: she gets her session
    expect(real.statusCode).toBe(200);
    expect(real.cookies.map((c) => c.name)).toContain('baton_session');
  });

  it('makes one client wait for one username after 5 failures, even with the right password, doubling the wait with each further failure', async () => {
    // given five wrong passwords for mia from one client
    let now = 1_000_000;
    h = await authHarness({ now: () => now });
    for (let i = 0; i < 5; i += 1) expect((await loginFrom(h, '10.0.0.1', 'mia', 'wrong')).statusCode).toBe(401);
    // when she then sends the right one
    const refused = await loginFrom(h, '10.0.0.1', 'mia', password);
    // then she is refused without a session, told when to retry
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.cookies).toEqual([]);
    expect(refused.json()).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 60 } });
    // and another user from the same client is not affected
    expect((await loginFrom(h, '10.0.0.1', 'carl', password)).statusCode).toBe(200);
    // when the wait is over and one more failure comes, the next wait is twice as long
    now += 60_000;
    expect((await loginFrom(h, '10.0.0.1', 'mia', 'wrong')).statusCode).toBe(401);
    expect((await loginFrom(h, '10.0.0.1', 'mia', password)).headers['retry-after']).toBe('120');
    // and once that wait is over, the right password logs her in
    now += 120_000;
    expect((await loginFrom(h, '10.0.0.1', 'mia', password)).statusCode).toBe(200);
  });

  it('refuses a client IP that fails across many usernames', async () => {
    h = await authHarness({ loginThrottle: { maxFailuresPerIp: 3 } });
    for (const username of ['mia', 'carl', 'nobody']) expect((await loginFrom(h, '10.0.0.2', username, 'wrong')).statusCode).toBe(401);
    const refused = await loginFrom(h, '10.0.0.2', 'uma', password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<{ detail: string }>().detail).toContain('from this client');
    expect((await loginFrom(h, '10.0.0.3', 'uma', password)).statusCode).toBe(200);
  });

  it('clears the failures of a username from a client when it logs in there', async () => {
    h = await authHarness();
    for (let i = 0; i < 4; i += 1) expect((await loginFrom(h, '10.0.0.4', 'mia', 'wrong')).statusCode).toBe(401);
    expect((await loginFrom(h, '10.0.0.4', 'mia', password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await loginFrom(h, '10.0.0.4', 'mia', 'wrong')).statusCode).toBe(401);
    expect((await loginFrom(h, '10.0.0.4', 'mia', password)).statusCode).toBe(200);
  });
});

describe('createLoginThrottle', () => {
  const retryAfter = async (check: Promise<void>): Promise<unknown> =>
    check.then(
      () => undefined,
      (error: unknown) => (error as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds,
    );

  it('caps the doubling wait at maxLockMs and starts a pair again after resetAfterMs without failures', async () => {
    const throttle = createLoginThrottle(createInMemoryIdentityStore(), { maxFailuresPerUserAndIp: 1, firstLockMs: 10_000, maxLockMs: 25_000, resetAfterMs: 100_000, maxFailuresPerIp: 100 });
    let now = 0;
    const waits: unknown[] = [];
    for (let i = 0; i < 4; i += 1) {
      await throttle.failed('mia', 'ip', now);
      waits.push(await retryAfter(throttle.check('mia', 'ip', now)));
      now += 30_000;
    }
    expect(waits).toEqual([10, 20, 25, 25]);
    // a long quiet: the pair starts again at the first wait
    now += 100_000;
    expect(await retryAfter(throttle.check('mia', 'ip', now))).toBeUndefined();
    await throttle.failed('mia', 'ip', now);
    expect(await retryAfter(throttle.check('mia', 'ip', now))).toBe(10);
  });

  it('slides the per-IP window: the wait is counted from the oldest failure that still counts', async () => {
    const throttle = createLoginThrottle(createInMemoryIdentityStore(), { maxFailuresPerIp: 2, windowMs: 10_000 });
    await throttle.failed('mia', 'ip', 0);
    await throttle.failed('carl', 'ip', 4_000);
    expect(await retryAfter(throttle.check('uma', 'ip', 5_000))).toBe(5);
    expect(await retryAfter(throttle.check('uma', 'ip', 10_001))).toBeUndefined();
    await throttle.failed('cleo', 'ip', 10_001);
    expect(await retryAfter(throttle.check('uma', 'ip', 10_002))).toBe(4);
  });

  it('counts in the store it is given: two nodes on one store share the count', async () => {
    const store = createInMemoryIdentityStore();
    const [a, b] = [createLoginThrottle(store, { maxFailuresPerUserAndIp: 2 }), createLoginThrottle(store, { maxFailuresPerUserAndIp: 2 })];
    await a.failed('mia', 'ip', 0);
    await b.failed('mia', 'ip', 1);
    expect(await retryAfter(a.check('mia', 'ip', 2))).toBe(60);
    await b.succeeded('mia', 'ip');
    expect(await retryAfter(a.check('mia', 'ip', 2))).toBeUndefined();
  });

  it('in memory, forgets the longest-quiet pairs beyond maxTrackedLogins', async () => {
    const throttle = createLoginThrottle(createInMemoryIdentityStore({ maxTrackedLogins: 2 }), { maxFailuresPerUserAndIp: 1, maxFailuresPerIp: 100 });
    await throttle.failed('a', 'ip', 0);
    await throttle.failed('b', 'ip', 1);
    await throttle.failed('c', 'ip', 2);
    expect(await retryAfter(throttle.check('a', 'ip', 3))).toBeUndefined();
    expect(await retryAfter(throttle.check('c', 'ip', 3))).toBe(60);
  });
});

import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryEngine } from '@baton/memory';
import { createRuntimeEngineApi } from '../runtime-engine-api.js';
import { buildServer } from '../server.js';
import { createInMemoryIdentityStore } from './in-memory-identity-store.js';
import { apiKeys, authHarness, login, password, testIdentity, type AuthHarness } from './__fixtures__/auth-harness.js';

describe('browser sessions, CSRF and API keys', () => {
  let h: AuthHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const post = (url: string, path: string, headers: Record<string, string>, body: unknown = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('logs in with a signed httpOnly SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    h = await authHarness();
    const res = await post(h.url, '/v2/auth/login', {}, { username: 'mia', password });
    expect(res.status).toBe(200);
    const [session, csrf] = res.headers.getSetCookie();
    expect(session).toMatch(/^baton_session=[^;]+\.[^;]+;/);
    expect(session).toContain('HttpOnly');
    expect(session).toContain('SameSite=Strict');
    expect(csrf).toMatch(/^baton_csrf=/);
    expect(csrf).not.toContain('HttpOnly');
    expect(await res.json()).toMatchObject({ username: 'mia', via: 'session', roles: ['user'], groups: ['managers'], csrfToken: expect.any(String) });
  });

  it('answers a wrong password and an unknown user alike, with 401 and no cookie', async () => {
    h = await authHarness();
    const wrong = await post(h.url, '/v2/auth/login', {}, { username: 'mia', password: 'nope' });
    const unknown = await post(h.url, '/v2/auth/login', {}, { username: 'nobody', password });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(await res.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'Unknown user or wrong password.' });
    }
  });

  it('refuses a state-changing request of a session without the CSRF token, and changes nothing', async () => {
    // given
    h = await authHarness();
    const { approve } = await h.atTasks();
    const { cookie, csrfToken } = await login(h.url, 'mia');
    const before = await h.snapshot();
    // when
    const missing = await post(h.url, `/v2/user-tasks/${approve}/completion`, { cookie });
    const wrong = await post(h.url, `/v2/user-tasks/${approve}/completion`, { cookie, 'x-csrf-token': `${csrfToken}x` });
    // then
    for (const res of [missing, wrong]) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toContain('x-csrf-token');
    }
    expect(await h.snapshot()).toEqual(before);
    expect((await post(h.url, `/v2/user-tasks/${approve}/completion`, { cookie, 'x-csrf-token': csrfToken })).status).toBe(204);
  });

  it('does not accept a tampered, expired or logged-out session', async () => {
    let now = Date.now();
    h = await authHarness({ now: () => now, sessionTtlMs: 60_000 });
    const { url } = h;
    const { cookie, csrfToken } = await login(url, 'mia');
    const me = (headers: Record<string, string>) => fetch(`${url}/v2/auth/me`, { headers });
    expect((await me({ cookie })).status).toBe(200);
    const [, value = ''] = /baton_session=([^;]+)/.exec(cookie) ?? [];
    const forged = Buffer.from(JSON.stringify({ username: 'alice', expiresAt: now + 60_000, csrfToken })).toString('base64url');
    expect((await me({ cookie: `baton_session=${forged}.${value.split('.').pop() ?? ''}` })).status).toBe(401);
    now += 60_001;
    expect((await me({ cookie })).status).toBe(401);
    now -= 60_001;
    const logout = await post(url, '/v2/auth/logout', { cookie, 'x-csrf-token': csrfToken });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join()).toContain('baton_session=;');
  });

  it('issue 12 (3): refuses the cookie of a logged-out session for the rest of its lifetime, and no other session', async () => {
    // given: mia logged in twice (two browsers)
    h = await authHarness();
    const me = (cookie: string) => fetch(`${h?.url}/v2/auth/me`, { headers: { cookie } });
    const first = await login(h.url, 'mia');
    const second = await login(h.url, 'mia');
    // when: the first logs out, and the client keeps the old cookie
    expect((await post(h.url, '/v2/auth/logout', { cookie: first.cookie, 'x-csrf-token': first.csrfToken })).status).toBe(204);
    // then: the old cookie is refused, for reading and for changing
    expect((await me(first.cookie)).status).toBe(401);
    expect((await post(h.url, '/v2/auth/logout', { cookie: first.cookie, 'x-csrf-token': first.csrfToken })).status).toBe(401);
    // and the other session, and a new login, go on
    expect((await me(second.cookie)).status).toBe(200);
    expect((await me((await login(h.url, 'mia')).cookie)).status).toBe(200);
  });

  it('issue 12 (3): a new password ends the user\'s sessions; a deleted user\'s sessions stay ended when the user comes back', async () => {
    // given
    h = await authHarness();
    const me = (cookie: string) => fetch(`${h?.url}/v2/auth/me`, { headers: { cookie } });
    const before = await login(h.url, 'uma');
    // when: the admin sets a new password for uma
    expect((await h.request('alice', 'PUT', '/v2/identity/users/uma', { password: 'new-password-1', roles: ['user'] })).status).toBe(204);
    // then: her old session is refused; she logs in with the new password
    expect((await me(before.cookie)).status).toBe(401);
    const after = await login(h.url, 'uma', 'new-password-1');
    expect((await me(after.cookie)).status).toBe(200);
    // when: a change of her roles only: her session goes on with the new roles
    expect((await h.request('alice', 'PUT', '/v2/identity/users/uma', { roles: ['user', 'operator'] })).status).toBe(204);
    expect(await (await me(after.cookie)).json()).toMatchObject({ username: 'uma', roles: ['operator', 'user'] });
    // when: she is deleted, then created again
    expect((await h.request('alice', 'DELETE', '/v2/identity/users/uma')).status).toBe(204);
    expect((await me(after.cookie)).status).toBe(401);
    expect((await h.request('alice', 'PUT', '/v2/identity/users/uma', { password: 'new-password-2', roles: ['user'] })).status).toBe(204);
    // then: the session of the deleted account does not come back with the new one
    expect((await me(after.cookie)).status).toBe(401);
    expect((await me((await login(h.url, 'uma', 'new-password-2')).cookie)).status).toBe(200);
  });

  it('answers 503 STORE_UNAVAILABLE to a session it cannot check against the identity store, rather than trust it', async () => {
    // given: a node whose identity store closes after mia logged in
    const runtime = createInMemoryEngine({ nodeId: 'store-node' });
    const engine = await createRuntimeEngineApi({ engine: runtime, bus: runtime.bus });
    const store = createInMemoryIdentityStore();
    const app = await buildServer({ engine, nodeId: 'store-node', logger: pino({ level: 'silent' }), auth: { identity: await testIdentity() }, identitySync: { store } });
    const loggedIn = await app.inject({ method: 'POST', url: '/v2/auth/login', payload: { username: 'mia', password } });
    const cookie = loggedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await app.inject({ method: 'GET', url: '/v2/auth/me', headers: { cookie } })).statusCode).toBe(200);
    // when
    await store.close();
    const res = await app.inject({ method: 'GET', url: '/v2/auth/me', headers: { cookie } });
    await app.close();
    await engine.close();
    // then
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('refuses a validly signed session cookie without a session id (from before issue 12), which no logout could end', async () => {
    h = await authHarness();
    const legacy = Buffer.from(JSON.stringify({ username: 'mia', expiresAt: Date.now() + 60_000, csrfToken: 'c' })).toString('base64url');
    const res = await fetch(`${h.url}/v2/auth/me`, { headers: { cookie: `baton_session=${h.app.signCookie(legacy)}` } });
    expect(res.status).toBe(401);
  });

  it('ends the sessions of a user the admin deletes', async () => {
    h = await authHarness();
    const { cookie } = await login(h.url, 'uma');
    expect((await h.request('alice', 'DELETE', '/v2/identity/users/uma')).status).toBe(204);
    expect((await fetch(`${h.url}/v2/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses an unknown API key, a wrong secret and another scheme with 401', async () => {
    h = await authHarness();
    const secret = apiKeys.payKey.key;
    for (const authorization of [`Bearer baton_nobody_${'a'.repeat(43)}`, `Bearer ${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, `Basic ${Buffer.from('mia:x').toString('base64')}`]) {
      const res = await fetch(`${h.url}/v2/auth/me`, { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect((await fetch(`${h.url}/v2/auth/me`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
  });

  it('never writes a password (at login or when an admin sets one) or an API key to the log', async () => {
    // given a node logging everything to memory
    let log = '';
    const sink = new Writable({ write: (chunk, _encoding, done) => ((log += String(chunk)), done()) });
    const runtime = createInMemoryEngine({ nodeId: 'log-node' });
    const engine = await createRuntimeEngineApi({ engine: runtime, bus: runtime.bus });
    const app = await buildServer({ engine, nodeId: 'log-node', logger: pino({ level: 'trace' }, sink), auth: { identity: await testIdentity() } });
    // when
    await app.inject({ method: 'POST', url: '/v2/auth/login', payload: { username: 'mia', password } });
    await app.inject({ method: 'POST', url: '/v2/auth/login', payload: { username: 'mia', password: 'wrong-secret-123' } });
    await app.inject({ method: 'GET', url: '/v2/auth/me', headers: { authorization: `Bearer ${apiKeys.payKey.key}` } });
    const admin = await app.inject({ method: 'POST', url: '/v2/auth/login', payload: { username: 'alice', password } });
    const cookie = admin.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const created = await app.inject({
      method: 'PUT',
      url: '/v2/identity/users/zed',
      headers: { cookie, 'x-csrf-token': admin.json<{ csrfToken: string }>().csrfToken },
      payload: { password: 'new-user-secret-456', roles: ['user'] },
    });
    await app.close();
    await engine.close();
    // then
    expect(created.statusCode).toBe(204);
    expect(log).toContain('logged in');
    expect(log).toContain('user saved');
    for (const secret of [password, 'wrong-secret-123', apiKeys.payKey.key, 'new-user-secret-456']) expect(log).not.toContain(secret);
  });
});

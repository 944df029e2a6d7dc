import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startNode, type RunningNode, type StartNodeOptions } from '../../../services/engine/src/index.js';
import { password, testIdentity } from '../../../services/engine/src/auth/__fixtures__/auth-harness.js';
import type { IdentityData } from '../../../services/engine/src/auth/identity.js';
import { emptyDatabase, onDatabase } from '../../cluster/support/redis-database.js';

// The nodes keep their keys under the fixed prefix `baton` (what `baton serve --store redis://…`
// does), so this file owns Redis database 8 and empties it before and after.
const database = 8;
const zedPassword = 'zed-password-1';

interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

async function logIn(node: RunningNode, username: string, secret: string): Promise<{ status: number; session?: Session }> {
  const res = await fetch(`${node.url}/v2/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: secret }) });
  if (res.status !== 200) return { status: res.status };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { status: 200, session: { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken } };
}

async function loggedIn(node: RunningNode, username: string, secret = password): Promise<Session> {
  const { status, session } = await logIn(node, username, secret);
  if (session === undefined) throw new Error(`login of ${username} on ${node.nodeId}: ${status}`);
  return session;
}

const call = (node: RunningNode, session: Session, method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${node.url}${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const usernames = async (node: RunningNode, admin: Session): Promise<string[]> =>
  ((await (await call(node, admin, 'GET', '/v2/identity/users')).json()) as { items: { username: string }[] }).items.map((u) => u.username).sort();

/** Users and groups changed on one node reach the others and survive restarts (issue 7). */
describe('identity managed in the store, across nodes on one Redis', () => {
  const redisUrl = onDatabase(inject('redisUrl'), database);
  let identity: IdentityData;
  const running: RunningNode[] = [];
  const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;

  const start = async (nodeId: string, extra: Partial<StartNodeOptions>): Promise<RunningNode> => {
    const node = await startNode({ ...quiet, nodeId, store: redisUrl, queue: redisUrl, ...extra, auth: { identity, sessionSecret: 's'.repeat(32), ...extra.auth } });
    running.push(node);
    return node;
  };
  const stopAll = async (): Promise<void> => {
    await Promise.all(running.splice(0).map((node) => node.close()));
  };

  beforeAll(async () => {
    identity = await testIdentity();
    await emptyDatabase(redisUrl);
  });
  afterEach(async () => {
    await stopAll();
    await emptyDatabase(redisUrl);
  });
  afterAll(async () => {
    await emptyDatabase(redisUrl);
  });

  it('a user created on node A logs in on B; a user deleted on A is refused on B; both stay so after a restart', async () => {
    // given: two nodes on one Redis and one NATS cluster namespace
    const nodesOn = async () => {
      const bus = { bus: inject('natsUrl'), cluster: `identity-${randomUUID()}` };
      return [await start('node-a', bus), await start('node-b', bus)] as const;
    };
    let [a, b] = await nodesOn();
    const adminOnA = await loggedIn(a, 'alice');
    const adminOnB = await loggedIn(b, 'alice');
    const umaOnB = await loggedIn(b, 'uma');
    // when: the admin creates zed and deletes uma (a user of the identity file) on A
    const created = await call(a, adminOnA, 'PUT', '/v2/identity/users/zed', { password: zedPassword, roles: ['operator'], groups: ['managers'] });
    expect(created.status).toBe(204);
    expect((await call(a, adminOnA, 'DELETE', '/v2/identity/users/uma')).status).toBe(204);
    // then: A applied both at once
    expect(await usernames(a, adminOnA)).toEqual(['alice', 'carl', 'cleo', 'mia', 'oscar', 'zed']);
    // and B, told on the bus, too: zed logs in there with his groups and roles, uma's session ends, her login is refused
    await vi.waitFor(async () => expect(await usernames(b, adminOnB)).toEqual(['alice', 'carl', 'cleo', 'mia', 'oscar', 'zed']), { timeout: 10_000, interval: 50 });
    const zedOnB = await loggedIn(b, 'zed', zedPassword);
    expect(await (await call(b, zedOnB, 'GET', '/v2/auth/me')).json()).toMatchObject({ username: 'zed', roles: ['operator'], groups: ['managers'] });
    expect((await call(b, umaOnB, 'GET', '/v2/auth/me')).status).toBe(401);
    expect((await logIn(b, 'uma', password)).status).toBe(401);
    // and the password is stored scrypt-hashed, never as given, and the API never shows the hash
    const redis = new Redis(redisUrl);
    const stored = await redis.hget('baton:identity:users', 'zed').finally(() => redis.disconnect());
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ username: 'zed', passwordHash: expect.stringMatching(/^scrypt\$/) });
    expect(stored).not.toContain(zedPassword);
    expect(JSON.stringify(await (await call(a, adminOnA, 'GET', '/v2/identity/users')).json())).not.toContain('scrypt');

    // when: both nodes restart
    await stopAll();
    [a, b] = await nodesOn();
    // then: the changes are kept on both
    for (const node of [a, b]) {
      expect((await logIn(node, 'zed', zedPassword)).status, node.nodeId).toBe(200);
      expect((await logIn(node, 'uma', password)).status, node.nodeId).toBe(401);
      expect(await usernames(node, await loggedIn(node, 'alice'))).toEqual(['alice', 'carl', 'cleo', 'mia', 'oscar', 'zed']);
    }
  });

  it('issue 13: a user created with POST /v2/users on node A, and given a role there, logs in with HTTP Basic on node B', async () => {
    // given: two nodes on one Redis and one NATS cluster namespace
    const bus = { bus: inject('natsUrl'), cluster: `identity-${randomUUID()}` };
    const a = await start('node-a', bus);
    const b = await start('node-b', bus);
    const adminOnA = await loggedIn(a, 'alice');
    const adminOnB = await loggedIn(b, 'alice');
    // when: the admin creates nina on A and makes her an operator
    const created = await call(a, adminOnA, 'POST', '/v2/users', { username: 'nina', password: zedPassword, name: 'Nina' });
    expect(created.status).toBe(201);
    expect((await call(a, adminOnA, 'PUT', '/v2/roles/operator/users/nina')).status).toBe(204);
    // then: B has her, with the role (the admin's view on B, not a guess at timing)
    await vi.waitFor(async () => expect(await (await call(b, adminOnB, 'POST', '/v2/roles/operator/users/search', {})).json()).toMatchObject({ items: expect.arrayContaining([{ username: 'nina' }]) }), {
      timeout: 10_000,
      interval: 50,
    });
    // and she authenticates on B with Basic credentials, as Camunda's client (strategy BASIC) sends them
    const basic = { authorization: `Basic ${Buffer.from(`nina:${zedPassword}`).toString('base64')}` };
    const me = await fetch(`${b.url}/v2/authentication/me`, { headers: basic });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'nina', displayName: 'Nina', roles: ['operator'], canLogout: false });
    expect((await fetch(`${b.url}/v2/process-instances/search`, { method: 'POST', headers: { ...basic, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    // and the store keeps only the hash
    const redis = new Redis(redisUrl);
    const stored = await redis.hget('baton:identity:users', 'nina').finally(() => redis.disconnect());
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ username: 'nina', roles: ['operator'], passwordHash: expect.stringMatching(/^scrypt\$/) });
    expect(stored).not.toContain(zedPassword);
  });

  it('issue 12 (3): a logout, a new password or a deletion on node A ends the session on node B at once, with no bus between them', async () => {
    // given: two nodes on one Redis, each with its own in-memory bus (only the store links them), sessions valid on both
    const a = await start('node-a', { bus: 'memory' });
    const b = await start('node-b', { bus: 'memory' });
    const me = async (node: RunningNode, session: Session): Promise<number> => (await call(node, session, 'GET', '/v2/auth/me')).status;
    const admin = await loggedIn(a, 'alice');
    const mia = await loggedIn(a, 'mia');
    const uma = await loggedIn(b, 'uma');
    const oscar = await loggedIn(a, 'oscar');
    expect([await me(b, admin), await me(b, mia), await me(a, uma), await me(b, oscar)]).toEqual([200, 200, 200, 200]);
    // when: oscar logs out on A; then, as soon as it has answered, his cookie is used on B
    expect((await call(a, oscar, 'POST', '/v2/auth/logout')).status).toBe(204);
    // then
    expect(await me(b, oscar)).toBe(401);
    // when: the admin gives mia a new password and deletes uma on A
    expect((await call(a, admin, 'PUT', '/v2/identity/users/mia', { password: zedPassword, roles: ['user'] })).status).toBe(204);
    expect((await call(a, admin, 'DELETE', '/v2/identity/users/uma')).status).toBe(204);
    // then: B refuses both old sessions on the next request, and knows the new password
    expect(await me(b, mia)).toBe(401);
    expect(await me(b, uma)).toBe(401);
    expect((await logIn(b, 'mia', zedPassword)).status).toBe(200);
    expect((await logIn(b, 'uma', password)).status).toBe(401);
    // and the admin's session is untouched on both
    expect([await me(a, admin), await me(b, admin)]).toEqual([200, 200]);
  });

  it('issue 12 (6b): failed logins on node A count on node B; the user still logs in from another client', async () => {
    // given: two nodes on one Redis, no bus between them
    const a = await start('node-a', { bus: 'memory' });
    const b = await start('node-b', { bus: 'memory' });
    // when: five wrong passwords for mia from this client, spread over both nodes
    for (const node of [a, b, a, b, a]) expect((await logIn(node, 'mia', 'wrong')).status).toBe(401);
    // then: the right one is refused on either node from this client, with the wait
    for (const node of [a, b]) {
      const refused = await fetch(`${node.url}/v2/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'mia', password }) });
      expect(refused.status, node.nodeId).toBe(429);
      expect(refused.headers.get('retry-after'), node.nodeId).toMatch(/^\d+$/);
    }
    // and the count is kept per client and username in the store, nothing locks mia's account for another client
    const redis = new Redis(redisUrl);
    const pair = await redis.hgetall(`baton:identity:login-fail:${JSON.stringify(['127.0.0.1', 'mia'])}`).finally(() => redis.disconnect());
    expect(pair).toMatchObject({ count: '5' });
    const fromElsewhere = await b.app.inject({ method: 'POST', url: '/v2/auth/login', remoteAddress: '198.51.100.7', payload: { username: 'mia', password } });
    expect(fromElsewhere.statusCode).toBe(200);
  });

  it('without a shared bus, a node sees another\'s change on its next session request or login (issue 12: the store is asked each time)', async () => {
    // given: two nodes on one Redis, each with its own in-memory bus (no message reaches the other), on one clock that never moves
    const now = Date.now();
    const clock = { auth: { identity, sessionSecret: 's'.repeat(32), now: () => now } };
    const a = await start('node-a', { bus: 'memory', ...clock });
    const b = await start('node-b', { bus: 'memory', ...clock });
    const adminOnA = await loggedIn(a, 'alice');
    const adminOnB = await loggedIn(b, 'alice');
    // when: zed is created on A
    expect((await call(a, adminOnA, 'PUT', '/v2/identity/users/zed', { password: zedPassword, roles: ['user'] })).status).toBe(204);
    // then: B's next session request shows him, and he logs in on B, without waiting for the 30 s check
    expect(await usernames(b, adminOnB)).toContain('zed');
    expect((await logIn(b, 'zed', zedPassword)).status).toBe(200);
  });
});

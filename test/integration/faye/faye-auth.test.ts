import { createFayeMessageBus, createFayeServer, type FayeMessageBus, type RunningFayeServer } from '@baton/faye';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const token = 'secret-token';
let server: RunningFayeServer;
const buses: FayeMessageBus[] = [];

interface Reply {
  readonly channel?: string;
  readonly successful?: boolean;
  readonly error?: string;
  readonly clientId?: string;
}

/** One raw Bayeux round trip over HTTP long-polling, as an attacker would send it. */
async function bayeux(message: Record<string, unknown>): Promise<Reply> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([message]),
  });
  const replies = (await response.json()) as Reply[];
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

async function handshake(ext: Record<string, unknown>): Promise<Reply> {
  return bayeux({ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], ext });
}

beforeAll(async () => {
  server = await createFayeServer({ port: 0, token });
});

afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});

afterAll(async () => {
  await server.close();
});

describe('the Faye endpoint token check', () => {
  it('refuses a bus without the token or with a wrong one with UNAUTHENTICATED', async () => {
    await expect(createFayeMessageBus({ url: server.url })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(createFayeMessageBus({ url: server.url, token: 'guess' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a raw handshake without the token and accepts one with it', async () => {
    expect(await handshake({})).toMatchObject({ successful: false, error: '401::Unauthorized' });
    expect(await handshake({ token })).toMatchObject({ successful: true });
  });

  it('refuses a subscribe without the token even with a valid client id', async () => {
    // given
    const { clientId } = await handshake({ token });

    // when
    const refused = await bayeux({ channel: '/meta/subscribe', clientId, subscription: '/secret/**' });
    const allowed = await bayeux({ channel: '/meta/subscribe', clientId, subscription: '/secret/**', ext: { token } });

    // then
    expect(refused).toMatchObject({ successful: false, error: '401::Unauthorized' });
    expect(allowed).toMatchObject({ successful: true });
  });
});

describe('the Faye endpoint against /meta channel tricks (CVE-2020-11020)', () => {
  const tricks = [
    '/meta/subscribe/x',
    '/meta/subscribe/',
    '//meta/subscribe',
    '/meta//subscribe',
    '/meta/./subscribe',
    '/x/../meta/subscribe',
    '/%6Deta/subscribe',
    '/meta/handshake/../subscribe',
  ];

  it.each(tricks)('refuses a subscribe sent on %s, token or not, and nothing gets subscribed', async (channel) => {
    // given
    const root = `s${randomUUID().replaceAll('-', '')}`;
    const { clientId } = await handshake({ token });
    const bus = await createFayeMessageBus({ url: server.url, token });
    buses.push(bus);

    // when
    const withoutToken = await bayeux({ channel, clientId, subscription: `/${root}/**` });
    const withToken = await bayeux({ channel, clientId, subscription: `/${root}/**`, ext: { token } });

    // then
    expect(withoutToken.successful).toBe(false);
    expect(withToken.successful).toBe(false);
    // Had a subscription landed, the endpoint would let this request wait for an answer.
    await expect(bus.request(`${root}.x`, {}, { timeoutMs: 10_000 })).rejects.toThrow(/nobody subscribes/);
  });

  it.each(['//secret', '/meta/**', '/meta/connect', '/service/x', '/a/./b'])('refuses a subscription to %s', async (subscription) => {
    // given
    const { clientId } = await handshake({ token });

    // when
    const reply = await bayeux({ channel: '/meta/subscribe', clientId, subscription, ext: { token } });

    // then
    expect(reply).toMatchObject({ successful: false });
    expect(reply.error).toMatch(/^40[35]::/);
  });

  it('refuses a publish to a non-canonical channel and never delivers it', async () => {
    // given
    const root = `p${randomUUID().replaceAll('-', '')}`;
    const bus = await createFayeMessageBus({ url: server.url, token });
    buses.push(bus);
    const got: unknown[] = [];
    await bus.subscribe(`${root}.>`, (m) => void got.push(m.data));
    const { clientId } = await handshake({ token });

    // when
    const sneaky = await bayeux({ channel: `/${root}//x`, clientId, data: { subject: `${root}.x`, data: 'sneaky' }, ext: { token } });
    await bus.publish(`${root}.x`, 'straight');

    // then
    expect(sneaky).toMatchObject({ successful: false });
    await expect.poll(() => got).toEqual(['straight']);
  });

  it.each(['/META/subscribe', '/Meta/handshake', '/Service/x'])('refuses a publish to %s, which Faye alone takes for a plain channel', async (channel) => {
    // given
    const { clientId } = await handshake({ token });

    // when
    const reply = await bayeux({ channel, clientId, data: 'x', ext: { token } });

    // then
    expect(reply).toMatchObject({ successful: false, error: '403::Forbidden channel' });
  });
});

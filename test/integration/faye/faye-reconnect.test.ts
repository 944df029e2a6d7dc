import { createFayeMessageBus, createFayeServer, type FayeConnectionChange, type FayeMessageBus, type RunningFayeServer } from '@baton/faye';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const token = 'reconnect-token';
/** Bounds for a broken reconnect, not timing assertions. */
const reconnectBound = { timeout: 10_000, interval: 20 };

describe('FayeMessageBus and the endpoint', () => {
  let server: RunningFayeServer;
  let buses: FayeMessageBus[];
  let root: string;

  async function bus(onConnectionChange?: (change: FayeConnectionChange) => void): Promise<FayeMessageBus> {
    const created = await createFayeMessageBus({ url: server.url, token, retryIntervalMs: 50, ...(onConnectionChange ? { onConnectionChange } : {}) });
    buses.push(created);
    return created;
  }

  beforeEach(async () => {
    server = await createFayeServer({ port: 0, token });
    buses = [];
    root = `t${randomUUID().replaceAll('-', '')}`;
  });

  afterEach(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await server.close();
  });

  it('gives queue messages only to members still there after one closes', async () => {
    // given
    const [leaving, staying, publisher] = [await bus(), await bus(), await bus()];
    const kept: unknown[] = [];
    await leaving.subscribe(`${root}.work`, () => undefined, { queue: 'workers' });
    await staying.subscribe(`${root}.work`, (m) => void kept.push(m.data), { queue: 'workers' });

    // when: close resolves once the endpoint acknowledged the disconnect, which drops the member
    await leaving.close();
    for (let i = 0; i < 4; i++) await publisher.publish(`${root}.work`, i);

    // then
    await vi.waitFor(() => expect(kept).toEqual([0, 1, 2, 3]));
  });

  it('re-subscribes and rejoins its queue groups after the endpoint restarts', async () => {
    // given
    const changes: FayeConnectionChange[] = [];
    const [subscriber, publisher] = [await bus((change) => changes.push(change)), await bus()];
    const got: unknown[] = [];
    await subscriber.subscribe(`${root}.events`, (m) => void got.push(m.data));
    await subscriber.subscribe(`${root}.rpc`, (m) => m.respond?.(`pong:${String(m.data)}`), { queue: 'rpc' });
    const { port } = server;
    await server.close();
    await vi.waitFor(() => expect(changes).toContain('disconnected'), reconnectBound);

    // when
    server = await createFayeServer({ port, token });
    await vi.waitFor(() => expect(changes).toContain('reconnected'), reconnectBound);

    // then
    await vi.waitFor(async () => {
      await expect(publisher.request(`${root}.rpc`, 'ping', { timeoutMs: 1_000 })).resolves.toBe('pong:ping');
    }, reconnectBound);
    await publisher.publish(`${root}.events`, 'after');
    await vi.waitFor(() => expect(got).toEqual(['after']), reconnectBound);
  });

  it('refuses to start with SERVER_UNAVAILABLE when no endpoint answers', async () => {
    // given
    const { url } = server;
    await server.close();

    // when
    const outcome = createFayeMessageBus({ url, token, retryIntervalMs: 50, connectTimeoutMs: 300 });

    // then
    await expect(outcome).rejects.toMatchObject({ code: 'SERVER_UNAVAILABLE' });
  });
});

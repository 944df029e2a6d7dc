import { createNatsMessageBus, type NatsConnectionChange, type NatsMessageBus } from '@baton/nats';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/**
 * Bounds for a broken reconnect, not timing assertions: generous, because a machine
 * busy with the rest of the suite once took over 10 s to see the reconnection.
 */
const reconnectBound = { timeout: 20_000, interval: 20 };

describe('NatsMessageBus when the server goes away and comes back', () => {
  let proxy: TcpProxy;
  let direct: NatsMessageBus;
  let proxied: NatsMessageBus;
  let changes: NatsConnectionChange[];
  let root: string;

  beforeEach(async () => {
    const target = new URL(inject('natsUrl'));
    proxy = await startTcpProxy(target.hostname, Number(target.port));
    changes = [];
    root = `t${randomUUID().replaceAll('-', '')}`;
    direct = await createNatsMessageBus({ url: inject('natsUrl') });
    proxied = await createNatsMessageBus({
      url: `nats://${proxy.address}`,
      reconnectTimeWaitMs: 50,
      onConnectionChange: (change) => changes.push(change),
    });
  });

  afterEach(async () => {
    await Promise.all([direct.close(), proxied.close()]);
    await proxy.close();
  });

  it('reconnects, restores its subscriptions and answers requests again', async () => {
    // given
    const got: unknown[] = [];
    await proxied.subscribe(`${root}.events`, (m) => void got.push(m.data));
    await proxied.subscribe(`${root}.rpc`, (m) => m.respond?.(`pong:${String(m.data)}`), { queue: 'rpc' });
    await proxy.cut();
    await vi.waitFor(() => expect(changes).toContain('disconnected'), reconnectBound);

    // when
    await proxy.restore();
    await vi.waitFor(() => expect(changes).toContain('reconnected'), reconnectBound);
    await direct.publish(`${root}.events`, 'after');

    // then
    await vi.waitFor(() => expect(got).toEqual(['after']), reconnectBound);
    await expect(direct.request(`${root}.rpc`, 'ping', { timeoutMs: 5_000 })).resolves.toBe('pong:ping');
  }, 90_000);

  it('refuses a request with NO_CAPABLE_NODE while the server is away', async () => {
    // given
    await direct.subscribe(`${root}.rpc`, (m) => m.respond?.('pong'), { queue: 'rpc' });
    await proxy.cut();
    await vi.waitFor(() => expect(changes).toContain('disconnected'), reconnectBound);

    // when
    const outcome = proxied.request(`${root}.rpc`, 'ping', { timeoutMs: 100 });

    // then
    await expect(outcome).rejects.toMatchObject({ code: 'NO_CAPABLE_NODE' });
  });

  it('refuses to start with SERVER_UNAVAILABLE when no server answers', async () => {
    // given
    await proxy.cut();

    // when
    const outcome = createNatsMessageBus({ url: `nats://${proxy.address}` });

    // then
    await expect(outcome).rejects.toMatchObject({ code: 'SERVER_UNAVAILABLE' });
  });
});

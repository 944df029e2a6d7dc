import type { BusMessage, MessageBus } from '@baton/runtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uniqueId } from './fixtures.js';

/** Real servers under a loaded machine answer in seconds, not vi.waitFor's default 1 s; a broken contract still fails, later. */
const patiently = { timeout: 20_000, interval: 20 };

/** A bus under test and control over the time its request timeouts run on. */
export interface MessageBusHarness {
  readonly bus: MessageBus;
  /** Moves the bus's clock on (a virtual clock advances; a real one is awaited). */
  advanceBy(ms: number): Promise<void>;
}

/**
 * The MessageBus contract (see the port's TSDoc), written once and run on every
 * adapter. `make` returns a bus; each test uses subjects of its own.
 */
export function messageBusContract(make: () => MessageBusHarness | Promise<MessageBusHarness>): void {
  describe('MessageBus contract', () => {
    let h: MessageBusHarness;
    let root: string;
    beforeEach(async () => {
      h = await make();
      root = uniqueId('t').replace(/[^a-z0-9]/gi, '');
    });
    afterEach(async () => {
      await h.bus.close();
    });

    /** Collects what a pattern receives. */
    async function collect(pattern: string, queue?: string): Promise<BusMessage[]> {
      const got: BusMessage[] = [];
      await h.bus.subscribe(pattern, (m) => void got.push(m), queue === undefined ? {} : { queue });
      return got;
    }

    it('delivers a published message with its data to every matching subscription', async () => {
      const [first, second] = [await collect(`${root}.orders`), await collect(`${root}.orders`)];
      await h.bus.publish(`${root}.orders`, { id: 1, tags: ['a'] });
      await vi.waitFor(() => expect([first.length, second.length]).toEqual([1, 1]), patiently);
      expect(first[0]).toMatchObject({ subject: `${root}.orders`, data: { id: 1, tags: ['a'] } });
    });

    it('matches * to exactly one token and > to one or more trailing tokens', async () => {
      const star = await collect(`${root}.actions.*`);
      const tail = await collect(`${root}.actions.>`);
      const probe = await collect(`${root}.done`);
      for (const subject of [`${root}.actions`, `${root}.actions.mail`, `${root}.actions.mail.send`]) await h.bus.publish(subject, subject);
      await h.bus.publish(`${root}.done`, 'done');
      await vi.waitFor(() => expect(probe).toHaveLength(1), patiently);
      await vi.waitFor(() => expect(tail.map((m) => m.subject)).toEqual([`${root}.actions.mail`, `${root}.actions.mail.send`]), patiently);
      expect(star.map((m) => m.subject)).toEqual([`${root}.actions.mail`]);
    });

    it('gives each message to one member of a queue group, and to every plain subscriber', async () => {
      const [a, b, plain] = [await collect(`${root}.work`, 'workers'), await collect(`${root}.work`, 'workers'), await collect(`${root}.work`)];
      for (let i = 0; i < 10; i++) await h.bus.publish(`${root}.work`, i);
      await vi.waitFor(() => expect(plain).toHaveLength(10), patiently);
      await vi.waitFor(() => expect(a.length + b.length).toBe(10), patiently);
      const taken = [...a, ...b].map((m) => m.data as number).sort((x, y) => x - y);
      expect(taken).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('stops delivering after unsubscribe, and keeps delivering after a handler throws', async () => {
      const got: unknown[] = [];
      const gone: unknown[] = [];
      await h.bus.subscribe(`${root}.x`, (m) => {
        got.push(m.data);
        if (m.data === 1) throw new Error('handler bug');
      });
      const sub = await h.bus.subscribe(`${root}.x`, (m) => void gone.push(m.data));
      await h.bus.publish(`${root}.x`, 1);
      await vi.waitFor(() => expect(gone).toEqual([1]), patiently);
      await sub.unsubscribe();
      await h.bus.publish(`${root}.x`, 2);
      await vi.waitFor(() => expect(got).toEqual([1, 2]), patiently);
      expect(gone).toEqual([1]);
    });

    it('answers a request with the first reply', async () => {
      await h.bus.subscribe(`${root}.rpc`, (m) => m.respond?.({ echo: m.data }), { queue: 'rpc' });
      await expect(h.bus.request(`${root}.rpc`, 'hi', { timeoutMs: 5_000 })).resolves.toEqual({ echo: 'hi' });
    });

    it('refuses a request nobody subscribes to with NO_CAPABLE_NODE', async () => {
      await expect(h.bus.request(`${root}.nobody`, {}, { timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'NO_CAPABLE_NODE' });
    });

    it('refuses a request nobody answers in time with NO_CAPABLE_NODE', async () => {
      await h.bus.subscribe(`${root}.silent`, () => undefined);
      const pending = h.bus.request(`${root}.silent`, {}, { timeoutMs: 50 });
      const outcome = expect(pending).rejects.toMatchObject({ code: 'NO_CAPABLE_NODE' });
      await h.advanceBy(50);
      await outcome;
    });
  });
}

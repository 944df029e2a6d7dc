import { VirtualClock, type BusMessage } from '@baton/runtime';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryMessageBus } from './in-memory-message-bus.js';

describe('in-memory message bus isolation', () => {
  it('hands every subscriber the published value itself, not a copy', async () => {
    // given two subscribers
    const bus = new InMemoryMessageBus({ clock: new VirtualClock(0) });
    const got: BusMessage[] = [];
    await bus.subscribe('events.>', (m) => void got.push(m));
    await bus.subscribe('events.*', (m) => void got.push(m));
    const payload = { instanceId: 'i1', events: [{ type: 'JobCreated' }] };
    // when a value is published
    await bus.publish('events.order', payload);
    await vi.waitFor(() => expect(got).toHaveLength(2));
    // then both got that very value
    expect(got.map((m) => m.data)).toEqual([payload, payload]);
    expect(got[0]?.data).toBe(payload);
    expect(got[1]?.data).toBe(payload);
  });

  it('with freeze, hands it deep-frozen, so nobody can change it any more', async () => {
    // given two subscribers on a freezing bus
    const bus = new InMemoryMessageBus({ clock: new VirtualClock(0), freeze: true });
    const got: BusMessage[] = [];
    await bus.subscribe('events.>', (m) => void got.push(m));
    await bus.subscribe('events.*', (m) => void got.push(m));
    const payload: { instanceId: string; events: { type: string; job: { jobKey: string; customHeaders: Record<string, string> } }[] } = {
      instanceId: 'i1',
      events: [{ type: 'JobCreated', job: { jobKey: 'i1.2', customHeaders: { a: '1' } } }],
    };
    // when a value is published
    await bus.publish('events.order', payload);
    await vi.waitFor(() => expect(got).toHaveLength(2));
    // then both got it, and nobody can change it any more: not a subscriber, not the publisher
    expect(got.map((m) => m.data)).toEqual([payload, payload]);
    expect(Object.isFrozen(payload.events[0]?.job.customHeaders)).toBe(true);
    expect(() => {
      (got[0]?.data as typeof payload).events.push({ type: 'Forged', job: { jobKey: 'x', customHeaders: {} } });
    }).toThrow(TypeError);
  });

  it('still copies requests and replies', async () => {
    const bus = new InMemoryMessageBus({ clock: new VirtualClock(0) });
    const reply = { ok: true };
    await bus.subscribe('rpc', (m) => {
      (m.data as { seen?: boolean }).seen = true;
      m.respond?.(reply);
    });
    const request = { question: 1 };
    const answer = await bus.request('rpc', request, { timeoutMs: 1_000 });
    expect(answer).toEqual({ ok: true });
    expect(answer).not.toBe(reply);
    expect(request).toEqual({ question: 1 });
  });
});

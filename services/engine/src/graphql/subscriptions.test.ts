import { describe, expect, it } from 'vitest';
import { createEdgeEngineApi } from '../handoff/edge-engine-api.js';
import type { RestCaller } from './rest-call.js';
import { subscriptionResolvers, watch } from './subscriptions.js';

/** A change source as the engine's `onChange`: listeners to call, and how many are subscribed. */
function changes(): { onChange: (listener: () => void) => () => void; fire: () => void; listening: () => number } {
  const listeners = new Set<() => void>();
  return {
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire: () => listeners.forEach((listener) => listener()),
    listening: () => listeners.size,
  };
}

describe('watch', () => {
  it('answers the first read at once, then only re-reads that differ, each after a change', async () => {
    // given
    const source = changes();
    const values = ['a', 'a', 'b'];
    const iterator = watch(async () => values.shift() ?? 'end', source.onChange);
    // when, then
    expect(await iterator.next()).toEqual({ done: false, value: 'a' });
    const next = iterator.next();
    source.fire();
    await expect.poll(() => values.length).toBe(1);
    source.fire();
    expect(await next).toEqual({ done: false, value: 'b' });
  });

  it('stops listening at once when the client stops, even while it waits for a change', async () => {
    // given
    const source = changes();
    const iterator = watch(async () => 'value', source.onChange);
    await iterator.next();
    const waiting = iterator.next();
    expect(source.listening()).toBe(1);
    // when
    await iterator.return?.();
    // then
    expect(source.listening()).toBe(0);
    expect(await waiting).toEqual({ done: true, value: undefined });
  });

  it('ends with the read\'s error (the caller may no longer read it) and stops listening', async () => {
    // given
    const source = changes();
    let isAllowed = true;
    const iterator = watch(async () => {
      if (!isAllowed) throw new Error('FORBIDDEN');
      return 'value';
    }, source.onChange);
    await iterator.next();
    // when
    isAllowed = false;
    const next = iterator.next();
    source.fire();
    // then
    await expect(next).rejects.toThrow('FORBIDDEN');
    expect(source.listening()).toBe(0);
  });
});

describe('subscriptions on an edge node (no store)', () => {
  it('send the first value and end cleanly: its engine hears no changes and refuses instance listeners', async () => {
    // given
    const { Subscription } = subscriptionResolvers(createEdgeEngineApi('edge'), 100) as unknown as {
      Subscription: { processInstance: { subscribe: (source: unknown, args: { key: string }, context: { rest: RestCaller }) => AsyncIterableIterator<unknown> } };
    };
    const rest = (async () => ({ state: 'ACTIVE' })) as RestCaller;
    // when
    const iterator = Subscription.processInstance.subscribe({}, { key: '1' }, { rest });
    // then
    expect(await iterator.next()).toEqual({ done: false, value: { processInstance: { state: 'ACTIVE' } } });
    expect(await iterator.return?.()).toEqual({ done: true, value: undefined });
  });
});

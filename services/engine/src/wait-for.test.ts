import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from './wait-for.js';

/** A change source the test fires by hand. */
function changes(): { onChange: (listener: () => void) => () => void; fire: () => void; count: () => number } {
  const listeners = new Set<() => void>();
  return {
    onChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    fire: () => listeners.forEach((listener) => listener()),
    count: () => listeners.size,
  };
}

describe('waitFor', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('re-probes on a change that arrives while the probe runs, without waiting for the fallback poll', async () => {
    // given: timers that never move, so only a change notification can end the wait
    vi.useFakeTimers();
    const source = changes();
    let calls = 0;
    const probe = async (): Promise<string | undefined> => {
      calls += 1;
      if (calls === 1) source.fire();
      return calls === 2 ? 'found' : undefined;
    };
    // when
    const value = await waitFor(probe, { timeoutMs: 60_000, onChange: source.onChange });
    // then
    expect(value).toBe('found');
    expect(source.count()).toBe(0);
  });

  it('wakes on a change while waiting', async () => {
    vi.useFakeTimers();
    const source = changes();
    let isReady = false;
    const pending = waitFor(async () => (isReady ? 42 : undefined), { timeoutMs: 60_000, onChange: source.onChange });
    await vi.waitFor(() => expect(source.count()).toBe(1));
    await Promise.resolve();
    isReady = true;
    source.fire();
    expect(await pending).toBe(42);
  });

  it('gives up with undefined after the timeout, and at once when aborted', async () => {
    vi.useFakeTimers();
    const source = changes();
    const timedOut = waitFor(async () => undefined, { timeoutMs: 1_000, onChange: source.onChange });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await timedOut).toBeUndefined();

    const controller = new AbortController();
    const aborted = waitFor(async () => undefined, { timeoutMs: 60_000, onChange: source.onChange, signal: controller.signal });
    await vi.waitFor(() => expect(source.count()).toBe(1));
    controller.abort();
    expect(await aborted).toBeUndefined();
    expect(source.count()).toBe(0);
  });
});

import { VirtualClock } from '@baton/runtime';
import { describe, expect, it, vi } from 'vitest';
import { Poller, type PassOutcome } from './poller.js';

/** A poller whose passes return `outcomes` in turn (then nothing due), on a virtual clock; host polls an hour apart. */
function pollerOf(outcomes: readonly (PassOutcome | Error)[], onError: (error: unknown) => void = () => undefined) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const passes: number[] = [];
  let next = 0;
  const poller = new Poller(
    clock,
    3_600_000,
    async () => {
      passes.push(clock.now());
      const outcome = outcomes[next++];
      if (outcome instanceof Error) throw outcome;
      return outcome ?? { more: false };
    },
    onError,
  );
  return { clock, passes, poller };
}

describe('Poller', () => {
  it('runs one pass per kick, and one more for kicks that came during a pass', async () => {
    // given
    const { passes, poller } = pollerOf([]);
    // when three kicks arrive while the first pass runs
    const kicks = [poller.kick(), poller.kick(), poller.kick()];
    await Promise.all(kicks);
    // then the later two made a single extra pass
    expect(passes).toHaveLength(2);
    await poller.stop();
  });

  it('wakes on the clock at the due time a pass reported, not before', async () => {
    // given a pass that found work due in a second
    const { clock, passes, poller } = pollerOf([{ more: false, nextAt: Date.UTC(2026, 0, 1) + 1_000 }]);
    await poller.kick();
    // when the clock moves to just before, then to the due time
    await clock.advanceBy(999);
    const before = passes.length;
    await clock.advanceBy(1);
    // then the second pass ran at the due time
    expect(before).toBe(1);
    expect(passes).toEqual([Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1_000]);
    await poller.stop();
  });

  it('runs again at once while a pass says there is more', async () => {
    const { passes, poller } = pollerOf([{ more: true }, { more: true }, { more: false }]);
    await poller.kick();
    expect(passes).toHaveLength(3);
    await poller.stop();
  });

  it('reports a failing pass and keeps going; after stop no pass runs', async () => {
    // given a first pass that fails
    const onError = vi.fn();
    const { clock, passes, poller } = pollerOf([new Error('db down'), { more: false, nextAt: Date.UTC(2026, 0, 1) + 10 }], onError);
    // when kicked twice, then stopped before the reported due time
    await poller.kick();
    await poller.kick();
    await poller.stop();
    await clock.advanceBy(10);
    await poller.kick();
    // then the failure was reported, the next kick passed, and nothing ran after stop
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'db down' }));
    expect(passes).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.js';

describe('VirtualClock', () => {
  it('runs due callbacks earliest first, each at its own due time', async () => {
    // given callbacks scheduled out of order, two at the same time
    const clock = new VirtualClock(1_000);
    const seen: string[] = [];
    const at = (name: string) => () => void seen.push(`${name}@${clock.now()}`);
    clock.schedule(3_000, at('c'));
    clock.schedule(2_000, at('a'));
    clock.schedule(2_000, at('b'));
    clock.schedule(9_000, at('late'));
    // when
    await clock.advanceTo(5_000);
    // then
    expect(seen).toEqual(['a@2000', 'b@2000', 'c@3000']);
    expect(clock.now()).toBe(5_000);
    expect(clock.pendingCount()).toBe(1);
  });

  it('runs callbacks scheduled while advancing when they fall due by the target', async () => {
    // given a cycle that reschedules itself every second, awaiting work in between
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    const tick = async (): Promise<void> => {
      await Promise.resolve();
      fired.push(clock.now());
      clock.schedule(clock.now() + 1_000, tick);
    };
    clock.schedule(1_000, tick);
    // when
    await clock.advanceBy(3_500);
    // then
    expect(fired).toEqual([1_000, 2_000, 3_000]);
    expect(clock.nextDueAt()).toBe(4_000);
  });

  it('skips cancelled callbacks and never goes backwards', async () => {
    const clock = new VirtualClock(10_000);
    const seen: number[] = [];
    clock.schedule(11_000, () => void seen.push(1)).cancel();
    clock.schedule(5_000, () => void seen.push(clock.now()));
    await clock.advanceTo(9_000);
    expect(seen).toEqual([10_000]);
    expect(clock.now()).toBe(10_000);
    await clock.advanceBy(2_000);
    expect(seen).toEqual([10_000]);
  });

  it('keeps order across many callbacks (heap order)', async () => {
    const clock = new VirtualClock(0);
    const due = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
    const seen: number[] = [];
    for (const at of due) clock.schedule(at, () => void seen.push(clock.now()));
    await clock.advanceTo(1_000);
    expect(seen).toEqual([...due].sort((a, b) => a - b));
  });
});

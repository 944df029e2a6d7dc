import { describe, expect, it } from 'vitest';
import { ControlledClock } from './controlled-clock.js';
import { VirtualClock } from './virtual-clock.js';

describe('ControlledClock', () => {
  const setUp = () => {
    const base = new VirtualClock(1_000);
    const clock = new ControlledClock(base);
    const ran: string[] = [];
    const at = (dueAt: number, name: string) => clock.schedule(dueAt, () => void ran.push(name));
    return { base, clock, ran, at };
  };

  it('follows its base clock until pinned', async () => {
    // given
    const { base, clock, ran, at } = setUp();
    at(1_500, 'soon');
    // when
    await base.advanceTo(1_500);
    // then
    expect(clock.now()).toBe(1_500);
    expect(ran).toEqual(['soon']);
  });

  it('pinned ahead, runs what is due by the pinned instant, once, and holds the rest', async () => {
    // given
    const { base, clock, ran, at } = setUp();
    at(5_000, 'day-1');
    at(9_000, 'day-2');
    // when
    clock.pin(6_000);
    await base.advanceBy(0);
    // then
    expect(clock.now()).toBe(6_000);
    expect(ran).toEqual(['day-1']);
    // when: the base clock moves on, a pinned clock does not
    await base.advanceTo(20_000);
    expect(clock.now()).toBe(6_000);
    expect(ran).toEqual(['day-1']);
    // when: pinned further
    clock.pin(9_000);
    await base.advanceBy(0);
    expect(ran).toEqual(['day-1', 'day-2']);
  });

  it('after a reset, waiting callbacks are due by the base clock again', async () => {
    // given: pinned in the past, so nothing is due
    const { base, clock, ran, at } = setUp();
    clock.pin(0);
    at(2_000, 'later');
    await base.advanceTo(3_000);
    expect(ran).toEqual([]);
    // when
    clock.reset();
    await base.advanceBy(0);
    // then
    expect(clock.pinned).toBeUndefined();
    expect(clock.now()).toBe(3_000);
    expect(ran).toEqual(['later']);
  });

  it('a cancelled callback never runs, pinned or not', async () => {
    // given
    const { base, clock, ran, at } = setUp();
    at(2_000, 'cancelled').cancel();
    // when
    clock.pin(5_000);
    clock.reset();
    await base.advanceTo(10_000);
    // then
    expect(ran).toEqual([]);
  });
});

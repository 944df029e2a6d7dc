import { describe, expect, it } from 'vitest';
import { ClockFollower, clockSkewProblem, type TimeAuthority } from './clock-follower.js';
import { VirtualClock } from './virtual-clock.js';

const hourMs = 3_600_000;
const storeStart = Date.UTC(2026, 0, 1);

/**
 * A store whose clock is `host - aheadMs`; each question takes `delays[i]` ms there and
 * `delays[i]` back on the host's virtual clock (the last delay repeats), read in the middle.
 */
function authority(host: VirtualClock, ahead: { ms: number }, delays: readonly (readonly [number, number])[]): TimeAuthority {
  let asked = 0;
  return {
    name: 'test store',
    async now() {
      const [there, back] = delays[Math.min(asked++, delays.length - 1)] ?? [0, 0];
      await host.advanceBy(there);
      const time = host.now() - ahead.ms;
      await host.advanceBy(back);
      return time;
    },
  };
}

describe('ClockFollower', () => {
  it('follows the store on a host an hour ahead', async () => {
    // given a host clock an hour ahead of the store, 5 ms each way
    const host = new VirtualClock(storeStart + hourMs);
    const follower = new ClockFollower({ authority: authority(host, { ms: hourMs }, [[5, 5]]), hostNow: () => host.now() });
    expect(follower.now()).toBe(storeStart + hourMs);
    // when
    const offset = await follower.measure();
    // then
    expect(offset).toEqual({ offsetMs: -hourMs, roundTripMs: 10 });
    expect(follower.now()).toBe(host.now() - hourMs);
    await host.advanceBy(5_000);
    expect(follower.now()).toBe(host.now() - hourMs);
  });

  it('keeps the sample with the shortest round trip: an asymmetric slow one errs by half its trip', async () => {
    // given: the first answer took 80 ms to get there and none back, the second 2 ms each way
    const host = new VirtualClock(storeStart);
    const follower = new ClockFollower({ authority: authority(host, { ms: 3_000 }, [[80, 0], [2, 2], [30, 30]]), hostNow: () => host.now(), samples: 3 });
    // when
    const offset = await follower.measure();
    // then
    expect(offset).toEqual({ offsetMs: -3_000, roundTripMs: 4 });
    expect(follower.offsetMs).toBe(-3_000);
  });

  it('leaves the applied offset alone within the tolerance, and applies a larger change', async () => {
    const host = new VirtualClock(storeStart);
    const ahead = { ms: 500 };
    const follower = new ClockFollower({ authority: authority(host, ahead, [[1, 1]]), hostNow: () => host.now(), toleranceMs: 25 });
    await follower.measure();
    expect(follower.offsetMs).toBe(-500);
    ahead.ms = 520;
    expect((await follower.measure()).offsetMs).toBe(-520);
    expect(follower.offsetMs).toBe(-500);
    ahead.ms = 600;
    await follower.measure();
    expect(follower.offsetMs).toBe(-600);
  });

  it('leaves the applied offset alone when the change is within half the round trip (the measurement cannot tell)', async () => {
    const host = new VirtualClock(storeStart);
    const ahead = { ms: 0 };
    const follower = new ClockFollower({ authority: authority(host, ahead, [[60, 60]]), hostNow: () => host.now(), toleranceMs: 25 });
    ahead.ms = 50;
    expect(await follower.measure()).toEqual({ offsetMs: -50, roundTripMs: 120 });
    expect(follower.offsetMs).toBe(0);
    ahead.ms = 70;
    await follower.measure();
    expect(follower.offsetMs).toBe(-70);
  });

  it('never steps back by a little (time waits), but takes a host clock stepped by an hour', async () => {
    // given a follower at offset 0
    const host = new VirtualClock(storeStart + hourMs);
    const ahead = { ms: 0 };
    const follower = new ClockFollower({ authority: authority(host, ahead, [[0, 0]]), hostNow: () => host.now(), maxStallMs: 1_000 });
    await follower.measure();
    const before = follower.now();
    // when the store turns out 600 ms behind: time stands still until the host catches up
    ahead.ms = 600;
    await follower.measure();
    expect(follower.now()).toBe(before);
    await host.advanceBy(400);
    expect(follower.now()).toBe(before);
    await host.advanceBy(300);
    expect(follower.now()).toBe(before + 100);
    // when the host's clock is an hour off: the step is taken at once
    ahead.ms = hourMs;
    await follower.measure();
    expect(follower.now()).toBe(host.now() - hourMs);
  });

  it('throws what the authority throws and keeps the offset it had', async () => {
    const host = new VirtualClock(storeStart);
    const down: TimeAuthority = { name: 'down', now: () => Promise.reject(new Error('store away')) };
    const follower = new ClockFollower({ authority: down, hostNow: () => host.now() });
    await expect(follower.measure()).rejects.toThrow('store away');
    expect(follower.offsetMs).toBe(0);
    expect(follower.latest).toBeUndefined();
  });
});

describe('clockSkewProblem', () => {
  it.each([
    [-3_600_000, 2_000, /3600000 ms ahead of Redis TIME, over the limit of 2000 ms \(--max-clock-skew-ms\)/],
    [2_500, 2_000, /2500 ms behind Redis TIME/],
    [1_999, 2_000, undefined],
    [-2_000, 2_000, undefined],
    [-3_600_000, 0, undefined],
  ])('offset %d ms, limit %d ms', (offsetMs, maxSkewMs, expected) => {
    const problem = clockSkewProblem(offsetMs, maxSkewMs, 'Redis TIME');
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

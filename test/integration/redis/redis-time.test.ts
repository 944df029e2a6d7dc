import { createRedisTimeAuthority } from '@baton/redis';
import { ClockFollower } from '@baton/runtime';
import { describe, expect, inject, it } from 'vitest';

// Issue 12, finding 8: Redis TIME is the cluster's clock. This host runs the test's Redis,
// so both clocks are one: a measured offset is only the round trip's error, at most half
// of it (Cristian's bound), whatever the load.

describe('Redis TIME as the time authority', () => {
  it('measures a zero offset on the host Redis runs on, within half a round trip', async () => {
    // given
    const authority = await createRedisTimeAuthority({ url: inject('redisUrl') });
    try {
      const follower = new ClockFollower({ authority, hostNow: () => Date.now(), toleranceMs: 0 });
      // when
      const { offsetMs, roundTripMs } = await follower.measure();
      // then (+1: the offset is rounded to whole ms, Date.now is whole ms)
      expect(Math.abs(offsetMs)).toBeLessThanOrEqual(roundTripMs / 2 + 1);
      expect(authority.name).toBe('Redis TIME');
    } finally {
      await authority.close();
    }
  });

  it('throws STORE_UNAVAILABLE once closed', async () => {
    const authority = await createRedisTimeAuthority({ url: inject('redisUrl') });
    await authority.close();
    await expect(authority.now()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/** A key prefix of one test's own (STYLE.md §6: each test owns a namespace and cleans it). */
export function uniquePrefix(): string {
  return `baton-test-${randomUUID()}`;
}

/** Deletes every key under `prefix`; never FLUSHALL. SCAN is fine here: tests only. */
export async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(inject('redisUrl'));
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    await redis.quit();
  }
}

/**
 * Wall time for one test file, movable forward. BullMQ and the system clock read
 * `Date.now` and keep every time they schedule as a timestamp in Redis, never as a
 * Redis TTL: so skewing `Date.now` moves the whole node's time. After a move the
 * queue's blocked workers are woken (a score-0 member on each queue's marker ZSET,
 * what BullMQ itself adds for a new job) so they re-read the clock at once.
 */
export class SkewedWallClock {
  private skewMs = 0;
  private readonly realNow = Date.now.bind(Date);

  /** Replaces Date.now; undo with `vi.restoreAllMocks()`. */
  install(spyOn: (impl: () => number) => void): void {
    spyOn(() => this.realNow() + this.skewMs);
  }

  reset(): void {
    this.skewMs = 0;
  }

  async advanceBy(ms: number, prefix: string): Promise<void> {
    this.skewMs += ms;
    const redis = new Redis(inject('redisUrl'));
    try {
      // Every BullMQ queue has a meta HASH; its workers block on the marker ZSET beside it.
      for await (const keys of redis.scanStream({ match: `${prefix}:*:meta`, count: 500 }) as AsyncIterable<string[]>) {
        for (const key of keys) await redis.zadd(`${key.slice(0, -'meta'.length)}marker`, 0, '0');
      }
    } finally {
      await redis.quit();
    }
  }
}

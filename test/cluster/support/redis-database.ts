import { Redis } from 'ioredis';

/**
 * `url` on a Redis database of the test file's own. The nodes keep every key under the
 * fixed prefix `baton`, so files that share the run's Redis are kept apart by database
 * (test/integration/deploy/sigterm.test.ts has 13; test/cluster has 9 to 12 and 14).
 */
export function onDatabase(url: string, database: number): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Deletes every key of the database `url` names (never FLUSHALL: the server may be shared). */
export async function emptyDatabase(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    for await (const keys of redis.scanStream({ match: '*', count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

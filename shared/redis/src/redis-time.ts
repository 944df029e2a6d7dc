import type { TimeAuthority } from '@baton/runtime';
import { connectRedis, type RedisClient, unavailable } from './connection.js';

/** The Redis server's clock (`TIME`) as the cluster's time authority, on a connection of its own; `close()` it. */
export interface RedisTimeAuthority extends TimeAuthority {
  close(): Promise<void>;
}

/**
 * Asks Redis `TIME` (seconds and microseconds of the server's clock): the clock every
 * node of a cluster on that Redis shares (issue 12, finding 8). Its own connection, so a
 * busy pipeline of the store or the queue does not lengthen the round trip it is timed
 * by. Throws STORE_UNAVAILABLE when Redis does not answer.
 */
export async function createRedisTimeAuthority(options: { readonly url: string }): Promise<RedisTimeAuthority> {
  const client: RedisClient = await connectRedis(options.url, 'producer', 'baton-time');
  return {
    name: 'Redis TIME',
    async now() {
      try {
        const [seconds, micros] = await client.time();
        return Number(seconds) * 1000 + Number(micros) / 1000;
      } catch (error) {
        throw unavailable(error, options.url);
      }
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

import { afterAll, beforeAll, expect } from 'vitest';
import { ownRedis, type OwnServer } from './own-servers.js';
import { ServeCluster } from './serve-nodes.js';

/**
 * For one `describe`: a {@link ServeCluster} named `<name>-<uuid>` with `flags`, on a
 * redis-server of its own (so it needs no database number of the shared one), started
 * before its tests and disposed, nodes first, after them. `redis()` is that server
 * (`redisOptions`: `{ isPersistent: false }` for one that restarts empty).
 */
export function clusterOnOwnRedis(
  name: string,
  flags: readonly string[],
  redisOptions: Parameters<typeof ownRedis>[0] = {},
): { readonly cluster: ServeCluster; redis(): OwnServer } {
  const cluster = new ServeCluster(`${name}-${crypto.randomUUID()}`, flags);
  let server: OwnServer | undefined;
  beforeAll(async () => {
    server = await ownRedis(redisOptions);
    await server.start();
  });
  afterAll(async () => {
    await cluster.dispose();
    await server?.dispose();
  });
  return { cluster, redis: () => server ?? expect.fail('redis-server did not start') };
}

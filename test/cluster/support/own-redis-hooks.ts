import { afterAll, beforeAll, expect } from 'vitest';
import { ownRedis, type OwnServer } from './own-servers.js';
import type { ServeCluster } from './serve-nodes.js';

/**
 * A redis-server of the test file's own, started in `beforeAll`; `afterAll` disposes
 * `cluster` first (its nodes die), then the server. Returns the server once started.
 */
export function ownRedisHooks(cluster: ServeCluster, options: { readonly isPersistent?: boolean } = {}): () => OwnServer {
  let redis: OwnServer | undefined;
  beforeAll(async () => {
    redis = await ownRedis(options);
    await redis.start();
  });
  afterAll(async () => {
    await cluster.dispose();
    await redis?.dispose();
  });
  return () => redis ?? expect.fail('redis-server did not start');
}

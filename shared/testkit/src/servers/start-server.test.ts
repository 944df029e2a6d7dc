import { describe, expect, it } from 'vitest';
import { startNats } from './start-nats.js';
import { startRedis } from './start-redis.js';

describe('startRedis / startNats with an env URL', () => {
  it.each([
    { start: startRedis, envVar: 'BATON_TEST_REDIS_URL', url: 'redis://redis.test:7001/2' },
    { start: startNats, envVar: 'BATON_TEST_NATS_URL', url: 'nats://nats.test:7002' },
  ])('takes $envVar over every other way and owns nothing to stop', async ({ start, envVar, url }) => {
    // given
    const env = { [envVar]: url };

    // when
    const server = await start({ env });

    // then
    expect(server).toMatchObject({ url, source: 'env' });
    await expect(server.stop()).resolves.toBeUndefined();
  });
});

/**
 * Camunda's own client (@camunda8/orchestration-cluster-api 8.8.4) with
 * `CAMUNDA_SDK_VALIDATION=res:strict` against a real `baton serve` process (the CLI bundled
 * from source), on memory and on Redis (a real redis-server on a free port): every call of
 * the compatibility probe must succeed (issue 13). The calls are the probe's own
 * (`camunda-client.ts`, `npm run compat`), so a call added there is tested here.
 */
import { randomUUID } from 'node:crypto';
import { startRedis, type RunningServer } from '@baton/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleBatonCli } from '../integration/deploy/bundle-cli.js';
import { probeNode } from './camunda-client.js';
import { serve, stop, type ServedNode } from './serve-node.js';

let cli: string;
let redis: RunningServer;

beforeAll(async () => {
  [cli, redis] = await Promise.all([bundleBatonCli(), startRedis()]);
});

afterAll(async () => {
  await redis?.stop();
});

const stores: readonly { name: string; args: () => string[] }[] = [
  { name: 'memory', args: () => [] },
  // Its own database number and cluster name keep it apart from anything else on that Redis.
  { name: 'Redis', args: () => ['--store', redis.url, '--queue', redis.url, '--cluster', `compat-${randomUUID()}`] },
];

describe.each(stores)('Camunda client 8.8.4 with res:strict on $name', ({ args }) => {
  let node: ServedNode | undefined;

  beforeAll(async () => {
    node = await serve(cli, args());
  });

  afterAll(async () => {
    await stop(node?.child);
  });

  test('every probe call succeeds', async () => {
    // given a real `baton serve`
    const url = node?.url ?? '';

    // when the probe's calls run with the client's strict response validation
    const results = await probeNode(url, ['res:strict']);
    const failed = [...results].flatMap(([call, row]) => (row['res:strict'] === 'OK' ? [] : [`${call}: ${row['res:strict'] ?? 'not run'}`]));

    // then each succeeded
    expect(results.size).toBeGreaterThan(0);
    expect(failed, `${failed.length}/${results.size} calls failed under res:strict:\n${failed.join('\n')}`).toEqual([]);
  });
});

/**
 * Camunda's own client (@camunda8/orchestration-cluster-api 8.8.4) with
 * `CAMUNDA_SDK_VALIDATION=res:strict` against a real `baton serve` process (the CLI bundled
 * from source), on memory and on Redis (a real redis-server on a free port): every call of
 * the compatibility probe must succeed (issue 13). The calls are the probe's own
 * (`camunda-client.ts`, `npm run compat`), so a call added there is tested here.
 */
import { describe, expect, test } from 'vitest';
import { probeNode } from './camunda-client.js';
import { compatServers, servedNode } from './serve-node.js';

const { cli, stores } = compatServers();

describe.each(stores)('Camunda client 8.8.4 with res:strict on $name', ({ args }) => {
  const node = servedNode(cli, args);

  test('every probe call succeeds', async () => {
    // given a real `baton serve`
    const { url } = node();

    // when the probe's calls run with the client's strict response validation
    const results = await probeNode(url, ['res:strict']);
    const failed = [...results].flatMap(([call, row]) => (row['res:strict'] === 'OK' ? [] : [`${call}: ${row['res:strict'] ?? 'not run'}`]));

    // then each succeeded
    expect(results.size).toBeGreaterThan(0);
    expect(failed, `${failed.length}/${results.size} calls failed under res:strict:\n${failed.join('\n')}`).toEqual([]);
  });
});

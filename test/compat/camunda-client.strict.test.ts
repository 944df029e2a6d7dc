/**
 * Camunda's own client (@camunda8/orchestration-cluster-api 8.8.4) with
 * `CAMUNDA_SDK_VALIDATION=res:strict` against a real `baton serve` process (the CLI bundled
 * from source), on memory and on Redis (a real redis-server on a free port): every call of
 * the compatibility probe must succeed (issue 13). The calls are the probe's own
 * (`camunda-client.ts`, `npm run compat`), so a call added there is tested here.
 * Outside `npm test` until keys are numeric: `npm run compat:test`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { startRedis, type RunningServer } from '@baton/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleBatonCli } from '../integration/deploy/bundle-cli.js';
import { probeNode } from './camunda-client.js';

/** `baton serve` with `args`; resolves with its URL once it listens. */
async function serve(cli: string, args: readonly string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  let printed = '';
  child.stderr.on('data', (chunk: Buffer) => (printed = `${printed}${chunk.toString()}`.slice(-10_000)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      printed = `${printed}${chunk.toString()}`.slice(-10_000);
      const found = /listening on (http:\/\/\S+)/.exec(printed)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`baton serve ${args.join(' ')} exited (${String(code)}) before listening:\n${printed}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

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
  let node: { url: string; child: ChildProcess } | undefined;

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

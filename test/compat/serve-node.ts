import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { startRedis, type RunningServer } from '@baton/testkit';
import { afterAll, beforeAll } from 'vitest';
import { bundleBatonCli } from '../integration/deploy/bundle-cli.js';

/** A `baton serve` child process and the URL it listens on. */
export interface ServedNode {
  readonly url: string;
  readonly child: ChildProcess;
}

/** `baton serve` (the bundled `cli`) with `args` on a free port; resolves with its URL once it listens. */
export async function serve(cli: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<ServedNode> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', ...env } });
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

/** Stops it (SIGTERM) and waits for it to exit. */
export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** How a suite runs `baton serve` on a store: its name and the flags. */
export interface StoreChoice {
  readonly name: string;
  readonly args: () => string[];
}

/**
 * For a suite: the bundled CLI and a Redis on a free port (made in `beforeAll`, the Redis
 * stopped in `afterAll`), and the stores to run a node on: memory (with `memoryArgs`) and
 * that Redis, with a cluster name of its own that keeps it apart from anything else there.
 */
export function compatServers(memoryArgs: readonly string[] = []): { readonly cli: () => string; readonly stores: readonly StoreChoice[] } {
  let cli = '';
  let redis: RunningServer | undefined;
  beforeAll(async () => {
    [cli, redis] = await Promise.all([bundleBatonCli(), startRedis()]);
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const redisUrl = (): string => redis?.url ?? '';
  return {
    cli: () => cli,
    stores: [
      { name: 'memory', args: () => [...memoryArgs] },
      { name: 'Redis', args: () => ['--store', redisUrl(), '--queue', redisUrl(), '--cluster', `compat-${randomUUID()}`] },
    ],
  };
}

/** A `baton serve` for the enclosing `describe` (started in `beforeAll`, stopped in `afterAll`); the getter throws before it listens. */
export function servedNode(cli: () => string, args: () => readonly string[], env: Readonly<Record<string, string>> = {}): () => ServedNode {
  let node: ServedNode | undefined;
  beforeAll(async () => {
    node = await serve(cli(), args(), env);
  });
  afterAll(async () => {
    await stop(node?.child);
  });
  return () => {
    if (node === undefined) throw new Error('the node has not started');
    return node;
  };
}

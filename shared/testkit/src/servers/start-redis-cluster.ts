import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freeLoopbackPort } from './free-port.js';
import type { RunningServer } from './running-server.js';
import type { ServerSpec } from './server-spec.js';
import { startBinary } from './start-binary.js';
import { redisSpec } from './start-redis.js';

const run = promisify(execFile);

/** A Redis Cluster of local `redis-server` processes (issue 18). */
export interface RunningRedisCluster {
  /** `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,…` (every node; masters first). */
  readonly url: string;
  /** Each node's own `redis://` server, masters first, then their replicas. */
  readonly nodes: readonly RunningServer[];
  readonly source: 'env' | 'binary';
  stop(): Promise<void>;
}

/** One cluster node: the bus port is chosen here too (the default, port + 10000, may be taken or past 65535). */
function clusterNodeSpec(busPort: number): ServerSpec {
  return {
    ...redisSpec,
    args: (port, dir) => [
      ...redisSpec.args(port, dir),
      ...['--cluster-enabled', 'yes', '--cluster-port', String(busPort), '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '3000'],
    ],
  };
}

const hostPort = (url: string): string => url.replace(/^redis:\/\//, '');

async function clusterState(node: string): Promise<string> {
  const [host, port] = node.split(':');
  const { stdout } = await run('redis-cli', ['-h', host ?? '127.0.0.1', '-p', port ?? '6379', 'cluster', 'info']);
  return /cluster_state:(\w+)/.exec(stdout)?.[1] ?? 'unknown';
}

/** Waits until every node reports `cluster_state:ok` (slots assigned and agreed on). */
async function untilClusterOk(nodes: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(nodes.map(clusterState));
    if (states.every((s) => s === 'ok')) return;
    if (Date.now() > deadline) throw new Error(`Redis Cluster ${nodes.join(',')} not ok after ${timeoutMs} ms: ${states.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A real Redis Cluster for integration tests and the bench: `BATON_TEST_REDIS_CLUSTER_URL`
 * if set, else `masters` local `redis-server` processes (default 3) with `replicasPerMaster`
 * replicas each (default 0) on free loopback ports, joined with `redis-cli --cluster
 * create … --cluster-yes`. Resolves once every node reports `cluster_state:ok`.
 */
export async function startRedisCluster(options: { readonly masters?: number; readonly replicasPerMaster?: number } = {}): Promise<RunningRedisCluster> {
  const fromEnv = process.env['BATON_TEST_REDIS_CLUSTER_URL'];
  if (fromEnv !== undefined && fromEnv !== '') return { url: fromEnv, nodes: [], source: 'env', stop: async () => undefined };
  const masters = options.masters ?? 3;
  const replicas = options.replicasPerMaster ?? 0;
  const nodes: RunningServer[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(nodes.map((n) => n.stop()));
  };
  try {
    for (let i = 0; i < masters * (1 + replicas); i += 1) nodes.push(await startBinary(clusterNodeSpec(await freeLoopbackPort())));
    const addresses = nodes.map((n) => hostPort(n.url));
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', String(replicas), '--cluster-yes']);
    await untilClusterOk(addresses, 30_000);
    return { url: `redis+cluster://${addresses.join(',')}`, nodes, source: 'binary', stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

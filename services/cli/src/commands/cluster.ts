import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { isBatonError } from '@baton/errors';
import { acceptsTcp, findExecutable, freePort, isReady, launch, stopAll, waitUntil, type LaunchedProcess } from '../cluster/processes.js';
import { readTopology, type Topology, type TopologyNode } from '../cluster/topology.js';
import { exitCodes, type CommandContext } from '../io.js';

/** The `baton` launcher script (this file is `src/commands` or `dist/commands`). */
const batonBin = fileURLToPath(new URL('../../bin/baton.js', import.meta.url));
const defaultStateFile = '.baton/cluster.json';

/** What `cluster up` prints with `--json`, and keeps in the state file for `cluster down`. */
export interface ClusterDescription {
  readonly nodes: readonly { readonly name: string; readonly url: string; readonly capabilities: readonly string[]; readonly store: string }[];
  readonly redis?: string;
  readonly bus: string;
  readonly logs: string;
}

interface ClusterState extends ClusterDescription {
  readonly launcherPid: number;
  /** Every child, in stop order (nodes first, then the bus, then Redis). */
  readonly pids: readonly number[];
}

/** Starts Redis and the bus the topology needs; returns their URLs and processes. */
async function startServers(topology: Topology, logs: string): Promise<{ redis?: string; bus: string; servers: LaunchedProcess[] }> {
  const servers: LaunchedProcess[] = [];
  let redis: string | undefined;
  if (topology.nodes.some((n) => n.store === 'redis')) {
    const port = await freePort();
    const server = launch('redis', findExecutable('redis-server', 'apt-get install redis-server'), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], `redis://127.0.0.1:${port}`, join(logs, 'redis.log'));
    servers.push(server);
    await waitUntil(server, () => acceptsTcp(port));
    redis = server.url;
  }
  if (topology.bus === 'memory') return { ...(redis === undefined ? {} : { redis }), bus: 'memory', servers };
  const port = await freePort();
  // The Faye endpoint refuses clients without its token; every child inherits this one.
  if (topology.bus !== 'nats') process.env['BATON_FAYE_TOKEN'] ??= randomBytes(16).toString('hex');
  const bus =
    topology.bus === 'nats'
      ? launch('nats', findExecutable('nats-server', 'https://docs.nats.io/running-a-nats-service/introduction/installation'), ['-a', '127.0.0.1', '-p', String(port)], `nats://127.0.0.1:${port}`, join(logs, 'nats.log'))
      : launch('faye', process.execPath, [batonBin, 'faye-server', '--port', String(port)], `faye+http://127.0.0.1:${port}/bayeux`, join(logs, 'faye.log'));
  servers.unshift(bus);
  await waitUntil(bus, () => acceptsTcp(port));
  return { ...(redis === undefined ? {} : { redis }), bus: bus.url, servers };
}

function serveArgs(node: TopologyNode, port: number, urls: { redis?: string; bus: string }, deploy: string | undefined): string[] {
  const store = node.store === 'redis' ? (urls.redis ?? 'memory') : node.store;
  const args = [batonBin, 'serve', '--port', String(port), '--node-id', node.name, '--store', store, '--bus', urls.bus];
  if (node.store !== 'none') args.push('--queue', node.store === 'redis' ? store : 'memory');
  if (node.capabilities.length > 0) args.push('--capabilities', node.capabilities.join(','));
  if (node.handlers !== undefined) args.push('--handlers', node.handlers);
  if (deploy !== undefined) args.push('--deploy', deploy);
  return args;
}

/** Starts every node (the first with a store deploys), each ready before the next starts. */
async function startNodes(topology: Topology, urls: { redis?: string; bus: string }, logs: string, started: LaunchedProcess[]): Promise<void> {
  const deployer = topology.nodes.find((n) => n.store !== 'none');
  for (const node of topology.nodes) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = launch(node.name, process.execPath, serveArgs(node, port, urls, node === deployer ? topology.deploy : undefined), url, join(logs, `${node.name}.log`));
    started.unshift(child);
    await waitUntil(child, () => isReady(url));
  }
}

function describeCluster(topology: Topology, launched: readonly LaunchedProcess[], urls: { redis?: string; bus: string }, logs: string): ClusterDescription {
  const nodes = topology.nodes.map((node) => ({
    name: node.name,
    url: launched.find((p) => p.name === node.name)?.url ?? '',
    capabilities: node.store === 'none' ? [...node.capabilities] : [...node.capabilities, 'store'],
    store: node.store,
  }));
  return { nodes, ...(urls.redis === undefined ? {} : { redis: urls.redis }), bus: urls.bus, logs };
}

function printHuman(ctx: CommandContext, topology: Topology, description: ClusterDescription): void {
  const out = (line: string): void => ctx.io.stdout(`${line}\n`);
  out(`Cluster "${topology.name}" is up:`);
  for (const node of description.nodes) out(`  ${node.name.padEnd(12)} ${node.url}  capabilities: ${node.capabilities.join(', ') || '(none)'}`);
  if (description.redis !== undefined) out(`  redis        ${description.redis}`);
  out(`  bus          ${description.bus}`);
  out(`  logs         ${description.logs}`);
  out(`Try: curl -s ${description.nodes[0]?.url ?? ''}/v2/topology`);
  out('Stop with Ctrl-C (or `baton cluster down` from another shell).');
}

function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    // Signal listeners do not keep Node's event loop alive; without this the launcher
    // would exit at once (code 13) and leave the children running unsupervised.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const stop = (signal: NodeJS.Signals): void => {
      clearInterval(keepAlive);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveSignal(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function up(ctx: CommandContext, flags: { topology: string; json?: boolean; state: string }): Promise<void> {
  const topology = readTopology(flags.topology);
  const logs = mkdtempSync(join(tmpdir(), `baton-cluster-${topology.name}-`));
  const launched: LaunchedProcess[] = [];
  const signal = untilStopSignal();
  try {
    const { servers, ...urls } = await startServers(topology, logs);
    launched.push(...servers);
    await startNodes(topology, urls, logs, launched);
    const description = describeCluster(topology, launched, urls, logs);
    const state: ClusterState = { ...description, launcherPid: process.pid, pids: launched.map((p) => p.pid) };
    mkdirSync(dirname(resolve(flags.state)), { recursive: true });
    writeFileSync(flags.state, `${JSON.stringify(state, null, 2)}\n`);
    if (flags.json === true) ctx.io.stdout(`${JSON.stringify(description)}\n`);
    else printHuman(ctx, topology, description);
    const received = await signal;
    ctx.io.stderr(`baton cluster: ${received} received, stopping ${launched.length} processes\n`);
  } finally {
    await stopAll(launched);
    rmSync(flags.state, { force: true });
  }
}

/** Stops the cluster named in the state file: its launcher if alive (which stops the rest in order), else each child. */
async function down(ctx: CommandContext, flags: { state: string }): Promise<void> {
  let state: ClusterState;
  try {
    state = JSON.parse(readFileSync(flags.state, 'utf8')) as ClusterState;
  } catch {
    ctx.io.stderr(`baton cluster down: no running cluster recorded in ${flags.state}.\n`);
    ctx.exitCode = exitCodes.failed;
    return;
  }
  await stopAll([{ pid: state.launcherPid }, ...state.pids.map((pid) => ({ pid }))], 30_000);
  rmSync(flags.state, { force: true });
  ctx.io.stdout(`Stopped ${state.nodes.length} nodes${state.redis === undefined ? '' : ', redis'} and the bus.\n`);
}

function reportFailure(ctx: CommandContext, command: string, error: unknown): void {
  const code = isBatonError(error) ? `${error.code}: ` : '';
  ctx.io.stderr(`baton cluster ${command}: ${code}${error instanceof Error ? error.message : String(error)}\n`);
  ctx.exitCode = exitCodes.failed;
}

/** `baton cluster up|down`: a local cluster of engine nodes, Redis and a bus, as child processes. */
export function registerCluster(program: Command, ctx: CommandContext): void {
  const cluster = program.command('cluster').summary('run a local cluster (Redis, NATS or Faye, engine nodes) from a topology file');
  const stateOption = new Option('--state <file>', 'where the running cluster is recorded for `down`').default(defaultStateFile);
  cluster
    .command('up')
    .description('Starts redis-server, the bus and the nodes of a topology file on free loopback ports, prints their URLs, and stops them all on Ctrl-C.')
    .requiredOption('--topology <file>', 'topology YAML (see deploy/topologies/)')
    .option('--json', 'print {nodes: [{name, url, capabilities}], redis, bus} as JSON')
    .addOption(stateOption)
    .addHelpText('after', '\nExample:\n  $ baton cluster up --topology deploy/topologies/heterogeneous.yaml\n')
    .action((flags: { topology: string; json?: boolean; state: string }) => up(ctx, flags).catch((error: unknown) => reportFailure(ctx, 'up', error)));
  cluster
    .command('down')
    .description('Stops the cluster `cluster up` started (by the PIDs in its state file).')
    .addOption(new Option('--state <file>', 'the state file of `cluster up`').default(defaultStateFile))
    .action((flags: { state: string }) => down(ctx, flags).catch((error: unknown) => reportFailure(ctx, 'down', error)));
}

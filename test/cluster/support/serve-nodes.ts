import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBatonCli } from '../../integration/deploy/bundle-cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The shipped process of deploy/topologies: reserve-stock → charge-card → ship-order → label-printer. */
export const processesDir = `${root}deploy/topologies/processes`;
export const processId = 'order-with-label';
const handlers = fileURLToPath(new URL('../fixtures/handlers.js', import.meta.url));
const outputTailChars = 20_000;

/** The buses the cluster tests run on: the run's nats-server, or `baton faye-server`. */
export type BusKind = 'nats' | 'faye';

/** How one `baton serve` node of a test is started. */
export interface NodeSpec {
  readonly name: string;
  /** A Redis URL (also the queue's), a Postgres URL (the queue is that database), or `none` for an edge node. */
  readonly store: string;
  readonly bus: string;
  readonly capabilities: readonly string[];
  /** Deploys the shipped processes at start (one node per cluster). */
  readonly deploys?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  /** Keeps every line the node prints (info lines too) for {@link ServeNode.log}; off by default, as a long run prints many. */
  readonly keepsLog?: boolean;
}

/** A running `baton serve` child. */
export interface ServeNode {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  /** The last warnings, errors and plain lines it printed, for failure messages. */
  output(): string;
  /** Every line it printed when started with `keepsLog`, else none. */
  log(): string[];
}

/** One job run as fixtures/handlers.js logs it. */
export interface JobRun {
  readonly type: string;
  readonly jobKey: string;
  readonly instance: string;
  readonly node: string;
}

/**
 * The real processes of one test file: `baton serve` nodes (the CLI bundled from source
 * by esbuild, no build needed) on a cluster name of their own, and the run log their
 * handlers append to. `dispose()` SIGKILLs every node still running and removes the
 * directory; call it in `afterAll` so nothing outlives a failed test.
 */
export class ServeCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'baton-cluster-test-'));
  readonly runLog = join(this.dir, 'runs.jsonl');
  readonly nodes: ServeNode[] = [];
  /** Environment every process started from now on gets (the Faye token). */
  readonly env: Record<string, string> = {};
  private cli: string | undefined;

  /**
   * @param cluster bus subjects are `baton.<cluster>.…`, so nodes of other tests on the same NATS never meet these.
   * @param flags extra `baton serve` flags for every node (lease and hand-off timings).
   */
  constructor(
    readonly cluster: string,
    private readonly flags: readonly string[] = [],
  ) {
    writeFileSync(this.runLog, '');
  }

  /** Starts a node and resolves once it listens (it has joined the cluster by then). */
  async start(spec: NodeSpec): Promise<ServeNode> {
    const args = ['serve', '--port', '0', '--store', spec.store, '--bus', spec.bus, '--cluster', this.cluster, '--handlers', handlers, ...this.flags];
    // A Postgres store keeps jobs and timers itself when no --queue is given (issue 15).
    if (spec.store !== 'none' && !spec.store.startsWith('postgres://')) args.push('--queue', spec.store);
    if (spec.capabilities.length > 0) args.push('--capabilities', spec.capabilities.join(','));
    if (spec.deploys === true) args.push('--deploy', processesDir);
    const env = { BATON_NODE_ID: spec.name, BATON_TEST_RUN_LOG: this.runLog, ...spec.env };
    return this.spawnCli(spec.name, args, env, spec.keepsLog === true);
  }

  /** Starts `baton faye-server` on `port` (default: a free one); its `url` is the Bayeux endpoint. */
  startFayeServer(token: string, port = 0): Promise<ServeNode> {
    return this.spawnCli('faye-server', ['faye-server', '--port', String(port)], { BATON_FAYE_TOKEN: token });
  }

  /**
   * The `--bus` of the nodes on `kind`: `natsUrl`, or a `baton faye-server` of this
   * cluster's own whose fresh token every process started from now on gets.
   */
  async busOf(kind: BusKind, natsUrl: string): Promise<string> {
    if (kind === 'nats') return natsUrl;
    const token = `t-${randomUUID()}`;
    this.env['BATON_FAYE_TOKEN'] = token;
    return `faye+${(await this.startFayeServer(token)).url}`;
  }

  /** Runs `baton <args>` and resolves once it prints the URL it listens on. */
  private async spawnCli(
    name: string,
    args: readonly string[],
    env: Readonly<Record<string, string>>,
    keepsLog = false,
  ): Promise<ServeNode> {
    this.cli ??= await bundleBatonCli();
    const child = spawn(process.execPath, [this.cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', ...this.env, ...env } });
    let output = '';
    const log: string[] = [];
    // One per stream: a line may arrive in two chunks.
    const keeper = (): ((chunk: Buffer) => void) => {
      let partial = '';
      return (chunk) => {
        // Warnings, errors and plain lines: the info lines of each request and job would drown them.
        const lines = chunk.toString().split('\n').filter((line) => line !== '' && !line.startsWith('{"level":30'));
        if (lines.length > 0) output = `${output}${lines.join('\n')}\n`.slice(-outputTailChars);
        if (!keepsLog) return;
        const whole = `${partial}${chunk.toString()}`.split('\n');
        partial = whole.pop() ?? '';
        log.push(...whole.filter((line) => line !== ''));
      };
    };
    const keep = keeper();
    child.stderr?.on('data', keeper());
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const node: ServeNode = { name, url: '', child, exited, output: () => output, log: () => [...log] };
    this.nodes.push(node);
    const url = await new Promise<string>((resolve, reject) => {
      let printed = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        keep(chunk);
        printed += chunk.toString();
        const found = /listening on (http:\/\/\S+)/.exec(printed)?.[1];
        if (found !== undefined) resolve(found);
      });
      void exited.then(() => reject(new Error(`${name} exited before listening:\n${output}`)));
    });
    return { ...node, url };
  }

  /** SIGKILL: the node dies holding whatever it holds. */
  async kill(node: ServeNode): Promise<void> {
    if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGKILL');
    await node.exited;
  }

  /** Every job run logged so far. */
  runs(): JobRun[] {
    return readFileSync(this.runLog, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as JobRun);
  }

  /** The logs of every node, for a failure message. */
  outputs(): string {
    return this.nodes.map((n) => `----- ${n.name} -----\n${n.output()}`).join('\n');
  }

  /** SIGKILLs every process it started, nodes first. */
  async dispose(): Promise<void> {
    await Promise.all(this.nodes.filter((n) => n.name !== 'faye-server').map((node) => this.kill(node)));
    await Promise.all(this.nodes.map((node) => this.kill(node)));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createInMemoryEngine } from '@baton/memory';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { createEngine, systemClock, type Engine, type JobWorker } from '@baton/runtime';
import { startRedis, startRedisCluster, type RunningRedisCluster, type RunningServer } from '@baton/testkit';
import { Redis } from 'ioredis';
import { connectBus } from './buses.js';
import { suites, type BenchCase } from './cases.js';
import { drive } from './drive.js';
import { modelsDir } from './paths.js';
import { snapshot } from './redis-stats.js';
import { percentile } from './stats.js';
import { batonRuns, settleOnEvents, type Pending } from './systems/completions.js';

export const loadStores = ['memory', 'redis', 'redis-cluster'] as const;
export type LoadStore = (typeof loadStores)[number];

/** `npm run bench -- load …`. */
export interface LoadCli {
  readonly stores: readonly LoadStore[];
  readonly inFlight: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Instances each external-worker row drains. */
  readonly jobs: number;
  /** Instances left waiting on a user task to measure memory per waiting instance. */
  readonly waiting: number;
}

/** One engine node of a row and what the bench needs of it. */
interface Node {
  readonly engine: Engine;
  /** Starts one instance and resolves when its `InstanceCompleted` event is out. */
  readonly runOne: () => Promise<void>;
  /** Memory held by the store: heap (memory) or Redis used_memory, bytes. */
  readonly storeBytes: () => Promise<number>;
  close(): Promise<void>;
}

const oneTask = suites['cluster']?.[0] as BenchCase;
const modelXml = (file: string): string => readFileSync(join(modelsDir(), file), 'utf8');

/** A `gc()` in the runner process (run without --expose-gc). */
const gc = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
};

async function heapAfterGc(): Promise<number> {
  const collect = gc();
  for (let i = 0; i < 3; i += 1) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/** A node on `store`; `handlers` as the row needs (none for external workers). */
/** Where the Redis rows run: one Redis, and a Redis Cluster (its nodes' used_memory summed). */
interface Servers {
  readonly redis?: RunningServer;
  readonly cluster?: RunningRedisCluster;
}

async function startNode(store: LoadStore, servers: Servers, handlers: Readonly<Record<string, JobWorker>>): Promise<Node> {
  const pending = new Map<string, Pending>();
  let failure: Error | undefined;
  const onError = (error: unknown, context?: unknown): void => {
    failure ??= new Error(`Baton reported an error (${JSON.stringify(context)}): ${String(error)}`, { cause: error });
  };
  const deploy = async (engine: Engine): Promise<void> => {
    await engine.deploy([
      { name: oneTask.modelFile, xml: modelXml(oneTask.modelFile) },
      { name: 'user-task-wait.bpmn', xml: modelXml('user-task-wait.bpmn') },
    ]);
  };
  if (store === 'memory') {
    const engine = createInMemoryEngine({ handlers, store: { retention: { maxEnded: 100 } }, onError });
    await deploy(engine);
    const subscription = await engine.bus.subscribe('baton.default.events.>', settleOnEvents(pending, oneTask.processId));
    const { runOne } = batonRuns(engine, oneTask, pending, `m${randomUUID().slice(0, 6)}`, () => failure);
    return {
      engine,
      runOne,
      storeBytes: heapAfterGc,
      close: async () => {
        await subscription.unsubscribe();
        await engine.close();
      },
    };
  }
  const url = store === 'redis' ? servers.redis?.url : servers.cluster?.url;
  if (url === undefined) throw new Error(`The ${store} rows need a server.`);
  const statsUrls = store === 'redis' ? [url] : (servers.cluster?.nodes ?? []).map((n) => n.url);
  const options = { url, prefix: `bench-load-${randomUUID()}`, onWarning: () => undefined };
  const processStore = await createRedisProcessStore(options);
  const queue = await createBullmqJobQueue({ ...options, onError });
  const bus = await connectBus({ kind: 'memory' }, 'load', onError);
  const engine = createEngine({ store: processStore, queue, bus, clock: systemClock(), nodeId: 'load', handlers, onError });
  await deploy(engine);
  const subscription = await bus.subscribe(`baton.default.events.${oneTask.processId}`, settleOnEvents(pending, oneTask.processId));
  const stats = statsUrls.map((u) => new Redis(u));
  const { runOne } = batonRuns(engine, oneTask, pending, `r${randomUUID().slice(0, 6)}`, () => failure);
  return {
    engine,
    runOne,
    storeBytes: async () => (await Promise.all(stats.map(snapshot))).reduce((sum, s) => sum + s.usedMemory, 0),
    close: async () => {
      await subscription.unsubscribe();
      await engine.close();
      await queue.close();
      await bus.close();
      await processStore.close();
      for (const client of stats) client.disconnect();
    },
  };
}

export interface OpenLoopRow {
  readonly store: LoadStore;
  /** Share of the closed-loop maximum asked for. */
  readonly share: number;
  readonly targetPerSec: number;
  readonly achievedPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * Starts instances on a fixed schedule (`perSec`, whatever the engine's pace) for
 * `durationMs`; latency runs from each start's scheduled time to its completion, so a
 * stalled engine shows in the percentiles (no coordinated omission).
 */
async function openLoop(runOne: () => Promise<void>, perSec: number, durationMs: number): Promise<{ readonly achievedPerSec: number; readonly latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  const running: Promise<void>[] = [];
  const startedAt = performance.now();
  let launched = 0;
  for (let now = startedAt; now - startedAt < durationMs; now = performance.now()) {
    const due = Math.floor(((now - startedAt) * perSec) / 1_000);
    for (; launched < due; launched += 1) {
      const scheduledAt = startedAt + (launched * 1_000) / perSec;
      running.push(runOne().then(() => void latenciesMs.push(performance.now() - scheduledAt)));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(running);
  const elapsedMs = performance.now() - startedAt;
  return { achievedPerSec: (launched * 1_000) / elapsedMs, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

export interface ExternalWorkersRow {
  readonly store: LoadStore;
  readonly jobs: number;
  readonly jobsPerSec: number;
}

/** `jobs` instances whose job waits for an external worker; 4 workers activate 32 at a time and complete them. */
async function externalWorkers(node: Node, jobs: number): Promise<number> {
  const { engine } = node;
  for (let started = 0; started < jobs; started += 200) {
    await Promise.all(Array.from({ length: Math.min(200, jobs - started) }, () => engine.startInstance({ processId: oneTask.processId })));
  }
  let completed = 0;
  const startedAt = performance.now();
  const worker = async (name: string): Promise<void> => {
    while (completed < jobs) {
      const batch = await engine.activateJobs({ type: oneTask.jobType, worker: name, maxJobs: 32, timeoutMs: 60_000 });
      await Promise.all(batch.map(async (job) => {
        await engine.completeJob({ jobKey: job.jobKey, instanceId: job.instanceId, variables: {} });
        completed += 1;
      }));
      if (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  await Promise.all(['w1', 'w2', 'w3', 'w4'].map(worker));
  return (jobs * 1_000) / (performance.now() - startedAt);
}

/** used bytes per instance left waiting on a user task. */
async function bytesPerWaiting(node: Node, count: number): Promise<number> {
  const before = await node.storeBytes();
  for (let started = 0; started < count; started += 200) {
    await Promise.all(Array.from({ length: Math.min(200, count - started) }, () => node.engine.startInstance({ processId: 'bench-waiting' })));
  }
  return ((await node.storeBytes()) - before) / count;
}

export interface StoreResult {
  readonly store: LoadStore;
  readonly maxPerSec: number;
  readonly openLoop: readonly OpenLoopRow[];
  readonly externalJobsPerSec: number;
  readonly bytesPerWaitingInstance: number;
}

async function measureStore(store: LoadStore, servers: Servers, cli: LoadCli): Promise<StoreResult> {
  const log = (text: string): void => void process.stderr.write(`[load ${store}] ${text}\n`);
  const node = await startNode(store, servers, { [oneTask.jobType]: async () => ({}) });
  let result: Omit<StoreResult, 'externalJobsPerSec' | 'bytesPerWaitingInstance'>;
  try {
    const options = { inFlight: cli.inFlight, progressEveryMs: 1_000, stallMs: 30_000 };
    await drive(node.runOne, { ...options, durationMs: cli.warmupMs });
    const closed = await drive(node.runOne, { ...options, durationMs: cli.durationMs });
    const maxPerSec = (closed.instances * 1_000) / closed.elapsedMs;
    log(`closed loop, ${cli.inFlight} in flight: ${Math.round(maxPerSec)} instances/s`);
    const rows: OpenLoopRow[] = [];
    for (const share of [0.25, 0.5, 0.75]) {
      const targetPerSec = maxPerSec * share;
      const { achievedPerSec, latenciesMs } = await openLoop(node.runOne, targetPerSec, cli.durationMs);
      const row = { store, share, targetPerSec, achievedPerSec, p50Ms: percentile(latenciesMs, 0.5), p99Ms: percentile(latenciesMs, 0.99) };
      log(`open loop at ${share * 100}%: ${Math.round(achievedPerSec)}/s, p50 ${row.p50Ms.toFixed(1)} ms, p99 ${row.p99Ms.toFixed(1)} ms`);
      rows.push(row);
    }
    result = { store, maxPerSec, openLoop: rows };
  } finally {
    await node.close();
  }
  const external = await startNode(store, servers, {});
  try {
    const externalJobsPerSec = await externalWorkers(external, cli.jobs);
    log(`external workers: ${Math.round(externalJobsPerSec)} jobs/s`);
    const bytesPerWaitingInstance = await bytesPerWaiting(external, cli.waiting);
    log(`${cli.waiting} waiting on a user task: ${Math.round(bytesPerWaitingInstance)} bytes each`);
    return { ...result, externalJobsPerSec, bytesPerWaitingInstance };
  } finally {
    await external.close();
  }
}

const fixed = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function formatLoadReport(results: readonly StoreResult[], cli: LoadCli): string {
  const lines = [
    `Bench suite "load": one-task, one node in the runner process, ${cli.inFlight} in flight for the maximum, ${cli.durationMs} ms per row; Node ${process.version}`,
    '',
    '| store | closed-loop max /s | open loop | target /s | achieved /s | p50 ms | p99 ms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.flatMap((r) => r.openLoop.map((o) => `| ${r.store} | ${fixed(r.maxPerSec)} | ${o.share * 100}% | ${fixed(o.targetPerSec)} | ${fixed(o.achievedPerSec)} | ${fixed(o.p50Ms, 1)} | ${fixed(o.p99Ms, 1)} |`)),
    '',
    `| store | external workers jobs/s (${cli.jobs} jobs, 4 workers × 32) | bytes per instance waiting on a user task (${cli.waiting}) |`,
    '| --- | --- | --- |',
    ...results.map((r) => `| ${r.store} | ${fixed(r.externalJobsPerSec)} | ${fixed(r.bytesPerWaitingInstance)} |`),
  ];
  const memory = results.find((r) => r.store === 'memory');
  const redis = results.find((r) => r.store === 'redis');
  if (memory !== undefined && redis !== undefined) {
    lines.push('', `External workers, Redis ÷ memory: ${(redis.externalJobsPerSec / memory.externalJobsPerSec).toFixed(2)}× (target ≥ 0.8)`);
  }
  return lines.join('\n');
}

/**
 * `npm run bench -- load`: per store, the closed-loop maximum of one-task, then an open
 * loop at 25/50/75% of it (p50/p99 from each start's scheduled time), external workers
 * draining jobs, and the memory of instances waiting on a user task (issue 18).
 */
export async function runLoadSuite(cli: LoadCli): Promise<number> {
  const servers: Servers = {
    ...(cli.stores.includes('redis') ? { redis: await startRedis() } : {}),
    ...(cli.stores.includes('redis-cluster') ? { cluster: await startRedisCluster({ masters: 3 }) } : {}),
  };
  try {
    const results: StoreResult[] = [];
    for (const store of cli.stores) results.push(await measureStore(store, servers, cli));
    process.stdout.write(`${formatLoadReport(results, cli)}\n`);
    return 0;
  } finally {
    await servers.redis?.stop();
    await servers.cluster?.stop();
  }
}

/**
 * One node of a `cluster` bench run, in a process of its own (forked by
 * cluster-run.ts): sets up its system on the shared Redis, warms up, then waits for
 * the runner's `measure` (sent once every node is warm, so Redis counters cover the
 * timed runs only), measures, and keeps serving jobs until `close` (a peer's jobs may
 * still be running on this node's workers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suites } from './cases.js';
import type { ClusterNodeConfig, NodeMessage, RunnerMessage } from './cluster-protocol.js';
import type { ClusterSystemFactory, ClusterSystemName } from './cluster-system.js';
import { drive } from './drive.js';
import { countPostgresRoundTrips } from './postgres-stats.js';
import { createBatonPostgresSystem } from './systems/baton-postgres.js';
import { createBatonRedisSystem } from './systems/baton-redis.js';
import { createBullmqSystem } from './systems/bullmq.js';

const factories: Record<ClusterSystemName, ClusterSystemFactory> = { baton: createBatonRedisSystem, bullmq: createBullmqSystem };

function send(message: NodeMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

function nextMessage(type: RunnerMessage['type']): Promise<void> {
  return new Promise((resolve) => {
    const listener = (message: RunnerMessage): void => {
      if (message.type !== type) return;
      process.off('message', listener);
      resolve();
    };
    process.on('message', listener);
  });
}

async function main(config: ClusterNodeConfig): Promise<void> {
  const measureSignal = nextMessage('measure');
  const closeSignal = nextMessage('close');
  const benchCase = suites['cluster']?.find((c) => c.name === config.caseName);
  if (benchCase === undefined) throw new Error(`No case "${config.caseName}" in suite "cluster".`);
  const xml = readFileSync(join(config.modelsDir, benchCase.modelFile), 'utf8');
  const isOnPostgres = config.system === 'baton' && config.env.store === 'postgres';
  const roundTrips = isOnPostgres ? countPostgresRoundTrips() : () => 0;
  const system = await (isOnPostgres ? createBatonPostgresSystem : factories[config.system])(benchCase, xml, config.env);
  const completed = await system.traceOne();
  const missing = benchCase.mustComplete.filter((id) => !completed.includes(id));
  if (config.isTracer && config.system === 'baton' && missing.length > 0) {
    throw new Error(`Baton did not complete ${missing.join(', ')} in ${benchCase.name}; it completed: ${completed.join(', ')}.`);
  }
  const latencies: number[] = [];
  let isTimed = false;
  const runOne = async (): Promise<void> => {
    const startedAt = performance.now();
    await system.runOne();
    if (isTimed) latencies.push(performance.now() - startedAt);
  };
  const common = { inFlight: config.lanes, progressEveryMs: 1_000, stallMs: 15_000 };
  await drive(runOne, {
    ...common,
    durationMs: config.warmupMs,
    onProgress: (instances, elapsedMs) => void send({ type: 'progress', phase: 'warm-up', instances, elapsedMs }),
  });
  (globalThis as { gc?: () => void }).gc?.();
  await send({ type: 'warmed' });
  await measureSignal;
  isTimed = true;
  const roundTripsBefore = roundTrips();
  const run = await drive(runOne, {
    ...common,
    durationMs: config.durationMs,
    onProgress: (instances, elapsedMs) => void send({ type: 'progress', phase: 'measure', instances, elapsedMs }),
  });
  const measurement = { instances: run.instances, elapsedMs: run.elapsedMs, cpuUs: run.cpuUs, latenciesMs: latencies };
  await send({ type: 'measured', measurement: isOnPostgres ? { ...measurement, dbRoundTrips: roundTrips() - roundTripsBefore } : measurement });
  await closeSignal;
  await system.close();
}

// An orphan (the runner died) has nobody to report to.
process.on('disconnect', () => process.exit(1));

// Exits explicitly: BullMQ and the buses may keep timers or sockets that would hold the process.
main(JSON.parse(process.argv[2] ?? '{}') as ClusterNodeConfig).then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);

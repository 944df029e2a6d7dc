import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { BusEndpoint, BusKind } from './buses.js';
import type { BenchCase } from './cases.js';
import { forkBench, type BenchChild } from './child.js';
import type { ClusterNodeConfig, ClusterResult, HandOffResult, NodeMeasurement, NodeMessage } from './cluster-protocol.js';
import type { BenchStore, ClusterSystemName } from './cluster-system.js';
import type { HandOffProcessConfig, HandOffProcessMessage } from './handoff-process.js';
import { delta, snapshot, type RedisDelta } from './redis-stats.js';
import { percentile } from './stats.js';

/** The shared servers of a cluster run. */
export interface ClusterServers {
  readonly redisUrl: string;
  /** The runner's own Redis connection, for INFO. */
  readonly stats: Redis;
  /** The run's Postgres and the runner's pool on it, when a row is on Postgres. */
  readonly postgres?: { readonly url: string; readonly stats: pg.Pool };
  readonly endpoint: (kind: BusKind) => BusEndpoint;
  /** A key prefix of this bench run's own (removed at the end from a Redis the bench did not start). */
  readonly newPrefix: () => string;
}

/** How every row of a cluster run is timed. */
export interface Timing {
  readonly inFlight: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly modelsDir: string;
}

/** One row: a case on a system, on `nodes` node processes sharing one Redis. */
export interface RowSpec {
  readonly benchCase: BenchCase;
  readonly system: ClusterSystemName;
  /** Baton's store (raw BullMQ: always redis). */
  readonly store: BenchStore;
  readonly nodes: number;
  readonly bus: BusKind;
  readonly handOff: boolean;
  /** Default a fresh one per row. */
  readonly prefix?: string;
  /** Instances already waiting under `prefix` (for the table). */
  readonly waiting?: number;
}

export function rowLabel(spec: RowSpec): string {
  const how = spec.system === 'bullmq' ? 'raw BullMQ' : `${spec.store}, ${spec.nodes} node${spec.nodes > 1 ? 's' : ''}, ${spec.bus} bus${spec.handOff ? ', job on an edge node' : ''}`;
  return `${spec.benchCase.name} ${spec.system} (${how}${spec.waiting ? `, ${spec.waiting} waiting` : ''})`;
}

/** Splits `total` lanes over `parts` as evenly as possible. */
function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function startEdge(spec: RowSpec, servers: ClusterServers, label: string): BenchChild | undefined {
  if (!spec.handOff) return undefined;
  const config: HandOffProcessConfig = { role: 'edge', bus: servers.endpoint(spec.bus), jobType: spec.benchCase.jobType, inFlight: 1, warmupMs: 0, durationMs: 0 };
  return forkBench('handoff-process.js', config, `${label} edge`);
}

/**
 * Runs one row: forks its node processes, waits until all are warm, snapshots Redis,
 * lets them measure, snapshots again, and closes them. Redis deltas cover the timed
 * runs of every node and nothing else of this run; Postgres round trips are counted by
 * each node over its timed run.
 */
export async function runRow(spec: RowSpec, servers: ClusterServers, timing: Timing, label: string): Promise<ClusterResult> {
  const prefix = spec.prefix ?? servers.newPrefix();
  const edge = startEdge(spec, servers, label);
  const children: BenchChild[] = [];
  try {
    await edge?.waitFor('ready');
    const lanes = split(timing.inFlight, spec.nodes);
    for (const [index, nodeLanes] of lanes.entries()) {
      const config: ClusterNodeConfig = {
        caseName: spec.benchCase.name,
        system: spec.system,
        modelsDir: timing.modelsDir,
        env: {
          redisUrl: servers.redisUrl,
          store: spec.store,
          ...(servers.postgres === undefined ? {} : { postgresUrl: servers.postgres.url }),
          prefix,
          bus: servers.endpoint(spec.bus),
          nodeId: `n${index + 1}-${randomUUID().slice(0, 6)}`,
          concurrency: timing.inFlight,
          handOff: spec.handOff,
        },
        lanes: nodeLanes,
        warmupMs: timing.warmupMs,
        durationMs: timing.durationMs,
        isTracer: index === 0,
      };
      children.push(forkBench('cluster-node-process.js', config, spec.nodes > 1 ? `${label} node ${index + 1}` : label));
    }
    await Promise.all(children.map((c) => c.waitFor('warmed')));
    const before = await snapshot(servers.stats);
    for (const child of children) child.send({ type: 'measure' });
    const measured = await Promise.all(children.map((c) => c.waitFor<Extract<NodeMessage, { type: 'measured' }>>('measured')));
    const after = await snapshot(servers.stats);
    for (const child of [...children, ...(edge === undefined ? [] : [edge])]) child.send({ type: 'close' });
    await Promise.all([...children, ...(edge === undefined ? [] : [edge])].map((c) => c.exited));
    return toResult(spec, measured.map((m) => m.measurement), delta(before, after));
  } finally {
    for (const child of [...children, ...(edge === undefined ? [] : [edge])]) child.kill();
  }
}

function toResult(spec: RowSpec, nodes: readonly NodeMeasurement[], redis: RedisDelta): ClusterResult {
  const instances = nodes.reduce((s, m) => s + m.instances, 0);
  const elapsedMs = Math.max(...nodes.map((m) => m.elapsedMs));
  const latencies = nodes.flatMap((m) => m.latenciesMs).sort((a, b) => a - b);
  const perInstance = (n: number): number => n / instances;
  const commandsPerInstance = Object.fromEntries(
    Object.entries(redis.calls)
      .sort(([, a], [, b]) => b - a)
      .map(([name, calls]) => [name, Math.round(perInstance(calls) * 100) / 100]),
  );
  return {
    name: spec.benchCase.name,
    system: spec.system,
    store: spec.store,
    nodes: spec.nodes,
    bus: spec.bus,
    handOff: spec.handOff,
    waiting: spec.waiting ?? 0,
    instancesPerSec: instances / (elapsedMs / 1_000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    redisCommandsPerInstance: perInstance(redis.commands),
    redisScriptsPerInstance: perInstance(redis.scripts),
    redisCpuUsPerInstance: perInstance(redis.cpuUs),
    ...(spec.store === 'postgres' ? { dbRoundTripsPerInstance: perInstance(nodes.reduce((s, m) => s + (m.dbRoundTrips ?? 0), 0)) } : {}),
    nodeCpuUsPerInstance: perInstance(nodes.reduce((s, m) => s + m.cpuUs, 0)),
    instances,
    elapsedMs,
    commandsPerInstance,
  };
}

/**
 * Hand-off round trips over one bus: an edge process answering at once and a
 * requester process timing `inFlight` lanes of requests (memory: both in one process).
 */
export async function runHandOff(bus: BusKind, servers: ClusterServers, timing: Timing, inFlight: number, label: string): Promise<HandOffResult> {
  const base = { bus: servers.endpoint(bus), jobType: 'work', inFlight, warmupMs: Math.min(timing.warmupMs, 1_000), durationMs: Math.min(timing.durationMs, 3_000) };
  const edge = bus === 'memory' ? undefined : forkBench('handoff-process.js', { ...base, role: 'edge' } satisfies HandOffProcessConfig, `${label} edge`);
  let requester: BenchChild | undefined;
  try {
    await edge?.waitFor('ready');
    requester = forkBench('handoff-process.js', { ...base, role: edge === undefined ? 'both' : 'requester' } satisfies HandOffProcessConfig, label);
    const measured = await requester.waitFor<Extract<HandOffProcessMessage, { type: 'measured' }>>('measured');
    edge?.send({ type: 'close' });
    await Promise.all([requester.exited, edge?.exited]);
    const { roundTrips, elapsedMs, p50Ms, p99Ms } = measured;
    return { name: 'hand-off', bus, inFlight, roundTripsPerSec: roundTrips / (elapsedMs / 1_000), p50Ms, p99Ms, roundTrips };
  } finally {
    requester?.kill();
    edge?.kill();
  }
}

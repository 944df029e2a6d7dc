import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createFayeServer, type RunningFayeServer } from '@baton/faye';
import { startNats, startPostgres, startRedis, type RunningServer } from '@baton/testkit';
import type { BusEndpoint, BusKind } from './buses.js';
import type { BenchCase } from './cases.js';
import type { ClusterResult, HandOffResult } from './cluster-protocol.js';
import { clusterRatios, formatClusterReport } from './cluster-report.js';
import { rowLabel, runHandOff, runRow, type ClusterServers, type RowSpec, type Timing } from './cluster-run.js';
import type { BenchStore, ClusterSystemName } from './cluster-system.js';
import { runWaiting, type WaitingResult } from './cluster-waiting.js';
import { postgresStatsPool, schemaOf } from './postgres-stats.js';
import { deleteKeys, statsClient } from './redis-stats.js';

/** What `npm run bench -- cluster …` asked for. */
export interface ClusterCli {
  readonly cases: readonly BenchCase[];
  readonly systems: readonly ClusterSystemName[];
  /** Baton's stores: redis, and with `--store postgres` Postgres beside it (issue 15). */
  readonly stores: readonly BenchStore[];
  readonly nodes: readonly number[];
  readonly buses: readonly BusKind[];
  /** `--nodes` or `--bus` given: also hand-off round trips and rows with the job on an edge node. */
  readonly isCluster: boolean;
  /** 0: off. */
  readonly waiting: number;
  readonly timing: Timing;
  readonly jsonFile?: string;
  readonly isCheck: boolean;
}

/** The rows of a run, in order: per case, Baton on each store, node count and bus, edge rows (Redis), raw BullMQ. */
export function plannedRows(cli: ClusterCli): RowSpec[] {
  const rows: RowSpec[] = [];
  for (const benchCase of cli.cases) {
    if (cli.systems.includes('baton')) {
      for (const store of cli.stores) {
        for (const nodes of cli.nodes) {
          // The memory bus reaches one process only: completions on another node would never be seen.
          for (const bus of cli.buses) if (nodes === 1 || bus !== 'memory') rows.push({ benchCase, system: 'baton', store, nodes, bus, handOff: false });
        }
      }
      if (cli.isCluster && benchCase.name === 'one-task') {
        for (const bus of cli.buses) if (bus !== 'memory') rows.push({ benchCase, system: 'baton', store: 'redis', nodes: 1, bus, handOff: true });
      }
    }
    if (cli.systems.includes('bullmq')) rows.push({ benchCase, system: 'bullmq', store: 'redis', nodes: 1, bus: 'memory', handOff: false });
  }
  return rows;
}

interface Started {
  readonly servers: ClusterServers;
  stop(): Promise<void>;
}

async function startServers(buses: readonly BusKind[], stores: readonly BenchStore[]): Promise<Started> {
  const redis = await startRedis();
  process.stderr.write(`[cluster] redis: ${redis.source} ${redis.url}\n`);
  const postgres: RunningServer | undefined = stores.includes('postgres') ? await startPostgres() : undefined;
  if (postgres !== undefined) process.stderr.write(`[cluster] postgres: ${postgres.source} ${postgres.url}\n`);
  const postgresStats = postgres === undefined ? undefined : postgresStatsPool(postgres.url);
  const nats: RunningServer | undefined = buses.includes('nats') ? await startNats() : undefined;
  if (nats !== undefined) process.stderr.write(`[cluster] nats: ${nats.source} ${nats.url}\n`);
  const token = randomUUID();
  const faye: RunningFayeServer | undefined = buses.includes('faye') ? await createFayeServer({ port: 0, token }) : undefined;
  if (faye !== undefined) process.stderr.write(`[cluster] faye: ${faye.url} (in the runner process)\n`);
  const stats = statsClient(redis.url);
  const endpoint = (kind: BusKind): BusEndpoint =>
    kind === 'nats' ? { kind, url: nats?.url ?? '' } : kind === 'faye' ? { kind, url: faye?.url ?? '', token } : { kind };
  let rows = 0;
  const runId = `bench-${randomUUID().slice(0, 8)}`;
  return {
    servers: {
      redisUrl: redis.url,
      stats,
      ...(postgres === undefined || postgresStats === undefined ? {} : { postgres: { url: postgres.url, stats: postgresStats } }),
      endpoint,
      newPrefix: () => `${runId}-${++rows}`,
    },
    stop: async () => {
      // The same for a Postgres from BATON_TEST_POSTGRES_URL: only this run's schemas go.
      if (postgres?.source === 'env' && postgresStats !== undefined) {
        for (let row = 1; row <= rows; row += 1) await postgresStats.query(`DROP SCHEMA IF EXISTS ${schemaOf(`${runId}-${row}`)} CASCADE`);
      }
      await postgresStats?.end();
      await postgres?.stop();
      // A Redis the bench started goes away whole; one from BATON_TEST_REDIS_URL keeps only what it had.
      if (redis.source === 'env') await deleteKeys(stats, `${runId}-*`);
      await stats.quit();
      await faye?.close();
      await nats?.stop();
      await redis.stop();
    },
  };
}

function heading(cli: ClusterCli): string {
  const { inFlight, warmupMs, durationMs } = cli.timing;
  return (
    `Bench suite "cluster": ${inFlight} instances in flight (split over the nodes), worker concurrency ${inFlight} per node, ` +
    `${warmupMs} ms warm-up, ${durationMs} ms measured per row, each node in its own process; Redis figures are INFO deltas ` +
    `over the timed run, Postgres round trips the queries the nodes' pg clients sent ` +
    `over the timed run; Node ${process.version}`
  );
}

/** Runs the suite; returns the exit code (1: a row failed, or `--check` and the ratio missed). */
export async function runClusterSuite(cli: ClusterCli): Promise<number> {
  const started = await startServers(cli.buses, cli.stores);
  const { servers } = started;
  const results: ClusterResult[] = [];
  const handOff: HandOffResult[] = [];
  const waiting: WaitingResult[] = [];
  let hasFailed = false;
  const attempt = async (label: string, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      hasFailed = true;
      process.stderr.write(`${label} FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  };
  try {
    const rows = plannedRows(cli);
    for (const [index, spec] of rows.entries()) {
      const label = `[${index + 1}/${rows.length}] ${rowLabel(spec)}`;
      process.stderr.write(`${label}: ${spec.benchCase.title}\n`);
      await attempt(label, async () => {
        const result = await runRow(spec, servers, cli.timing, label);
        process.stderr.write(`${label} done: ${Math.round(result.instancesPerSec)} instances/s, p99 ${result.p99Ms.toFixed(1)} ms\n`);
        results.push(result);
      });
    }
    if (cli.isCluster) {
      for (const bus of cli.buses) {
        const label = `[hand-off] ${bus}`;
        await attempt(label, async () => void handOff.push(await runHandOff(bus, servers, cli.timing, 1, label)));
      }
    }
    const oneTask = cli.cases.find((c) => c.name === 'one-task');
    if (cli.waiting > 0 && oneTask !== undefined) {
      for (const store of cli.stores) {
        await attempt(`[waiting ${store}]`, async () => {
          const run = await runWaiting(oneTask, cli.waiting, store, servers, cli.timing);
          results.push(...run.rows);
          waiting.push(run.waiting);
        });
      }
    }
  } finally {
    await started.stop();
  }
  const report = { heading: heading(cli), results, handOff, waiting };
  process.stdout.write(`${formatClusterReport(report)}\n`);
  if (cli.jsonFile !== undefined) writeJson(cli, report);
  const isMissed = cli.isCheck && clusterRatios(results).some((r) => r.meetsTarget === false);
  return hasFailed || isMissed ? 1 : 0;
}

function writeJson(cli: ClusterCli, report: { results: readonly ClusterResult[]; handOff: readonly HandOffResult[]; waiting: readonly WaitingResult[] }): void {
  const file = cli.jsonFile as string;
  const json = {
    suite: 'cluster',
    inFlight: cli.timing.inFlight,
    warmupMs: cli.timing.warmupMs,
    durationMs: cli.timing.durationMs,
    node: process.version,
    results: report.results,
    ratios: clusterRatios(report.results),
    handOff: report.handOff,
    ...(report.waiting.length === 0 ? {} : { waiting: report.waiting }),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  process.stderr.write(`wrote ${file}\n`);
}

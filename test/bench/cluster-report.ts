import type { ClusterResult, HandOffResult } from './cluster-protocol.js';
import type { WaitingResult } from './cluster-waiting.js';
import { table } from './report.js';

/** Baton instances/s over raw BullMQ jobs/s for process (1) (issue #5, "Speed"). */
export const targetClusterRatio = 0.5;

export interface ClusterRatio {
  readonly name: string;
  /** Baton (one node, memory bus) instances/s over raw BullMQ's. */
  readonly ratio: number;
  /** Only `one-task` has a target. */
  readonly meetsTarget: boolean | undefined;
}

const isOneNode = (r: ClusterResult): boolean => r.nodes === 1 && r.bus === 'memory' && !r.handOff && r.waiting === 0;
const isBaseline = (r: ClusterResult): boolean => isOneNode(r) && r.store === 'redis';

/** Issue 15: Baton on Postgres alone over Baton on Redis, `one-task` at least this. */
export const targetPostgresRatio = 0.5;

/** Baton on Postgres over Baton on Redis (one node, memory bus, empty store), per case of the run. */
export function postgresRatios(results: readonly ClusterResult[]): ClusterRatio[] {
  const ratios: ClusterRatio[] = [];
  for (const name of new Set(results.map((r) => r.name))) {
    const redis = results.find((r) => r.name === name && r.system === 'baton' && isBaseline(r));
    const postgres = results.find((r) => r.name === name && r.system === 'baton' && isOneNode(r) && r.store === 'postgres');
    if (redis === undefined || postgres === undefined) continue;
    const ratio = postgres.instancesPerSec / redis.instancesPerSec;
    ratios.push({ name, ratio, meetsTarget: name === 'one-task' ? ratio >= targetPostgresRatio : undefined });
  }
  return ratios;
}

export function clusterRatios(results: readonly ClusterResult[]): ClusterRatio[] {
  const ratios: ClusterRatio[] = [];
  for (const name of new Set(results.map((r) => r.name))) {
    const baton = results.find((r) => r.name === name && r.system === 'baton' && isBaseline(r));
    const bullmq = results.find((r) => r.name === name && r.system === 'bullmq');
    if (baton === undefined || bullmq === undefined) continue;
    const ratio = baton.instancesPerSec / bullmq.instancesPerSec;
    ratios.push({ name, ratio, meetsTarget: name === 'one-task' ? ratio >= targetClusterRatio : undefined });
  }
  return ratios;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function resultRows(results: readonly ClusterResult[]): string[][] {
  return results.map((r) => {
    const onRedis = r.store === 'redis';
    return [
    r.name,
    r.system,
    r.store,
    r.system === 'bullmq' ? '-' : String(r.nodes),
    r.system === 'bullmq' ? '-' : `${r.bus}${r.handOff ? '+edge' : ''}`,
    r.waiting === 0 ? '0' : integer.format(r.waiting),
    integer.format(r.instancesPerSec),
    two.format(r.p50Ms),
    two.format(r.p99Ms),
    onRedis ? one.format(r.redisCommandsPerInstance) : '-',
    onRedis ? one.format(r.redisScriptsPerInstance) : '-',
    onRedis ? integer.format(r.redisCpuUsPerInstance) : '-',
    r.dbRoundTripsPerInstance === undefined ? '-' : one.format(r.dbRoundTripsPerInstance),
    integer.format(r.nodeCpuUsPerInstance),
    integer.format(r.instances),
    ];
  });
}

const resultHeader = [
  'case',
  'system',
  'store',
  'nodes',
  'bus',
  'waiting',
  'instances/s',
  'p50 ms',
  'p99 ms',
  'Redis cmds/inst',
  'scripts/inst',
  'Redis CPU µs/inst',
  'Postgres round trips/inst',
  'node CPU µs/inst',
  'instances',
];

/** The top Redis commands per instance of the baseline rows (INFO commandstats). */
function commandRows(results: readonly ClusterResult[]): string[][] {
  return results
    .filter((r) => r.system === 'bullmq' || isBaseline(r))
    .map((r) => [
      `${r.name} ${r.system}`,
      Object.entries(r.commandsPerInstance)
        .slice(0, 10)
        .map(([name, calls]) => `${name} ${two.format(calls)}`)
        .join(', '),
    ]);
}

export interface ClusterReport {
  readonly heading: string;
  readonly results: readonly ClusterResult[];
  readonly handOff: readonly HandOffResult[];
  readonly waiting: readonly WaitingResult[];
}

function ratioRows(ratios: readonly ClusterRatio[], target: number): string[][] {
  return ratios.map((r) => [r.name, `${two.format(r.ratio)}×`, r.meetsTarget === undefined ? '(no target)' : r.meetsTarget ? `>= ${target} ok` : `< ${target} MISSED`]);
}

/** Results, ratios, command mix, hand-off and waiting tables; plain text for stdout. */
export function formatClusterReport(report: ClusterReport): string {
  const parts = [report.heading, '', table(resultHeader, resultRows(report.results))];
  const ratios = clusterRatios(report.results);
  if (ratios.length > 0) parts.push('', table(['Baton / raw BullMQ', 'instances/s', 'target'], ratioRows(ratios, targetClusterRatio)));
  const onPostgres = postgresRatios(report.results);
  if (onPostgres.length > 0) parts.push('', table(['Baton on Postgres / on Redis', 'instances/s', 'target'], ratioRows(onPostgres, targetPostgresRatio)));
  const commands = commandRows(report.results);
  if (commands.length > 0) parts.push('', table(['Redis calls per instance', 'by command (commands inside Lua scripts included)'], commands));
  if (report.handOff.length > 0) {
    const rows = report.handOff.map((h) => [h.bus, String(h.inFlight), integer.format(h.roundTripsPerSec), two.format(h.p50Ms), two.format(h.p99Ms), integer.format(h.roundTrips)]);
    parts.push('', table(['hand-off bus', 'in flight', 'round trips/s', 'p50 ms', 'p99 ms', 'round trips'], rows));
  }
  if (report.waiting.length > 0) {
    const rows = report.waiting.map((w) => [
      w.store,
      integer.format(w.waiting),
      integer.format(w.fillPerSec),
      integer.format(w.bytesPerWaitingInstance),
      integer.format(w.emptyInstancesPerSec),
      integer.format(w.justFilledInstancesPerSec),
      integer.format(w.loadedInstancesPerSec),
      `${two.format(w.throughputRatio)}×`,
    ]);
    parts.push('', table(['store', 'waiting instances', 'started/s', 'bytes/waiting inst', 'empty inst/s', 'just filled inst/s', 'loaded inst/s', 'loaded/empty'], rows));
  }
  for (const w of report.waiting) {
    if (w.sizes === undefined) continue;
    const mib = (bytes: number): string => two.format(bytes / 1_048_576);
    const rows = w.sizes.tables.map((t) => [t.table, integer.format(t.rows), mib(t.tableBytes), mib(t.indexBytes), integer.format((t.tableBytes + t.indexBytes) / w.waiting)]);
    rows.push(['all', '', mib(w.sizes.tableBytes), mib(w.sizes.indexBytes), integer.format((w.sizes.tableBytes + w.sizes.indexBytes) / w.waiting)]);
    parts.push('', table([`Postgres, ${integer.format(w.waiting)} waiting: table`, 'rows', 'table MiB', 'index MiB', 'bytes/waiting inst'], rows));
  }
  return parts.join('\n');
}

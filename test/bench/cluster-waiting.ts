import type { BenchCase } from './cases.js';
import { forkBench } from './child.js';
import type { ClusterResult } from './cluster-protocol.js';
import type { BenchStore } from './cluster-system.js';
import { rowLabel, runRow, type ClusterServers, type RowSpec, type Timing } from './cluster-run.js';
import type { FillConfig, FillMessage } from './fill-process.js';
import { schemaOf, schemaSize, type SchemaSize } from './postgres-stats.js';
import { snapshot } from './redis-stats.js';

/** Issue #5: throughput with N instances waiting on a user task, and their memory. */
export interface WaitingResult {
  readonly name: 'waiting';
  readonly store: BenchStore;
  readonly waiting: number;
  readonly fillPerSec: number;
  /** Redis: used_memory delta over the fill, per waiting instance; Postgres: tables and indexes (with TOAST) grown over the fill. */
  readonly bytesPerWaitingInstance: number;
  /** Postgres: what each table and its indexes grew by over the fill (after VACUUM ANALYZE), rows added. */
  readonly sizes?: SchemaSize;
  readonly emptyInstancesPerSec: number;
  /** The case run right after the fill, while Redis still digests it (see README.md). */
  readonly justFilledInstancesPerSec: number;
  /** The case run again at once after that: the steady state beside N waiting instances. */
  readonly loadedInstancesPerSec: number;
  /** Loaded (steady) over empty; target ≥ 0.9. */
  readonly throughputRatio: number;
}

/**
 * One namespace: the case on an empty Redis, then `count` waiting instances added
 * (used_memory before and after), then the case twice beside them: right after the
 * fill, Redis is still growing its hash tables incrementally (a 2M-key keyspace
 * crossing a power of two rehashes over tens of seconds), which the first run pays
 * and reports; the second is the steady state the ratio is taken from.
 */
export async function runWaiting(
  benchCase: BenchCase,
  count: number,
  store: BenchStore,
  servers: ClusterServers,
  timing: Timing,
): Promise<{ readonly rows: readonly ClusterResult[]; readonly waiting: WaitingResult }> {
  const prefix = servers.newPrefix();
  const base: RowSpec = { benchCase, system: 'baton', store, nodes: 1, bus: 'memory', handOff: false, prefix };
  const empty = await runRow(base, servers, timing, `[waiting] ${rowLabel(base)}`);
  process.stderr.write(`[waiting] empty ${store}: ${Math.round(empty.instancesPerSec)} instances/s; now starting ${count} instances waiting on a user task\n`);
  const measure = storeSize(store, prefix, servers);
  const before = await measure();
  const config: FillConfig = {
    redisUrl: servers.redisUrl,
    store,
    ...(servers.postgres === undefined ? {} : { postgresUrl: servers.postgres.url }),
    prefix,
    modelsDir: timing.modelsDir,
    count,
    inFlight: store === 'postgres' ? 40 : 200,
  };
  const filler = forkBench('fill-process.js', config, '[waiting] fill');
  const filled = await filler.waitFor<Extract<FillMessage, { type: 'filled' }>>('filled');
  await filler.exited;
  const after = await measure();
  const bytesPerWaitingInstance = (after.bytes - before.bytes) / count;
  process.stderr.write(`[waiting] ${count} waiting in ${(filled.elapsedMs / 1_000).toFixed(1)} s, ${Math.round(bytesPerWaitingInstance)} bytes each\n`);
  const loadedSpec = { ...base, waiting: count };
  const justFilled = await runRow(loadedSpec, servers, timing, `[waiting] ${rowLabel(loadedSpec)}, just filled`);
  const loaded = await runRow(loadedSpec, servers, timing, `[waiting] ${rowLabel(loadedSpec)}, again`);
  return {
    rows: [empty, justFilled, loaded],
    waiting: {
      name: 'waiting',
      store,
      waiting: count,
      ...(before.sizes === undefined || after.sizes === undefined ? {} : { sizes: grown(before.sizes, after.sizes) }),
      fillPerSec: count / (filled.elapsedMs / 1_000),
      bytesPerWaitingInstance,
      emptyInstancesPerSec: empty.instancesPerSec,
      justFilledInstancesPerSec: justFilled.instancesPerSec,
      loadedInstancesPerSec: loaded.instancesPerSec,
      throughputRatio: loaded.instancesPerSec / empty.instancesPerSec,
    },
  };
}

/** How to weigh the row's namespace: Redis used_memory, or the Postgres schema's tables and indexes. */
function storeSize(store: BenchStore, prefix: string, servers: ClusterServers): () => Promise<{ readonly bytes: number; readonly sizes?: SchemaSize }> {
  const postgres = servers.postgres;
  if (store === 'redis') return async () => ({ bytes: (await snapshot(servers.stats)).usedMemory });
  if (postgres === undefined) throw new Error('a Postgres row needs the run\'s Postgres');
  return async () => {
    const sizes = await schemaSize(postgres.stats, schemaOf(prefix));
    return { bytes: sizes.tableBytes + sizes.indexBytes, sizes };
  };
}

/** What each table grew by from `before` to `after`. */
function grown(before: SchemaSize, after: SchemaSize): SchemaSize {
  const tables = after.tables
    .map((t) => {
      const was = before.tables.find((b) => b.table === t.table);
      return { table: t.table, tableBytes: t.tableBytes - (was?.tableBytes ?? 0), indexBytes: t.indexBytes - (was?.indexBytes ?? 0), rows: t.rows - (was?.rows ?? 0) };
    })
    .filter((t) => t.tableBytes !== 0 || t.indexBytes !== 0 || t.rows !== 0);
  return { tables, tableBytes: after.tableBytes - before.tableBytes, indexBytes: after.indexBytes - before.indexBytes };
}

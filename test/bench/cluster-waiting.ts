import type { BenchCase } from './cases.js';
import { forkBench } from './child.js';
import type { ClusterResult } from './cluster-protocol.js';
import { rowLabel, runRow, type ClusterServers, type RowSpec, type Timing } from './cluster-run.js';
import type { FillConfig, FillMessage } from './fill-process.js';
import { snapshot } from './redis-stats.js';

/** Issue #5: throughput with N instances waiting on a user task, and their memory. */
export interface WaitingResult {
  readonly name: 'waiting';
  readonly waiting: number;
  readonly fillPerSec: number;
  /** used_memory delta over the fill, per waiting instance. */
  readonly bytesPerWaitingInstance: number;
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
  servers: ClusterServers,
  timing: Timing,
): Promise<{ readonly rows: readonly ClusterResult[]; readonly waiting: WaitingResult }> {
  const prefix = servers.newPrefix();
  const base: RowSpec = { benchCase, system: 'baton', nodes: 1, bus: 'memory', handOff: false, prefix };
  const empty = await runRow(base, servers, timing, `[waiting] ${rowLabel(base)}`);
  process.stderr.write(`[waiting] empty Redis: ${Math.round(empty.instancesPerSec)} instances/s; now starting ${count} instances waiting on a user task\n`);
  const before = await snapshot(servers.stats);
  const config: FillConfig = { redisUrl: servers.redisUrl, prefix, modelsDir: timing.modelsDir, count, inFlight: 200 };
  const filler = forkBench('fill-process.js', config, '[waiting] fill');
  const filled = await filler.waitFor<Extract<FillMessage, { type: 'filled' }>>('filled');
  await filler.exited;
  const after = await snapshot(servers.stats);
  const bytesPerWaitingInstance = (after.usedMemory - before.usedMemory) / count;
  process.stderr.write(`[waiting] ${count} waiting in ${(filled.elapsedMs / 1_000).toFixed(1)} s, ${Math.round(bytesPerWaitingInstance)} bytes each\n`);
  const loadedSpec = { ...base, waiting: count };
  const justFilled = await runRow(loadedSpec, servers, timing, `[waiting] ${rowLabel(loadedSpec)}, just filled`);
  const loaded = await runRow(loadedSpec, servers, timing, `[waiting] ${rowLabel(loadedSpec)}, again`);
  return {
    rows: [empty, justFilled, loaded],
    waiting: {
      name: 'waiting',
      waiting: count,
      fillPerSec: count / (filled.elapsedMs / 1_000),
      bytesPerWaitingInstance,
      emptyInstancesPerSec: empty.instancesPerSec,
      justFilledInstancesPerSec: justFilled.instancesPerSec,
      loadedInstancesPerSec: loaded.instancesPerSec,
      throughputRatio: loaded.instancesPerSec / empty.instancesPerSec,
    },
  };
}

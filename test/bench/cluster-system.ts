import type { BusEndpoint } from './buses.js';
import type { BenchCase } from './cases.js';
import type { BenchSystem } from './system.js';

/** The systems of the `cluster` suite: Baton on Redis, and raw BullMQ as the reference. */
export const clusterSystemNames = ['baton', 'bullmq'] as const;
export type ClusterSystemName = (typeof clusterSystemNames)[number];

/** Where Baton keeps state, jobs and timers in a row: Redis (store + BullMQ), or Postgres alone (issue 15). */
export const benchStores = ['redis', 'postgres'] as const;
export type BenchStore = (typeof benchStores)[number];

/** Where one node of a cluster run finds Redis (or Postgres) and the bus, and how it works. */
export interface ClusterEnv {
  readonly redisUrl: string;
  /** Baton's store of the row; raw BullMQ rows are always on Redis. */
  readonly store: BenchStore;
  /** The run's Postgres, when a row is on it. */
  readonly postgresUrl?: string;
  /** Key prefix of this row (store and BullMQ; on Postgres, its schema), shared by its nodes. */
  readonly prefix: string;
  readonly bus: BusEndpoint;
  /** Unique in the run; instance ids start with it. */
  readonly nodeId: string;
  /** Jobs a node's worker runs at once (issue #5: 50, as many as are in flight). */
  readonly concurrency: number;
  /** Baton only: the service task's jobs are handed over the bus to an edge node. */
  readonly handOff: boolean;
}

export type ClusterSystemFactory = (benchCase: BenchCase, xml: string, env: ClusterEnv) => Promise<BenchSystem>;

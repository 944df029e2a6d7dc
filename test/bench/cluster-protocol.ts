import type { BusEndpoint, BusKind } from './buses.js';
import type { BenchStore, ClusterEnv, ClusterSystemName } from './cluster-system.js';

/** What the cluster runner passes one node process (as JSON in argv[2]). */
export interface ClusterNodeConfig {
  readonly caseName: string;
  readonly system: ClusterSystemName;
  readonly modelsDir: string;
  readonly env: ClusterEnv;
  /** Lanes of this node (each one instance at a time); the run's in-flight split over its nodes. */
  readonly lanes: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Whether this node checks, before timing, that one instance completes the case's elements. */
  readonly isTracer: boolean;
}

/** What one node measured in its timed run. */
export interface NodeMeasurement {
  readonly instances: number;
  readonly elapsedMs: number;
  readonly cpuUs: number;
  /** Start-to-completion of each instance of the timed run, ms. */
  readonly latenciesMs: readonly number[];
  /** Postgres rows: queries this node's pg clients sent during the timed run (one round trip each). */
  readonly dbRoundTrips?: number;
}

/** Node process → runner. */
export type NodeMessage =
  | { readonly type: 'progress'; readonly phase: 'warm-up' | 'measure'; readonly instances: number; readonly elapsedMs: number }
  | { readonly type: 'warmed' }
  | { readonly type: 'measured'; readonly measurement: NodeMeasurement }
  | { readonly type: 'failed'; readonly message: string };

/** Runner → node process: time now (after every node warmed up), then close (after every node measured). */
export type RunnerMessage = { readonly type: 'measure' } | { readonly type: 'close' };

/** One row of the cluster tables and of `--json`. */
export interface ClusterResult {
  readonly name: string;
  readonly system: ClusterSystemName;
  readonly store: BenchStore;
  readonly nodes: number;
  readonly bus: BusKind;
  /** The job ran on an edge node, handed over the bus. */
  readonly handOff: boolean;
  /** Instances waiting in the store (a user task) during the run; 0 for an empty one. */
  readonly waiting: number;
  readonly instancesPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly redisCommandsPerInstance: number;
  /** EVAL/EVALSHA per instance: one round trip each, many commands inside. */
  readonly redisScriptsPerInstance: number;
  readonly redisCpuUsPerInstance: number;
  /** Postgres rows: queries the nodes sent per instance, each one round trip (client side, every pool of the node). */
  readonly dbRoundTripsPerInstance?: number;
  /** CPU of the node processes per instance (user + system). */
  readonly nodeCpuUsPerInstance: number;
  readonly instances: number;
  readonly elapsedMs: number;
  /** Redis calls per instance by command, largest first (INFO commandstats delta). */
  readonly commandsPerInstance: Readonly<Record<string, number>>;
}

/** Hand-off round trip over one bus kind (issue #6). */
export interface HandOffResult {
  readonly name: 'hand-off';
  readonly bus: BusKind;
  readonly inFlight: number;
  readonly roundTripsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly roundTrips: number;
}

/** What the edge process of a hand-off measurement is told (as JSON in argv[2]). */
export interface EdgeConfig {
  readonly bus: BusEndpoint;
  readonly jobType: string;
}

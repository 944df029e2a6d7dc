import type { ControlledClock, ProcessStore } from '@baton/runtime';
import type { EngineApi } from './engine-api.js';
import type { Readiness } from './health/readiness.js';
import type { ServerCluster } from './handoff/index.js';

/** What every route file receives. */
export interface RouteContext {
  readonly engine: EngineApi;
  readonly nodeId: string;
  readonly capabilities: readonly string[];
  /** This node's software version. */
  readonly version: string;
  /** `/health/ready`: each named check (serving, deployed, store, queue, bus, …). */
  readonly readiness: Readiness;
  /** Aborts when the server starts closing: long polls answer at once. */
  readonly closing: AbortSignal;
  /** Peers and unserved jobs; absent on a node without a cluster bus. */
  readonly cluster?: ServerCluster;
  /** The engine's clock when the node allows pinning it (`--enable-clock-control`). */
  readonly clock?: ControlledClock;
  /** The node's store, served to proxy stores by the store API (issue 17); absent on a node without one. */
  readonly store?: ProcessStore;
}

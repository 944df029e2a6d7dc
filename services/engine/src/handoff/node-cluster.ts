import {
  clusterSubjects,
  joinCluster,
  serveCapabilities,
  startHandOffRelay,
  storeCapability,
  type Clock,
  type ClusterMembership,
  type ClusterSubjects,
  type Engine,
  type JobWorker,
  type MessageBus,
  type PeerInfo,
} from '@baton/runtime';
import type { FastifyInstance } from 'fastify';
import type { ApiHandOffOptions } from './api-hand-off.js';
import { serveApiHandOff } from './api-hand-off.js';
import { unservedJobs, type UnservedJobs } from './unserved-jobs.js';

/** What the HTTP layer needs of the cluster: hand-off for what this node lacks, and the peer view. */
export interface ServerCluster {
  readonly handOff: Omit<ApiHandOffOptions, 'bodyLimit'>;
  /** Live peers, for `GET /v2/topology`. */
  peers(): readonly PeerInfo[];
  /** Open jobs of types no live node (this one included) can run; empty without a store. */
  unservedJobs(): Promise<readonly UnservedJobs[]>;
}

/** Options of {@link createNodeCluster}. */
export interface NodeClusterOptions {
  readonly bus: MessageBus;
  readonly clock: Clock;
  /** Default `default`. */
  readonly cluster?: string;
  readonly nodeId: string;
  /** The job types this node runs (its in-process handlers, and types left to external workers). */
  readonly jobTypes: readonly string[];
  /** The runtime engine when this node has the store; absent on an edge node. */
  readonly engine?: Engine;
  /** In-process handlers; an edge node serves them to its peers over the bus. */
  readonly handlers: Readonly<Record<string, JobWorker>>;
  readonly version?: string;
  /** Default 2 000 ms. */
  readonly heartbeatMs?: number;
  /** How long to wait for a peer (API and job hand-off). Default 30 000 ms. */
  readonly handOffTimeoutMs?: number;
  /** Wait before retrying a job whose capable peer did not answer. Default 5 000 ms. */
  readonly handOffRetryBackOffMs?: number;
  readonly onError: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
}

/** One node's part in the cluster. `join` after the server listens; `leave` before it closes. */
export interface NodeCluster {
  readonly subjects: ClusterSubjects;
  /** Job types plus `store` when the node has it. */
  readonly capabilities: readonly string[];
  readonly server: ServerCluster;
  /** Announces the node (with its URL), starts job hand-off, and answers handed-off API requests. */
  join(app: FastifyInstance, url: string): Promise<void>;
  leave(): Promise<void>;
}

/**
 * The cluster behaviour of a node on the bus: membership and heartbeat, the peer
 * view behind the topology, job hand-off (a node with the store relays the jobs of
 * store-less peers; a store-less node answers them), and API hand-off (a node with
 * the store answers the requests its peers cannot).
 */
export function createNodeCluster(options: NodeClusterOptions): NodeCluster {
  const { bus, engine, nodeId } = options;
  const subjects = clusterSubjects(options.cluster);
  const capabilities = [...new Set([...options.jobTypes, ...(engine === undefined ? [] : [storeCapability])])].sort();
  const timeoutMs = options.handOffTimeoutMs ?? 30_000;
  let membership: ClusterMembership | undefined;
  const stops: (() => Promise<void> | void)[] = [];
  const server: ServerCluster = {
    handOff: { bus, subjects, nodeId, capabilities, timeoutMs },
    peers: () => membership?.view.peers() ?? [],
    unservedJobs: () => (engine === undefined ? Promise.resolve([]) : unservedJobs(engine, [capabilities, ...server.peers().map((p) => p.capabilities)])),
  };
  return {
    subjects,
    capabilities,
    server,
    async join(app, url) {
      const { clock, onError } = options;
      const version = options.version === undefined ? {} : { version: options.version };
      const joined = await joinCluster({ bus, clock, nodeId, capabilities, url, onError, cluster: subjects.cluster, ...version, ...heartbeat(options) });
      membership = joined;
      stops.push(() => joined.leave());
      if (engine === undefined) {
        const served = await serveCapabilities({ bus, subjects, handlers: options.handlers, onError });
        stops.push(() => served.stop());
        return;
      }
      const startWorkers = (workers: Readonly<Record<string, JobWorker>>): void => engine.startWorkers(workers);
      const backOff = options.handOffRetryBackOffMs === undefined ? {} : { retryBackOffMs: options.handOffRetryBackOffMs };
      const relay = startHandOffRelay({ bus, membership: joined, localCapabilities: options.jobTypes, startWorkers, timeoutMs, ...backOff });
      stops.push(() => relay.stop());
      const api = await serveApiHandOff({ app, bus, subjects, nodeId, capabilities: [storeCapability], onError });
      stops.push(() => api.stop());
    },
    async leave() {
      for (const stop of stops.splice(0).reverse()) await stop();
    },
  };
}

function heartbeat(options: NodeClusterOptions): { heartbeatMs?: number } {
  return options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs };
}

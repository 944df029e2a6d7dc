import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { createInMemoryJobQueue, createInMemoryMessageBus, createInMemoryProcessStore } from '@baton/memory';
import { createEngine, systemClock, type ActivatedJob, type Engine, type JobQueue, type JobWorker, type MessageBus, type ProcessStore } from '@baton/runtime';
import { createRuntimeEngineApi } from '../../runtime-engine-api.js';
import { buildServer } from '../../server.js';
import { createEdgeEngineApi } from '../edge-engine-api.js';
import { createNodeCluster, type NodeCluster } from '../node-cluster.js';

/** The process of the seed's heterogeneous setup: `payment`, `shipping`, then `label-printer`; plus `orphan` (type `polisher`). */
export const threeCapabilitiesXml = readFileSync(new URL('./three-capabilities.bpmn', import.meta.url), 'utf8');

/** Which node ran which job, in order. */
export interface RunRecord {
  readonly nodeId: string;
  readonly jobType: string;
  readonly jobKey: string;
}

export interface InProcessNode {
  readonly nodeId: string;
  readonly app: FastifyInstance;
  readonly cluster: NodeCluster;
  /** Absent on an edge node. */
  readonly engine?: Engine;
  /** Stops the node cleanly: it says it leaves. */
  close(): Promise<void>;
  /** Drops the node's own bus connection without a word, as a killed process would (nodes on the shared bus cannot crash). */
  crash(): Promise<void>;
}

export interface NodeSpec {
  readonly nodeId: string;
  readonly hasStore: boolean;
  readonly jobTypes: readonly string[];
  /** Another bus than the cluster's (a node cut off from its peers). */
  readonly bus?: MessageBus;
  /** Handlers to use instead of the recording ones, by job type. */
  readonly handlers?: Readonly<Record<string, JobWorker>>;
}

/** Options of {@link InProcessCluster}. */
export interface InProcessClusterOptions {
  /** Default 1 000 ms. */
  readonly handOffTimeoutMs?: number;
  /** Bus subjects `baton.<cluster>`; default `default`. */
  readonly cluster?: string;
  readonly store?: ProcessStore;
  readonly queue?: JobQueue;
  /** A bus connection of each node's own (NATS); default every node shares one in-memory bus. */
  readonly newBus?: (nodeId: string) => Promise<MessageBus>;
  /** Store and queue connections of each node's own (Redis); default every node shares `store` and `queue`. */
  readonly newStoreAndQueue?: (nodeId: string) => Promise<{ readonly store: ProcessStore; readonly queue: JobQueue }>;
}

/**
 * Nodes in this process sharing one in-memory store, queue and bus, each built as
 * `startNode` builds one (engine, cluster, HTTP API) but reached with `app.inject`.
 * Every handler records who ran it in `runs`.
 */
export class InProcessCluster {
  readonly clock = systemClock();
  readonly store: ProcessStore;
  readonly queue: JobQueue;
  readonly bus: MessageBus = createInMemoryMessageBus({ clock: this.clock });
  readonly runs: RunRecord[] = [];
  readonly errors: unknown[] = [];
  private readonly nodes: InProcessNode[] = [];
  private readonly ownBuses: MessageBus[] = [];
  private readonly ownPorts: { close(): Promise<void> }[] = [];

  constructor(private readonly options: InProcessClusterOptions = {}) {
    this.store = options.store ?? createInMemoryProcessStore();
    this.queue = options.queue ?? createInMemoryJobQueue({ clock: this.clock });
  }

  async addNode(spec: NodeSpec): Promise<InProcessNode> {
    const { nodeId } = spec;
    const bus = spec.bus ?? (await this.busOf(nodeId));
    const onError = (error: unknown): void => void this.errors.push(error);
    const recording = Object.fromEntries(spec.jobTypes.map((jobType) => [jobType, async (job: ActivatedJob) => this.ran(nodeId, job)]));
    const handlers = { ...recording, ...spec.handlers };
    const cluster = this.options.cluster ?? 'default';
    const ports = spec.hasStore ? await this.portsOf(nodeId) : undefined;
    const engine = ports
      ? createEngine({ store: ports.store, queue: ports.queue, bus, clock: this.clock, nodeId, handlers, sweepIntervalMs: 0, onError, cluster })
      : undefined;
    const api = engine === undefined ? createEdgeEngineApi(nodeId) : await createRuntimeEngineApi({ engine, bus, cluster });
    const member = createNodeCluster({
      cluster,
      bus,
      clock: this.clock,
      nodeId,
      jobTypes: spec.jobTypes,
      handlers,
      onError,
      handOffTimeoutMs: this.options.handOffTimeoutMs ?? 1_000,
      handOffRetryBackOffMs: 20,
      ...(engine === undefined ? {} : { engine }),
    });
    const app = await buildServer({ engine: api, nodeId, capabilities: member.capabilities, cluster: member.server });
    await member.join(app, `http://in-process/${nodeId}`);
    let isClosed = false;
    const node: InProcessNode = {
      nodeId,
      app,
      cluster: member,
      ...(engine === undefined ? {} : { engine }),
      close: async () => {
        if (isClosed) return;
        isClosed = true;
        await member.leave();
        await app.close();
        await api.close();
      },
      crash: async () => {
        isClosed = true;
        await bus.close();
        await app.close();
        await api.close();
      },
    };
    this.nodes.push(node);
    return node;
  }

  runsOf(jobType: string): RunRecord[] {
    return this.runs.filter((r) => r.jobType === jobType);
  }

  async close(): Promise<void> {
    for (const node of this.nodes.splice(0)) await node.close();
    for (const bus of this.ownBuses.splice(0)) await bus.close();
    for (const port of this.ownPorts.splice(0)) await port.close();
    await this.queue.close();
    await this.bus.close();
    await this.store.close();
  }

  private async busOf(nodeId: string): Promise<MessageBus> {
    if (this.options.newBus === undefined) return this.bus;
    const bus = await this.options.newBus(nodeId);
    this.ownBuses.push(bus);
    return bus;
  }

  private async portsOf(nodeId: string): Promise<{ readonly store: ProcessStore; readonly queue: JobQueue }> {
    if (this.options.newStoreAndQueue === undefined) return { store: this.store, queue: this.queue };
    const ports = await this.options.newStoreAndQueue(nodeId);
    this.ownPorts.push(ports.queue, ports.store);
    return ports;
  }

  private async ran(nodeId: string, job: ActivatedJob): Promise<Record<string, unknown>> {
    this.runs.push({ nodeId, jobType: job.type, jobKey: job.jobKey });
    return { [`${job.type}By`]: nodeId };
  }
}

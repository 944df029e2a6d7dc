import './fastify-augment.js';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EngineApi } from './engine-api.js';
import type { UnservedJobs } from './handoff/index.js';

/** Prometheus metrics of one node: process metrics plus commands by type, outcome and latency. */
export interface NodeMetrics {
  readonly registry: Registry;
  /** Records one command; `outcome` is `ok` or the problem code. */
  observeCommand(command: string, outcome: string, seconds: number): void;
}

/** A registry of its own per node, so two nodes in one process (tests) do not collide. */
export function createMetrics(
  nodeId: string,
  cluster?: { unservedJobs(): Promise<readonly UnservedJobs[]> },
  storeDataLosses?: () => number,
  incidents?: Pick<EngineApi, 'searchIncidents'>,
): NodeMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ node_id: nodeId });
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: 'baton_commands_total',
    help: 'Engine commands served over HTTP, by command type and outcome (ok or error code).',
    labelNames: ['command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'baton_command_duration_seconds',
    help: 'Latency of engine commands served over HTTP, by command type.',
    labelNames: ['command'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  if (cluster !== undefined) registerUnservedGauge(registry, cluster);
  if (storeDataLosses !== undefined) registerDataLossCounter(registry, storeDataLosses);
  if (incidents !== undefined) registerIncidentGauge(registry, incidents);
  return {
    registry,
    observeCommand(command, outcome, seconds) {
      commands.inc({ command, outcome });
      latency.observe({ command }, seconds);
    },
  };
}

/** `baton_jobs_unserved{job_type}`: open jobs no live node can run, read from the store at each scrape. */
function registerUnservedGauge(registry: Registry, cluster: { unservedJobs(): Promise<readonly UnservedJobs[]> }): void {
  new Gauge({
    name: 'baton_jobs_unserved',
    help: 'Open jobs of a type no live node of the cluster has the capability for; they wait for one.',
    labelNames: ['job_type'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { jobType, count } of await cluster.unservedJobs()) this.set({ job_type: jobType }, count);
    },
  });
}

/** Open incidents counted at each scrape, a page of 1,000 at a time. */
async function openIncidentsByType(engine: Pick<EngineApi, 'searchIncidents'>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let from = 0; ; from += 1000) {
    const { items } = await engine.searchIncidents({ filter: { state: 'ACTIVE' }, page: { from, limit: 1000 } });
    for (const incident of items) counts.set(incident.errorType, (counts.get(incident.errorType) ?? 0) + 1);
    if (items.length < 1000) return counts;
  }
}

/** `baton_incidents_open{error_type}`: open incidents of the cluster by 8.8 error type (JOB_NO_RETRIES, CALLED_DECISION_ERROR, ...), read from the store at each scrape (issue 19). */
function registerIncidentGauge(registry: Registry, engine: Pick<EngineApi, 'searchIncidents'>): void {
  new Gauge({
    name: 'baton_incidents_open',
    help: 'Open incidents of the cluster by error type; alert on a rise of one type.',
    labelNames: ['error_type'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [errorType, count] of await openIncidentsByType(engine)) this.set({ error_type: errorType }, count);
    },
  });
}

/** `baton_store_data_lost_total`: how often this node found the store had lost its data (issue 12, finding 10). */
function registerDataLossCounter(registry: Registry, losses: () => number): void {
  new Counter({
    name: 'baton_store_data_lost_total',
    help: 'Times this node found the store had lost its data (its epoch marker gone or replaced: Redis restarted empty).',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(losses());
    },
  });
}

/** Counts every route that names a `config.command`, and serves `GET /metrics`. */
export function registerMetrics(app: FastifyInstance, metrics: NodeMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const command = request.routeOptions.config.command;
    if (command === undefined) return;
    const outcome = reply.statusCode < 400 ? 'ok' : (request.problemCode ?? `HTTP_${reply.statusCode}`);
    metrics.observeCommand(command, outcome, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { access: 'read' }, schema: { hide: true } }, async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
}

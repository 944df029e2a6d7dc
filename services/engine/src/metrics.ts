import './fastify-augment.js';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one node: process metrics plus commands by type, outcome and latency. */
export interface NodeMetrics {
  readonly registry: Registry;
  /** Records one command; `outcome` is `ok` or the problem code. */
  observeCommand(command: string, outcome: string, seconds: number): void;
}

/** A registry of its own per node, so two nodes in one process (tests) do not collide. */
export function createMetrics(nodeId: string): NodeMetrics {
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
  return {
    registry,
    observeCommand(command, outcome, seconds) {
      commands.inc({ command, outcome });
      latency.observe({ command }, seconds);
    },
  };
}

/** Counts every route that names a `config.command`, and serves `GET /metrics`. */
export function registerMetrics(app: FastifyInstance, metrics: NodeMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const command = request.routeOptions.config.command;
    if (command === undefined) return;
    const outcome = reply.statusCode < 400 ? 'ok' : (request.problemCode ?? `HTTP_${reply.statusCode}`);
    metrics.observeCommand(command, outcome, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
}

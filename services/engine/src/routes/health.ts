import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { BatonError } from '@baton/errors';
import type { CheckState, ReadinessReport } from '../health/readiness.js';
import { sendProblem, toProblem } from '../problem.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses } from '../schemas.js';

const statusSchema = { type: 'object', properties: { status: { type: 'string' } } } as const;
const checkSchema = { type: 'object', properties: { status: { type: 'string', enum: ['UP', 'DOWN'] }, reason: { type: 'string' } }, required: ['status'] } as const;
const readySchema = { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object', additionalProperties: checkSchema } } } as const;

type DownCheck = readonly [name: string, state: CheckState];

function downChecks(report: ReadinessReport): DownCheck[] {
  return Object.entries(report.checks).filter(([, state]) => state.status === 'DOWN');
}

/** `store (no answer); bus (not connected)` */
function describeDown(down: readonly DownCheck[]): string {
  return down.map(([name, state]) => `${name} (${state.reason ?? 'down'})`).join('; ');
}

function unavailableCode(down: readonly DownCheck[]): 'STORE_UNAVAILABLE' | 'SERVER_UNAVAILABLE' {
  return down.some(([name]) => name === 'store') ? 'STORE_UNAVAILABLE' : 'SERVER_UNAVAILABLE';
}

/**
 * Logs readiness at warn once per change of which checks are DOWN (UP→DOWN with each
 * reason, DOWN→UP), not once per probe: a load balancer probes every few seconds.
 */
function readinessChangeLog(log: FastifyBaseLogger): (report: ReadinessReport) => void {
  let downBefore = '';
  return (report) => {
    const down = downChecks(report);
    const names = down.map(([name]) => name).sort().join();
    if (names === downBefore) return;
    downBefore = names;
    if (down.length === 0) log.warn({ checks: report.checks }, 'ready again: every readiness check is UP');
    else log.warn({ checks: Object.fromEntries(down), code: unavailableCode(down) }, `not ready: ${describeDown(down)}`);
  };
}

/**
 * GET /health/live (the process answers) and /health/ready: 200 when every readiness
 * check is UP (serving, --deploy in the store, store answering, queue and bus
 * connected), else 503 naming each DOWN check and why (issue 12, finding 9).
 */
export function registerHealthRoutes(app: FastifyInstance, { readiness, nodeId }: RouteContext): void {
  const logChange = readinessChangeLog(app.log);
  app.get(
    '/health/live',
    { logLevel: 'warn', config: { access: 'public' }, schema: { tags: ['health'], summary: 'Liveness probe', response: { 200: statusSchema } } },
    async () => ({ status: 'UP' }),
  );
  app.get(
    '/health/ready',
    {
      logLevel: 'warn',
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'Readiness probe: every check UP', response: { 200: readySchema, ...errorResponses } },
    },
    async (request, reply) => {
      const report = await readiness.report();
      logChange(report);
      if (!report.isReady) {
        const down = downChecks(report);
        const error = new BatonError(
          unavailableCode(down),
          `Node ${nodeId} is not ready: ${describeDown(down)}. It takes traffic again once these recover.`,
          { nodeId, checks: report.checks },
        );
        // Sent here, not thrown: the error handler logs every 5xx at error, and a DOWN probe is an answer, not a failure.
        return sendProblem(reply, toProblem(error, request.url, request.id));
      }
      return { status: 'UP', checks: report.checks };
    },
  );
}

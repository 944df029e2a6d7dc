import type { FastifyInstance } from 'fastify';
import { BatonError } from '@baton/errors';
import type { RouteContext } from '../route-context.js';
import { errorResponses } from '../schemas.js';

const statusSchema = { type: 'object', properties: { status: { type: 'string' } } } as const;
const checkSchema = { type: 'object', properties: { status: { type: 'string', enum: ['UP', 'DOWN'] }, reason: { type: 'string' } }, required: ['status'] } as const;
const readySchema = { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object', additionalProperties: checkSchema } } } as const;

/**
 * GET /health/live (the process answers) and /health/ready: 200 when every readiness
 * check is UP (serving, --deploy in the store, store answering, queue and bus
 * connected), else 503 naming each DOWN check and why (issue 12, finding 9).
 */
export function registerHealthRoutes(app: FastifyInstance, { readiness, nodeId }: RouteContext): void {
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
    async () => {
      const report = await readiness.report();
      if (!report.isReady) {
        const down = Object.entries(report.checks).filter(([, state]) => state.status === 'DOWN');
        const code = down.some(([name]) => name === 'store') ? 'STORE_UNAVAILABLE' : 'SERVER_UNAVAILABLE';
        throw new BatonError(
          code,
          `Node ${nodeId} is not ready: ${down.map(([name, state]) => `${name} (${state.reason ?? 'down'})`).join('; ')}. It takes traffic again once these recover.`,
          { nodeId, checks: report.checks },
        );
      }
      return { status: 'UP', checks: report.checks };
    },
  );
}

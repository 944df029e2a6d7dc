import type { FastifyInstance } from 'fastify';
import { BatonError } from '@baton/errors';
import type { RouteContext } from '../route-context.js';
import { errorResponses } from '../schemas.js';

const statusSchema = { type: 'object', properties: { status: { type: 'string' } } } as const;

/** GET /health/live (the process answers) and /health/ready (503 until deployed, and while stopping). */
export function registerHealthRoutes(app: FastifyInstance, { isReady, nodeId }: RouteContext): void {
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
      schema: { tags: ['health'], summary: 'Readiness probe', response: { 200: statusSchema, ...errorResponses } },
    },
    async () => {
      if (!isReady()) {
        throw new BatonError('SERVER_UNAVAILABLE', `Node ${nodeId} is not ready: starting up or shutting down.`, { nodeId });
      }
      return { status: 'UP' };
    },
  );
}

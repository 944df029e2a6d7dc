import type { FastifyInstance } from 'fastify';
import type { Variables } from '../engine-api.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses, tenantIdSchema, variablesSchema } from '../schemas.js';

interface SignalBody {
  signalName: string;
  variables: Variables;
}

/** POST /v2/signals/broadcast. */
export function registerSignalRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: SignalBody }>(
    '/v2/signals/broadcast',
    {
      config: { command: 'BroadcastSignal', access: 'correlate' },
      schema: {
        tags: ['signals'],
        summary: 'Broadcast a signal to every waiting subscription and signal start event',
        body: {
          type: 'object',
          required: ['signalName'],
          properties: { signalName: { type: 'string', minLength: 1 }, variables: { ...variablesSchema, default: {} }, tenantId: tenantIdSchema },
        },
        response: {
          200: { type: 'object', properties: { signalKey: { type: 'string' }, tenantId: { type: 'string' } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ ...(await engine.broadcastSignal(request.body)), tenantId: '<default>' }),
  );
}

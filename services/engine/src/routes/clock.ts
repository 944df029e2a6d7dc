import { BatonError } from '@baton/errors';
import type { ControlledClock } from '@baton/runtime';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['clock'];

function controlled(clock: ControlledClock | undefined): ControlledClock {
  if (clock !== undefined) return clock;
  throw new BatonError(
    'CLOCK_CONTROL_DISABLED',
    'This node\'s clock cannot be pinned: it was started without --enable-clock-control (BATON_ENABLE_CLOCK_CONTROL). Clock control is meant for tests; start a test node with that flag.',
    { field: 'clock' },
  );
}

/**
 * PUT /v2/clock and POST /v2/clock/reset (Camunda 8.8's pinClock and resetClock): pin the
 * engine's clock to an instant, for tests of timers, and let it follow the host again.
 */
export function registerClockRoutes(app: FastifyInstance, { clock }: RouteContext): void {
  app.put<{ Body: { timestamp: number } }>(
    '/v2/clock',
    {
      config: { access: 'admin', command: 'PinClock' },
      schema: {
        tags,
        summary: 'Pin the engine clock to an instant (epoch ms): timers due by then fire, time stands still until reset (needs --enable-clock-control)',
        body: { type: 'object', required: ['timestamp'], properties: { timestamp: { type: 'integer', minimum: 0, description: 'The exact time in epoch milliseconds to which the clock should be pinned.' } } },
        response: { 204: { type: 'null', description: 'The clock was pinned.' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      controlled(clock).pin(request.body.timestamp);
      request.log.warn({ pinnedAt: new Date(request.body.timestamp).toISOString() }, 'engine clock pinned');
      return reply.code(204).send();
    },
  );
  app.post(
    '/v2/clock/reset',
    {
      config: { access: 'admin', command: 'ResetClock' },
      schema: {
        tags,
        summary: 'Let the engine clock follow the system time again (needs --enable-clock-control)',
        response: { 204: { type: 'null', description: 'The clock was reset to the system time.' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      controlled(clock).reset();
      request.log.warn('engine clock reset to the system time');
      return reply.code(204).send();
    },
  );
}

import { signalOperations as ops } from '@baton/api';
import type { SignalBroadcastRequest } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';

/** The signal operation of the contract (`signalOperations` in @baton/api): broadcast. */
export function registerSignalRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: SignalBroadcastRequest }>(ops.broadcastSignal.path, { config: { command: 'BroadcastSignal', access: 'correlate' }, schema: schemaOf(ops.broadcastSignal) }, async (request) =>
    engine.broadcastSignal(request.body),
  );
}

import { messageOperations as ops } from '@baton/api';
import type { MessageCorrelationRequest, MessagePublicationRequest, MessageSubscriptionSearchQuery } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';

/**
 * The message operations of the contract (`messageOperations` in @baton/api): publication
 * (kept for timeToLive ms), correlation (now, or 404), and the search of open subscriptions.
 */
export function registerMessageRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: MessageCorrelationRequest }>(ops.correlateMessage.path, { config: { command: 'CorrelateMessage', access: 'correlate' }, schema: schemaOf(ops.correlateMessage) }, async (request) =>
    engine.correlateMessage(request.body),
  );
  app.post<{ Body: MessagePublicationRequest }>(ops.publishMessage.path, { config: { command: 'PublishMessage', access: 'correlate' }, schema: schemaOf(ops.publishMessage) }, async (request) =>
    engine.publishMessage(request.body),
  );
  app.post<{ Body: MessageSubscriptionSearchQuery | null }>(ops.searchMessageSubscriptions.path, { config: { access: 'read' }, schema: schemaOf(ops.searchMessageSubscriptions) }, async (request) =>
    engine.searchMessageSubscriptions(request.body ?? {}),
  );
}

import type { FastifyInstance } from 'fastify';
import type { MessageRequest, Variables } from '../engine-api.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses, millisSchema, tenantIdSchema, variablesSchema } from '../schemas.js';

interface MessageBody {
  name: string;
  correlationKey: string;
  variables: Variables;
  timeToLive?: number;
  messageId?: string;
}

const messageBody = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    correlationKey: { type: 'string', default: '' },
    variables: { ...variablesSchema, default: {} },
    timeToLive: { ...millisSchema, description: 'Publication only: how long the message waits for a receiver (ms).' },
    messageId: { type: 'string', description: 'Publication only: with a timeToLive, a second message with this id, name and correlationKey within it is refused (409 MESSAGE_ALREADY_PUBLISHED).' },
    tenantId: tenantIdSchema,
  },
} as const;

const answer = {
  type: 'object',
  properties: { messageKey: { type: 'string' }, processInstanceKey: { type: 'string' }, tenantId: { type: 'string' } },
} as const;

function toRequest(body: MessageBody): MessageRequest {
  return {
    name: body.name,
    correlationKey: body.correlationKey,
    variables: body.variables,
    ...(body.timeToLive === undefined ? {} : { timeToLiveMs: body.timeToLive }),
    ...(body.messageId === undefined ? {} : { messageId: body.messageId }),
  };
}

/** POST /v2/messages/correlation (now, or 404) and /v2/messages/publication (buffered for timeToLive). */
export function registerMessageRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: MessageBody }>(
    '/v2/messages/correlation',
    {
      config: { command: 'CorrelateMessage', access: 'correlate' },
      schema: {
        tags: ['messages'],
        summary: 'Correlate a message to one waiting instance or message start event, now',
        body: messageBody,
        response: { 200: answer, ...errorResponses },
      },
    },
    async (request) => ({ ...(await engine.correlateMessage(toRequest(request.body))), tenantId: '<default>' }),
  );

  app.post<{ Body: MessageBody }>(
    '/v2/messages/publication',
    {
      config: { command: 'PublishMessage', access: 'correlate' },
      schema: {
        tags: ['messages'],
        summary: 'Publish a message: correlated now, or kept for timeToLive ms',
        body: messageBody,
        response: { 200: answer, ...errorResponses },
      },
    },
    async (request) => ({ ...(await engine.publishMessage(toRequest(request.body))), tenantId: '<default>' }),
  );
}

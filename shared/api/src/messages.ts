import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, EnumFilter, Key, Literals, Millis, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId, Variables } from './common.js';
import { DateTimeFilter } from './date-time.js';
import { operation } from './operation.js';
import { RequestTenantId } from './process-instances.js';

/**
 * Messages in Camunda 8.8's shapes: publication (kept for `timeToLive` ms when nobody
 * takes it), correlation (now, or 404), and the search of open message subscriptions.
 */

export const MessagePublicationRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'The message name, as the model\'s message events name it.' }),
    correlationKey: Type.Optional(Type.String({ default: '', description: 'Matched against the subscriptions\' correlation keys.' })),
    timeToLive: Type.Optional(Millis({ default: 0, description: 'How long (ms) the message waits for a subscription when none takes it now; 0: dropped.' })),
    messageId: Type.Optional(
      Type.String({ description: 'With a timeToLive, a second message with this id, name and correlationKey within it is refused (409 MESSAGE_ALREADY_PUBLISHED).' }),
    ),
    variables: Type.Optional(Variables),
    tenantId: Type.Optional(RequestTenantId),
  },
  { additionalProperties: false },
);
export type MessagePublicationRequest = Static<typeof MessagePublicationRequest>;

export const MessagePublicationResult = Type.Object({ messageKey: Key, tenantId: TenantId });
export type MessagePublicationResult = Static<typeof MessagePublicationResult>;

export const MessageCorrelationRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'The message name, as the model\'s message events name it.' }),
    correlationKey: Type.Optional(Type.String({ default: '' })),
    variables: Type.Optional(Variables),
    tenantId: Type.Optional(RequestTenantId),
  },
  { additionalProperties: false },
);
export type MessageCorrelationRequest = Static<typeof MessageCorrelationRequest>;

export const MessageCorrelationResult = Type.Object({
  messageKey: Key,
  tenantId: TenantId,
  processInstanceKey: Type.Optional(Key),
});
export type MessageCorrelationResult = Static<typeof MessageCorrelationResult>;

/** Baton lists open subscriptions only: `CREATED`. */
export const MessageSubscriptionState = Literals(['CORRELATED', 'CREATED', 'DELETED', 'MIGRATED']);
export type MessageSubscriptionState = Static<typeof MessageSubscriptionState>;

export const MessageSubscriptionResult = Type.Object({
  messageSubscriptionKey: Key,
  processDefinitionId: Type.String(),
  processDefinitionKey: Key,
  processInstanceKey: Key,
  elementId: Type.String(),
  elementInstanceKey: Key,
  messageSubscriptionState: MessageSubscriptionState,
  lastUpdatedDate: Type.String({ format: 'date-time', description: 'When the subscription opened (Baton changes an open one no more).' }),
  messageName: Type.String(),
  correlationKey: Type.Optional(Type.String({ description: 'Absent when the subscription takes any key.' })),
  tenantId: TenantId,
});
export type MessageSubscriptionResult = Static<typeof MessageSubscriptionResult>;

export const MessageSubscriptionFilter = Type.Object(
  {
    messageSubscriptionKey: Type.Optional(BasicStringFilter),
    processDefinitionId: Type.Optional(BasicStringFilter),
    processInstanceKey: Type.Optional(BasicStringFilter),
    elementId: Type.Optional(BasicStringFilter),
    elementInstanceKey: Type.Optional(BasicStringFilter),
    messageSubscriptionState: Type.Optional(EnumFilter(MessageSubscriptionState)),
    lastUpdatedDate: Type.Optional(DateTimeFilter),
    messageName: Type.Optional(BasicStringFilter),
    correlationKey: Type.Optional(BasicStringFilter),
    tenantId: Type.Optional(BasicStringFilter),
  },
  { additionalProperties: false, description: 'Every given filter must match (a value or `{ $eq }`; `lastUpdatedDate` by range).' },
);
export type MessageSubscriptionFilter = Static<typeof MessageSubscriptionFilter>;

export const messageSubscriptionSortFields = [
  'messageSubscriptionKey',
  'processDefinitionId',
  'processInstanceKey',
  'elementId',
  'elementInstanceKey',
  'messageSubscriptionState',
  'lastUpdatedDate',
  'messageName',
  'correlationKey',
  'tenantId',
] as const;
export const MessageSubscriptionSearchQuery = SearchQueryRequest(MessageSubscriptionFilter, SearchQuerySort(messageSubscriptionSortFields));
export type MessageSubscriptionSearchQuery = Static<typeof MessageSubscriptionSearchQuery>;

export const MessageSubscriptionSearchQueryResult = SearchQueryResult(MessageSubscriptionResult);
export type MessageSubscriptionSearchQueryResult = Static<typeof MessageSubscriptionSearchQueryResult>;

const tags = ['messages'];

/** The message operations, each with its path, schemas and summary; routes and `/openapi.json` take them from here. */
export const messageOperations = {
  publishMessage: operation({ method: 'POST', path: '/v2/messages/publication', tags, summary: 'Publish a message: correlated now, or kept for timeToLive ms', body: MessagePublicationRequest, response: MessagePublicationResult }),
  correlateMessage: operation({ method: 'POST', path: '/v2/messages/correlation', tags, summary: 'Correlate a message to one waiting instance or message start event now, else 404', body: MessageCorrelationRequest, response: MessageCorrelationResult }),
  searchMessageSubscriptions: operation({
    method: 'POST',
    path: '/v2/message-subscriptions/search',
    tags: ['message subscriptions'],
    summary: 'Search open message subscriptions (oldest first unless sorted)',
    body: MessageSubscriptionSearchQuery,
    response: MessageSubscriptionSearchQueryResult,
  }),
} as const;

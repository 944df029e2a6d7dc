import { Type, type Static } from '@sinclair/typebox';
import { Key, TenantId, Variables } from './common.js';
import { operation } from './operation.js';
import { RequestTenantId } from './process-instances.js';

/** Signals in Camunda 8.8's shapes: a broadcast reaches every open subscription and signal start event. */

export const SignalBroadcastRequest = Type.Object(
  {
    signalName: Type.String({ minLength: 1, description: 'The signal name, as the model\'s signal events name it.' }),
    variables: Type.Optional(Variables),
    tenantId: Type.Optional(RequestTenantId),
  },
  { additionalProperties: false },
);
export type SignalBroadcastRequest = Static<typeof SignalBroadcastRequest>;

export const SignalBroadcastResult = Type.Object({ signalKey: Key, tenantId: TenantId });
export type SignalBroadcastResult = Static<typeof SignalBroadcastResult>;

/** The signal operations; routes and `/openapi.json` take them from here. */
export const signalOperations = {
  broadcastSignal: operation({
    method: 'POST',
    path: '/v2/signals/broadcast',
    tags: ['signals'],
    summary: 'Broadcast a signal to every waiting subscription and signal start event',
    body: SignalBroadcastRequest,
    response: SignalBroadcastResult,
  }),
} as const;

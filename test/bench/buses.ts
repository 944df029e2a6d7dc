import { assertNever } from '@baton/core';
import { createFayeMessageBus } from '@baton/faye';
import { createInMemoryMessageBus } from '@baton/memory';
import { createNatsMessageBus } from '@baton/nats';
import { systemClock, type MessageBus } from '@baton/runtime';

/** The bus kinds of issue #6, "Speed". */
export const busKinds = ['memory', 'nats', 'faye'] as const;
export type BusKind = (typeof busKinds)[number];

/** Where a process finds the shared bus: NATS URL, or Faye endpoint and token. Memory needs none. */
export interface BusEndpoint {
  readonly kind: BusKind;
  readonly url?: string;
  readonly token?: string;
}

/** A bus of `endpoint.kind` for one process (memory: this process only). */
export async function connectBus(endpoint: BusEndpoint, name: string, onError: (error: unknown) => void): Promise<MessageBus> {
  const clock = systemClock();
  switch (endpoint.kind) {
    case 'memory':
      return createInMemoryMessageBus({ clock, onError });
    case 'nats':
      return createNatsMessageBus({ url: required(endpoint), name, onError });
    case 'faye':
      return createFayeMessageBus({ url: required(endpoint), clock, onError, ...(endpoint.token === undefined ? {} : { token: endpoint.token }) });
    default:
      return assertNever(endpoint.kind);
  }
}

function required(endpoint: BusEndpoint): string {
  if (endpoint.url === undefined) throw new Error(`The ${endpoint.kind} bus needs a URL.`);
  return endpoint.url;
}

import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription received so far. */
export interface Received<T> {
  readonly events: T[];
  readonly errors: unknown[];
  isComplete: boolean;
}

/** A graphql-ws client on `url` (ws://…/graphql) whose upgrade request carries `headers`; `connectionParams` go in connection_init. */
export function wsClient(url: string, headers: Record<string, string> = {}, connectionParams?: Record<string, unknown>): Client {
  class WithHeaders extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({ url, webSocketImpl: WithHeaders, retryAttempts: 0, lazy: true, ...(connectionParams === undefined ? {} : { connectionParams }) });
}

/** Subscribes and records every event's `data` (and errors) as they arrive. */
export function record<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const received: Received<T> = { events: [], errors: [], isComplete: false };
  client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors !== undefined) received.errors.push(...result.errors);
        if (result.data !== undefined && result.data !== null) received.events.push(result.data);
      },
      // The server's refusal of the subscription arrives as a list of GraphQL errors.
      error: (error) => received.errors.push(...(Array.isArray(error) ? (error as unknown[]) : [error])),
      complete: () => {
        received.isComplete = true;
      },
    },
  );
  return received;
}

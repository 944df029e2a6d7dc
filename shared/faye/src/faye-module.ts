import { createRequire } from 'node:module';
import type { IncomingMessage, Server as HttpServer } from 'node:http';

/**
 * The slice of faye 1.4.3 Baton uses, typed here because faye ships no types.
 * Loaded with `require` so no ambient module declaration has to follow this package.
 */

/** One Bayeux message as extensions see it (they may change it in place). */
export interface BayeuxMessage {
  channel: string;
  clientId?: string;
  id?: string;
  data?: unknown;
  subscription?: string | string[];
  successful?: boolean;
  error?: string;
  advice?: { reconnect?: string; interval?: number; timeout?: number };
  ext?: Record<string, unknown>;
}

export type Pass = (message: BayeuxMessage) => void;

export interface ClientExtension {
  incoming?(message: BayeuxMessage, callback: Pass): void;
  outgoing?(message: BayeuxMessage, callback: Pass): void;
}

/** Server extensions take the HTTP request (null for the in-process client): three parameters. */
export interface ServerExtension {
  incoming?(message: BayeuxMessage, request: IncomingMessage | null, callback: Pass): void;
  outgoing?(message: BayeuxMessage, request: IncomingMessage | null, callback: Pass): void;
}

/** A faye Deferrable: thenable, rejecting with a Faye error `{ code, message }`. */
export type Deferred = PromiseLike<unknown>;

export interface FayeSubscription extends Deferred {
  withChannel(callback: (channel: string, data: unknown) => void): FayeSubscription;
  cancel(): void;
}

export interface FayeClient {
  addExtension(extension: ClientExtension): void;
  subscribe(channel: string, callback?: (data: unknown) => void): FayeSubscription;
  publish(channel: string, data: unknown): Deferred;
  connect(callback?: () => void): void;
  disconnect(): Deferred | undefined;
  on(event: 'transport:up' | 'transport:down', listener: () => void): void;
}

export interface FayeNodeAdapter {
  addExtension(extension: ServerExtension): void;
  attach(server: HttpServer): void;
  getClient(): FayeClient;
  close(): void;
  on(event: 'subscribe' | 'unsubscribe', listener: (clientId: string, channel: string) => void): void;
  on(event: 'publish', listener: (clientId: string | undefined, channel: string, data: unknown) => void): void;
  on(event: 'disconnect', listener: (clientId: string) => void): void;
}

/** Decides, per message, whether the client may (re)send it. */
export interface FayeScheduler {
  isDeliverable(): boolean;
}

export type FayeSchedulerClass = new (message: BayeuxMessage, options: Record<string, unknown>) => FayeScheduler;

interface FayeModule {
  Client: new (endpoint: string, options?: { retry?: number; timeout?: number; scheduler?: FayeSchedulerClass }) => FayeClient;
  Scheduler: FayeSchedulerClass;
  NodeAdapter: new (options: { mount: string; timeout?: number }) => FayeNodeAdapter;
}

export const faye = createRequire(import.meta.url)('faye') as FayeModule;

import { BatonError } from '@baton/errors';
import { createBusFetch, type BusConnection } from './bus-fetch.js';
import { createClient, type BatonClient } from './client.js';

/** Options of {@link createBusClient}. */
export interface BusClientOptions {
  /**
   * `nats://host:port` (several separated by commas), `faye+http://host:port/bayeux`, or
   * a bus you connected yourself (a `MessageBus` of @baton/runtime); you close the latter.
   */
  readonly bus: string | BusConnection;
  /** The nodes' `--cluster`. Default `default`. */
  readonly cluster?: string;
  /** An API key (`baton_…`), sent with each request; the node checks it as it checks `Authorization: Bearer baton_…`. */
  readonly apiKey?: string;
  /** An OIDC access token (or an API key), sent with each request as the node's `Authorization: Bearer`. */
  readonly bearerToken?: string;
  /** How long a request may wait for a node's answer (ms), default 30 s; a long poll adds its own wait. Past it: `NO_CAPABLE_NODE`. */
  readonly timeoutMs?: number;
  /** The Baton Faye endpoint's token (`BATON_FAYE_TOKEN` of the nodes), for a `faye+http://` bus. */
  readonly fayeToken?: string;
  /** Errors of the bus connection that belong to no request (a dropped message, a reconnect failure). */
  readonly onError?: (error: unknown) => void;
}

/** A {@link BatonClient} over the message bus, holding its connection until `close()`. */
export interface BatonBusClient extends BatonClient {
  /** Closes the connection the client opened from a URL (a bus handed in stays open); idempotent. */
  close(): Promise<void>;
}

const defaultTimeoutMs = 30_000;
/** The HTTP transport's own timer is a backstop only: the bus request's timeout, which names the subject, comes first. */
const backstopMs = 5_000;

interface NatsModule {
  createNatsMessageBus(options: { url: string; name?: string; onError?: (error: unknown) => void }): Promise<BusConnection>;
}
interface FayeModule {
  createFayeMessageBus(options: { url: string; token?: string; onError?: (error: unknown) => void }): Promise<BusConnection>;
}

// Module names in variables: bundlers leave the Node-only adapters out, so @baton/client stays importable in a browser.
const natsModule = '@baton/nats';
const fayeModule = '@baton/faye';

async function connect(url: string, options: BusClientOptions): Promise<BusConnection> {
  const onError = options.onError ?? (() => undefined);
  if (url.startsWith('nats://')) {
    const { createNatsMessageBus } = await (import(natsModule) as Promise<NatsModule>);
    return createNatsMessageBus({ url, name: 'baton-bus-client', onError });
  }
  if (/^faye\+https?:\/\//.test(url)) {
    const { createFayeMessageBus } = await (import(fayeModule) as Promise<FayeModule>);
    return createFayeMessageBus({ url: url.slice('faye+'.length), onError, ...(options.fayeToken === undefined ? {} : { token: options.fayeToken }) });
  }
  throw new BatonError('VALIDATION_FAILED', `Option "bus" is "${url}"; expected nats://host:port, faye+http://host:port/bayeux, or a MessageBus.`, {
    field: 'bus',
    value: url,
  });
}

/**
 * The client of a Baton cluster over its message bus (issue 14), for machines that reach
 * the bus but no node's HTTP port: the same {@link BatonClient} as `createClient`, each
 * call a request on `baton.<cluster>.api.<operationId>` that one node with the store
 * answers through its REST routes (same authorization, same problem codes). A call no
 * node answers within `timeoutMs` rejects with `NO_CAPABLE_NODE`. `createWorker({ client })`
 * runs on it unchanged. Rejects with `SERVER_UNAVAILABLE` when the bus cannot be reached.
 */
export async function createBusClient(options: BusClientOptions): Promise<BatonBusClient> {
  const cluster = options.cluster ?? 'default';
  const isOwned = typeof options.bus === 'string';
  const bus = typeof options.bus === 'string' ? await connect(options.bus, options) : options.bus;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const baseUrl = `bus:baton.${cluster}.api`;
  const client = createClient({
    baseUrl,
    timeoutMs: timeoutMs + backstopMs,
    fetch: createBusFetch({ bus, cluster, baseUrl, timeoutMs }),
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.bearerToken === undefined ? {} : { bearerToken: options.bearerToken }),
  });
  let closing: Promise<void> | undefined;
  return { ...client, close: () => (closing ??= isOwned ? bus.close() : Promise.resolve()) };
}

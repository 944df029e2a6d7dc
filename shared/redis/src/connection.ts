import { BatonError, isBatonError } from '@baton/errors';
import { Cluster, Redis, type RedisOptions } from 'ioredis';

/**
 * How a connection behaves while Redis is away:
 * - `producer` (store commands, queue adds): fail fast. No offline queue and one
 *   retry per command, so a caller gets STORE_UNAVAILABLE instead of hanging; and a
 *   command Redis does not answer within {@link producerCommandTimeoutMs} (a paused or
 *   unreachable server that keeps the socket open) fails the same way (issue 12,
 *   finding 9). Such a command's outcome is unknown: Redis may still run it. A commit
 *   is one Lua script, so it happened whole or not at all; if it happened, its effects
 *   wait in the outbox and the outbox sweep dispatches them, and a retried command
 *   that resolves a wait is refused as stale (see README, "Store timeouts").
 *   Auto-pipelined: the commands issued in one event-loop tick (or while the
 *   previous batch is on the wire) leave in one socket write. With dozens of
 *   instances in flight a write per command was most of a node's CPU (issue #5,
 *   "Speed"); order per connection and each command's own reply are unchanged.
 * - `worker` (BullMQ workers' blocking connections): `maxRetriesPerRequest: null`,
 *   as BullMQ requires, so a worker waits for Redis to come back instead of dying.
 */
export type ConnectionRole = 'producer' | 'worker';

/** How long a producer command may wait for Redis's reply; well above a loaded Redis's slowest script. */
export const producerCommandTimeoutMs = 5_000;

export function connectionOptions(role: ConnectionRole): RedisOptions {
  return role === 'producer'
    ? { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true, commandTimeout: producerCommandTimeoutMs }
    : { lazyConnect: true, maxRetriesPerRequest: null, enableReadyCheck: true };
}

/** One Redis server, or a Redis Cluster (`redis+cluster://`): the commands the adapters use are the same. */
export type RedisClient = Redis | Cluster;

const clusterScheme = 'redis+cluster://';

/**
 * The seed nodes of a `redis+cluster://host:port,host:port,…` URL (issue 18), or
 * undefined for a plain `redis://` URL. Any node will do as a seed: the client reads
 * the slot map from it and follows redirects.
 */
export function clusterNodesOf(url: string): { readonly host: string; readonly port: number }[] | undefined {
  if (!url.startsWith(clusterScheme)) return undefined;
  const nodes = url.slice(clusterScheme.length).replace(/\/.*$/, '').split(',').filter((n) => n !== '').map((node) => {
    const match = /^([^:]+):(\d+)$/.exec(node);
    if (match === null) throw new BatonError('VALIDATION_FAILED', `Redis Cluster URL ${url}: "${node}" is not host:port; expected redis+cluster://host:port,host:port,….`, { field: 'url' });
    return { host: match[1] as string, port: Number(match[2]) };
  });
  if (nodes.length === 0) throw new BatonError('VALIDATION_FAILED', `Redis Cluster URL ${url} names no node; expected redis+cluster://host:port,host:port,….`, { field: 'url' });
  return nodes;
}

/**
 * The key prefix a namespace uses on `url`. On a Redis Cluster every key of a store
 * (or a BullMQ queue set) must hash to one slot, since a commit script touches the
 * instance's keys and the global indexes at once: a prefix without a hash tag gets
 * one (`baton` → `{baton}`), and the tag, being the key's first `{…}`, decides the slot.
 */
export function namespacePrefix(url: string, prefix: string): string {
  return clusterNodesOf(url) === undefined || prefix.includes('{') ? prefix : `{${prefix}}`;
}

/** A client for `url`, not yet connected: a Cluster for `redis+cluster://`. */
export function newRedisClient(url: string, options: RedisOptions): RedisClient {
  const nodes = clusterNodesOf(url);
  if (nodes === undefined) return new Redis(url, options);
  const { enableOfflineQueue, lazyConnect, enableAutoPipelining, ...redisOptions } = options;
  return new Cluster(nodes, {
    redisOptions,
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(lazyConnect === undefined ? {} : { lazyConnect }),
    ...(enableAutoPipelining === undefined ? {} : { enableAutoPipelining }),
  });
}

/** A connected client; throws STORE_UNAVAILABLE (with the driver error as cause) when Redis does not answer. */
export async function connectRedis(url: string, role: ConnectionRole, name: string): Promise<RedisClient> {
  const client = newRedisClient(url, { ...connectionOptions(role), connectionName: name });
  // Errors surface through commands; an unhandled 'error' event would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw unavailable(error, url);
  }
  return client;
}

/**
 * Runs one adapter call: refused with STORE_UNAVAILABLE once the adapter (`what`) is
 * closed, driver errors wrapped by {@link unavailable}. With `timeoutMs`, the call fails
 * with STORE_UNAVAILABLE once that long passed since it began: the connection's own
 * command timeout counts from the write, and an auto-pipelined command waits for the
 * batch before it while Redis hangs, so a caller could wait several timeouts in a row.
 */
export async function guarded<T>(isClosed: boolean, what: string, work: () => Promise<T>, timeoutMs?: number): Promise<T> {
  if (isClosed) throw new BatonError('STORE_UNAVAILABLE', `The ${what} is closed; create a new one.`);
  try {
    return await (timeoutMs === undefined ? work() : withinMs(timeoutMs, `a ${what} call`, work()));
  } catch (error) {
    throw unavailable(error);
  }
}

/**
 * `work`, or STORE_UNAVAILABLE once `timeoutMs` passed without its answer (a short
 * bound for probes, below the connection's command timeout). The command itself still
 * runs; its late reply is dropped.
 */
export async function withinMs<T>(timeoutMs: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new BatonError('STORE_UNAVAILABLE', `Redis did not answer ${what} within ${timeoutMs} ms; it may be paused, overloaded or unreachable.`, { timeoutMs })),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Wraps a driver error as STORE_UNAVAILABLE; BatonErrors pass through. */
export function unavailable(error: unknown, url?: string): BatonError {
  if (isBatonError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BatonError(
    'STORE_UNAVAILABLE',
    `Redis${url === undefined ? '' : ` at ${redactUrl(url)}`} did not answer (${reason}); check that it runs and is reachable, then retry.`,
    {},
    { cause: error },
  );
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/** What the operational checks found; see {@link checkRedisServer}. */
export interface ServerCheck {
  readonly maxmemoryPolicy: string;
  readonly isAofEnabled: boolean;
}

function infoField(info: string, field: string): string | undefined {
  const line = info.split(/\r?\n/).find((l) => l.startsWith(`${field}:`));
  return line?.slice(field.length + 1).trim();
}

/**
 * Refuses a Redis that may evict keys, and warns when it does not persist.
 *
 * An evicting policy silently drops BullMQ lock and job keys (jobs lost or run
 * twice) and instance state: so anything but `noeviction` throws STORE_UNAVAILABLE
 * with the fix. Read from INFO (not CONFIG GET) because managed Redis services
 * often disable CONFIG. Without AOF a Redis restart loses the last writes:
 * `onWarning` is told, and the node runs.
 */
export async function checkRedisServer(client: RedisClient, onWarning: (message: string) => void): Promise<ServerCheck> {
  const [memory, persistence] = await Promise.all([client.info('memory'), client.info('persistence')]);
  const maxmemoryPolicy = infoField(memory, 'maxmemory_policy') ?? 'unknown';
  if (maxmemoryPolicy !== 'noeviction') {
    throw new BatonError(
      'STORE_UNAVAILABLE',
      `Redis maxmemory-policy is "${maxmemoryPolicy}", but Baton needs "noeviction": an evicting Redis drops job locks and instance state. ` +
        'Run `CONFIG SET maxmemory-policy noeviction` (and set it in redis.conf) or choose that policy in your Redis service, then start again.',
      { field: 'maxmemory-policy', value: maxmemoryPolicy, expected: 'noeviction' },
    );
  }
  const isAofEnabled = infoField(persistence, 'aof_enabled') === '1';
  if (!isAofEnabled) {
    onWarning(
      'Redis runs without AOF (appendonly no): a Redis restart loses the writes since the last snapshot. ' +
        'For durable instances run `CONFIG SET appendonly yes` (and set it in redis.conf).',
    );
  }
  return { maxmemoryPolicy, isAofEnabled };
}

/** Default warning sink: a Node process warning (visible once on stderr). */
export function emitWarning(message: string): void {
  process.emitWarning(message, { code: 'BATON_REDIS' });
}

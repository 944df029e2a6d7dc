import { BatonError } from '@baton/errors';
import { createInMemoryJobQueue, createInMemoryProcessStore } from '@baton/memory';
import { createPostgresHistoryStore, createPostgresIdentityStore, createPostgresJobQueue, createPostgresProcessStore, PostgresProcessStore, type PostgresConnectionOptions } from '@baton/postgres';
import { ProxyProcessStore, proxyStore } from '@baton/proxy';
import { createBullmqJobQueue, createRedisIdentityStore, createRedisProcessStore, RedisProcessStore } from '@baton/redis';
import type { Clock, HistoryStore, JobQueue, MessageBus, ProcessStore } from '@baton/runtime';
import type { GroupRecord, UserRecord } from './auth/identity.js';
import type { IdentityStore } from './auth/identity-store.js';
import { createInMemoryIdentityStore } from './auth/in-memory-identity-store.js';
import { createBusFromUrl, type BusConnectionChange } from './handoff/edge-bus.js';
import type { ProbedStore } from './health/store-watch.js';

/**
 * Adapter names a node accepts for each port; `redis://…` (or `rediss://…`) is a Redis URL. `nats://…` a NATS URL (issue 6).
 * `postgres://…` (or `postgresql://…`) a Postgres URL (issue 15). `baton+http(s)://…` another
 * Baton node whose store this node uses through its store API (the proxy store, issue 17).
 */
export const supportedAdapters = {
  store: ['memory', 'redis://…', 'postgres://…', 'baton+http(s)://…'],
  queue: ['memory', 'redis://…', 'postgres://…'],
  bus: ['memory', 'nats://…', 'faye+http://…/bayeux'],
  /** Secondary storage of history and instance search (issue 15, "Databases combined"); default none: the store's. */
  history: ['postgres://…'],
  /** Where admins' users and groups are kept; default beside the store. */
  identityStore: ['memory', 'redis://…', 'postgres://…'],
} as const;

/** The flag and env variable naming each port's adapter. */
const flagOf: Readonly<Record<PortName, readonly [flag: string, env: string]>> = {
  store: ['--store', 'BATON_STORE'],
  queue: ['--queue', 'BATON_QUEUE'],
  bus: ['--bus', 'BATON_BUS'],
  history: ['--history', 'BATON_HISTORY'],
  identityStore: ['--identity-store', 'BATON_IDENTITY_STORE'],
};

/** `redis://`, `rediss://`, or `redis+cluster://host:port,…` (a Redis Cluster; issue 18). */
const isRedisUrl = (value: string): boolean => /^(rediss?|redis\+cluster):\/\//.test(value);
const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//.test(value);
/** Another Baton node as the store (issue 17): `baton+http://central:8080`, `baton+https://…`. */
export const isProxyStoreUrl = (value: string): boolean => /^baton\+https?:\/\//.test(value);
const isNatsUrl = (value: string): boolean => value.startsWith('nats://');
const isFayeUrl = (value: string): boolean => /^faye\+https?:\/\//.test(value);

export type PortName = keyof typeof supportedAdapters;

/** The ports an engine runs on; `close` releases them all. */
export interface NodeAdapters {
  readonly store: ProcessStore;
  readonly queue: JobQueue;
  readonly bus: MessageBus;
  /** With `--history`: where history and instance search are copied to and read from. */
  readonly history?: HistoryStore;
  /** What readiness can ask the adapters beyond their ports (Redis); absent for memory. */
  readonly health?: AdapterHealth;
  close(): Promise<void>;
}

/** Health of adapters on servers (issue 12, finding 9). */
export interface AdapterHealth {
  /** The store's bounded probe, which also notices a store that lost its data. */
  readonly store?: ProbedStore;
  /** False while the queue's connections or workers are down. */
  readonly isQueueReady?: () => boolean;
}

/** Which adapter to use for each port, as named by `--store/BATON_STORE` and friends. */
export interface AdapterChoice {
  readonly store?: string;
  readonly queue?: string;
  readonly bus?: string;
  /**
   * `--history`/`BATON_HISTORY`: a `postgres://…` URL where each instance's history is
   * copied after its commits and where history reads and instance search go (issue 15,
   * "Databases combined"). Default none: the store keeps and serves both.
   */
  readonly history?: string;
  /**
   * `--identity-store`/`BATON_IDENTITY_STORE`: where admins' users and groups are kept
   * (`memory`, `redis://…`, `postgres://…`). Default beside the store. (`identityStore`
   * of the node's options is an adapter built by the caller; this names one to build.)
   */
  readonly identityStoreUrl?: string;
  /** Lease of a job this node's workers run (Redis queue): a job held by a node that died goes to a peer after it. Default 60 000 ms. */
  readonly jobLeaseMs?: number;
  /**
   * Redis queue: a job this node's commit creates for a capability it runs in process
   * runs here at once, leased (eager dispatch). Default true; false sends every job
   * through the shared queue (say, for a node that only serves the API).
   */
  readonly eagerDispatch?: boolean;
  /**
   * How long an ended instance stays readable with its history. Redis and Postgres:
   * default 24 h, then the store drops it. Memory: as long, but at most the 10,000 that ended last.
   */
  readonly endedRetentionMs?: number;
  /** Postgres: connections in each adapter's pool (store, queue, identity); default the URL's `pool_size`, else 10 (`--pg-pool-size`). */
  readonly postgresPoolSize?: number;
  /** Postgres: longest a statement may run before the server cancels it; default the URL's `statement_timeout`, else 5 000 ms (`--pg-statement-timeout-ms`). */
  readonly postgresStatementTimeoutMs?: number;
  /**
   * With a `baton+http(s)://` store: the API key (`--store-api-key` / `BATON_STORE_API_KEY`)
   * or OIDC token (`--store-token` / `BATON_STORE_TOKEN`) of a principal with the role
   * `store` on that node; they win over credentials in the URL's userinfo.
   */
  readonly storeCredentials?: { readonly apiKey?: string; readonly bearerToken?: string };
}

/** The connection settings of every Postgres adapter of `choice`. */
function postgresOptions(url: string, choice: AdapterChoice): PostgresConnectionOptions {
  return {
    url,
    ...(choice.postgresPoolSize === undefined ? {} : { poolSize: choice.postgresPoolSize }),
    ...(choice.postgresStatementTimeoutMs === undefined ? {} : { statementTimeoutMs: choice.postgresStatementTimeoutMs }),
  };
}

function check(port: PortName, value: string): void {
  const supported: readonly string[] = supportedAdapters[port];
  if (
    supported.includes(value) ||
    (supported.includes('redis://…') && isRedisUrl(value)) ||
    (supported.includes('postgres://…') && isPostgresUrl(value)) ||
    (port === 'store' && isProxyStoreUrl(value)) ||
    (supported.includes('nats://…') && isNatsUrl(value)) ||
    (port === 'bus' && isFayeUrl(value))
  )
    return;
  const [flag, env] = flagOf[port];
  throw new BatonError(
    'VALIDATION_FAILED',
    `Option "${port}" (${flag} / ${env}) is "${value}", which this build does not support; supported: ${supported.join(', ')}.`,
    { field: port, value, supported },
  );
}

/** The process store the choice names: Redis and Postgres connect first (Postgres also migrates its schema). */
async function createStore(store: string, choice: AdapterChoice, warn: { onWarning?: (message: string) => void }): Promise<ProcessStore> {
  const retention = choice.endedRetentionMs;
  // The remote node keeps the data, so its own retention applies there.
  if (isProxyStoreUrl(store)) return proxyStore({ url: store, ...(choice.storeCredentials === undefined ? {} : { credentials: choice.storeCredentials }) });
  if (isRedisUrl(store)) return createRedisProcessStore({ url: store, ...warn, ...(retention === undefined ? {} : { endedRetentionMs: retention }) });
  if (isPostgresUrl(store)) return createPostgresProcessStore({ ...postgresOptions(store, choice), ...(retention === undefined ? {} : { endedRetentionMs: retention }) });
  return createInMemoryProcessStore(retention === undefined ? {} : { retention: { endedTtlMs: retention } });
}

/**
 * Builds the chosen adapters, after checking every name (so nothing is built when one
 * is wrong). Redis adapters connect and check the server first (they refuse an
 * evicting Redis); all keys go under the prefix `baton`, shared by the nodes of one cluster.
 * Postgres adapters migrate the schema `baton` on start (issue 15); with a Postgres
 * store and no queue named, jobs and timers are kept in that Postgres too.
 */
export async function createAdapters(
  choice: AdapterChoice,
  clock: Clock,
  onError: (error: unknown) => void,
  onWarning?: (message: string) => void,
  onBusChange?: (change: BusConnectionChange) => void,
): Promise<NodeAdapters> {
  const warn = onWarning === undefined ? {} : { onWarning };
  const store = choice.store ?? 'memory';
  const queue = choice.queue ?? (isPostgresUrl(store) ? store : 'memory');
  const bus = choice.bus ?? 'memory';
  check('store', store);
  check('queue', queue);
  check('bus', bus);
  if (choice.history !== undefined) check('history', choice.history);
  if (choice.identityStoreUrl !== undefined) check('identityStore', choice.identityStoreUrl);
  const storeAdapter = await createStore(store, choice, warn);
  let queueAdapter: JobQueue;
  let isQueueReady: (() => boolean) | undefined;
  try {
    if (isRedisUrl(queue)) {
      const bullmq = await createBullmqJobQueue({
        url: queue,
        onError,
        ...warn,
        ...(choice.jobLeaseMs === undefined ? {} : { defaultLeaseMs: choice.jobLeaseMs }),
        ...(choice.eagerDispatch === undefined ? {} : { eagerDispatch: choice.eagerDispatch }),
      });
      queueAdapter = bullmq;
      isQueueReady = () => bullmq.isReady;
    } else if (isPostgresUrl(queue)) {
      queueAdapter = await createPostgresJobQueue({ ...postgresOptions(queue, choice), clock, onError, ...(choice.jobLeaseMs === undefined ? {} : { defaultLeaseMs: choice.jobLeaseMs }) });
    }
    else queueAdapter = createInMemoryJobQueue({ clock, onError });
  } catch (error) {
    await storeAdapter.close();
    throw error;
  }
  let busAdapter: MessageBus;
  try {
    busAdapter = await createBusFromUrl(bus, 'baton-node', clock, onError, onBusChange);
  } catch (error) {
    await queueAdapter.close();
    await storeAdapter.close();
    throw error;
  }
  let historyAdapter: HistoryStore | undefined;
  try {
    historyAdapter = choice.history === undefined ? undefined : await createPostgresHistoryStore(postgresOptions(choice.history, choice));
  } catch (error) {
    await busAdapter.close();
    await queueAdapter.close();
    await storeAdapter.close();
    throw error;
  }
  const adapters = { store: storeAdapter, queue: queueAdapter, bus: busAdapter, ...(historyAdapter === undefined ? {} : { history: historyAdapter }) };
  const health: AdapterHealth = {
    ...(storeAdapter instanceof RedisProcessStore || storeAdapter instanceof PostgresProcessStore || storeAdapter instanceof ProxyProcessStore ? { store: storeAdapter } : {}),
    ...(isQueueReady === undefined ? {} : { isQueueReady }),
  };
  return {
    ...adapters,
    health,
    async close() {
      await adapters.queue.close();
      await adapters.bus.close();
      await adapters.store.close();
      await adapters.history?.close();
    },
  };
}

/**
 * The IdentityStore `identityStoreUrl` names (issue 15, "Databases combined": Postgres
 * while the process store is Redis, say), else the one beside the chosen process store (issue 7): for `redis://…` the same
 * Redis and prefix `baton` (keys `baton:identity:*`), for `postgres://…` the same
 * database and schema `baton` (tables `identity_*`, issue 15), so every node of the
 * cluster shares the admins' changes and they survive restarts; otherwise this
 * process's memory. Throws STORE_UNAVAILABLE when the server does not answer.
 */
export async function createIdentityStore(choice: AdapterChoice): Promise<IdentityStore> {
  if (choice.identityStoreUrl !== undefined) check('identityStore', choice.identityStoreUrl);
  const store = choice.identityStoreUrl ?? choice.store ?? 'memory';
  // The process store on the same server has warned about its settings already.
  if (isRedisUrl(store)) return createRedisIdentityStore<UserRecord, GroupRecord>({ url: store, onWarning: () => undefined });
  if (isPostgresUrl(store)) return createPostgresIdentityStore<UserRecord, GroupRecord>(postgresOptions(store, choice));
  return createInMemoryIdentityStore();
}

import { BatonError, isBatonError } from '@baton/errors';
import type {
  BufferedMessage,
  CommitRequest,
  DeploymentRecord,
  DeploymentSummary,
  FormRecord,
  HistoryEntry,
  IncidentQuery,
  IndexedIncident,
  IndexedJob,
  IndexedMessageSubscription,
  IndexedSignalSubscription,
  IndexedUserTask,
  IndexedWait,
  InstanceQuery,
  InstanceSummary,
  JobQuery,
  MessageIdClaim,
  NewDeployment,
  OutboxEntry,
  Page,
  PageRequest,
  ProcessStore,
  StartEventTarget,
  UserTaskQuery,
  VersionedState,
} from '@baton/runtime';
import { commitArgs } from './commit-args.js';
import { checkRedisServer, connectRedis, emitWarning, guarded, namespacePrefix, producerCommandTimeoutMs, type RedisClient, unavailable, withinMs } from './connection.js';
import { StoreKeys } from './keys.js';
import { Batcher } from './batcher.js';
import { StoreScripts } from './scripts.js';
import { decodeHistoryChunk } from './history-codec.js';
import { StoreDeployments } from './store-deployments.js';
import { StoreQueries } from './store-queries.js';
import { StoreEpoch, type StoreProbe } from './store-epoch.js';
import { decodeStateValue } from './state-codec.js';

export interface RedisProcessStoreOptions {
  /** `redis://[user:password@]host:port[/db]`. */
  readonly url: string;
  /** Namespace of every key; default `baton`. Nodes of one cluster share it. */
  readonly prefix?: string;
  /** Told about risky server settings (AOF off); default a Node process warning. */
  readonly onWarning?: (message: string) => void;
  /**
   * How long an instance that ended (completed or terminated) stays readable, with its
   * history, before Redis drops it. Default 24 h. Active instances are always kept.
   */
  readonly endedRetentionMs?: number;
}

/** Default of {@link RedisProcessStoreOptions.endedRetentionMs}: a day. */
export const defaultEndedRetentionMs = 86_400_000;

/** The value of `<prefix>:key-format` for namespaces with numeric keys. */
const keyFormat = 'numeric';

/**
 * ProcessStore on Redis (see README.md for the key layout). One round trip per
 * load (HMGET) and per commit (one Lua script: version check, state, history,
 * outbox, indexes, all or nothing). Redis errors surface as STORE_UNAVAILABLE.
 */
export class RedisProcessStore implements ProcessStore {
  private readonly keys: StoreKeys;
  private readonly scripts: StoreScripts;
  private readonly queries: StoreQueries;
  private readonly deployments: StoreDeployments;
  private readonly epoch: StoreEpoch;
  private closing: Promise<void> | undefined;
  private readonly acks = new Batcher<string>((ids) => this.scripts.ackOutbox([this.keys.outbox, this.keys.outboxEntries], ids));

  constructor(
    private readonly client: RedisClient,
    prefix: string,
    private readonly endedRetentionMs = defaultEndedRetentionMs,
  ) {
    this.keys = new StoreKeys(prefix);
    this.scripts = new StoreScripts(client);
    this.queries = new StoreQueries(client, this.keys);
    this.deployments = new StoreDeployments(client, this.keys, this.scripts);
    this.epoch = new StoreEpoch(client, this.keys.epoch);
  }

  /**
   * A bounded health probe (not part of the port): reads the store's epoch marker,
   * writing it when missing. Throws STORE_UNAVAILABLE when Redis does not answer within
   * `timeoutMs`; reports `lostEpoch` when the data this store saw before is gone.
   */
  probe(timeoutMs: number): Promise<StoreProbe> {
    return this.guard(() => this.epoch.probe(timeoutMs));
  }

  /** One INCRBY: the counter only grows, so blocks never overlap across nodes or restarts. */
  reserveKeys(count: number): Promise<number> {
    return this.guard(async () => (await this.client.incrby(this.keys.keyNumbers, count)) - count + 1);
  }

  /**
   * Refuses a namespace written before numeric keys (issue 13): its instances,
   * jobs and definitions are named by ids no Camunda client accepts, and mixing both
   * would break "a key names its instance". Marks an empty namespace as numeric.
   */
  async checkKeyFormat(timeoutMs: number): Promise<void> {
    const { keys } = this;
    const [format, oldData] = await withinMs(
      timeoutMs,
      `GET ${keys.keyFormat}`,
      Promise.all([this.client.get(keys.keyFormat), this.client.exists(keys.deployments, keys.instances, keys.latestDeployments)]),
    );
    if (format === keyFormat) return;
    if (format !== null || oldData > 0) {
      throw new BatonError(
        'STORE_FORMAT_OLD',
        `Expected the Redis keys under "${keys.keyFormat.slice(0, -':key-format'.length)}" to use numeric keys, but they were written by an older Baton ` +
          `(key format "${format ?? 'none'}", ${oldData} old data keys). Point --store at an empty Redis database (e.g. redis://host:6379/1) or flush this one.`,
        { keyFormat: format ?? 'none' },
      );
    }
    await withinMs(timeoutMs, `SET ${keys.keyFormat}`, this.client.set(keys.keyFormat, keyFormat, 'NX'));
  }

  load(instanceId: string): Promise<VersionedState | undefined> {
    return this.guard(async () => {
      const value = await this.client.getBuffer(this.keys.instance(instanceId).state);
      return value === null ? undefined : decodeStateValue(value);
    });
  }

  commit(request: CommitRequest): Promise<number> {
    return this.guard(async () => {
      const { keys, args } = commitArgs(this.keys, request, this.endedRetentionMs);
      const result = await this.scripts.commitInstance(keys, args);
      if (result > 0) return result;
      const { instanceId, expectedVersion, latestOf } = request;
      if (result === 0 && latestOf !== undefined) {
        throw new BatonError(
          'VERSION_CONFLICT',
          `"${latestOf.definitionKey}" is no longer the latest version of process "${latestOf.processId}"; decide again on the latest.`,
          { instanceId, processId: latestOf.processId, definitionKey: latestOf.definitionKey },
        );
      }
      const actualVersion = -result - 1;
      throw new BatonError(
        'VERSION_CONFLICT',
        `Instance "${instanceId}" is at version ${actualVersion}, not ${expectedVersion}; reload and decide again.`,
        { instanceId, expectedVersion, actualVersion },
      );
    });
  }

  findUserTasks(query: UserTaskQuery): Promise<Page<IndexedUserTask>> {
    return this.guard(() => this.queries.findUserTasks(query));
  }

  findJobs(query: JobQuery): Promise<Page<IndexedJob>> {
    return this.guard(() => this.queries.findJobs(query));
  }

  findIncidents(query: IncidentQuery): Promise<Page<IndexedIncident>> {
    return this.guard(() => this.queries.findIncidents(query));
  }

  findWait(key: string): Promise<IndexedWait | undefined> {
    return this.guard(() => this.queries.findWait(key));
  }

  findMessageSubscriptions(messageName: string, correlationKey: string | undefined): Promise<readonly IndexedMessageSubscription[]> {
    return this.guard(() => this.queries.findMessageSubscriptions(messageName, correlationKey));
  }

  findSignalSubscriptions(signalName: string): Promise<readonly IndexedSignalSubscription[]> {
    return this.guard(() => this.queries.findSignalSubscriptions(signalName));
  }

  findInstances(query: InstanceQuery): Promise<Page<InstanceSummary>> {
    return this.guard(() => this.queries.findInstances(query));
  }

  /** One script call (read-history-1.lua): O(log commits + page), whatever the history's length. */
  readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    return this.guard(async () => {
      const key = this.keys.instance(instanceId).history;
      const offset = Math.max(0, page.offset ?? 0);
      const limit = Math.max(0, page.limit ?? 100);
      const { total, chunks } = await this.scripts.readHistory(key, offset, Math.max(1, limit));
      const items = chunks
        .flatMap((chunk) => decodeHistoryChunk(instanceId, chunk))
        .filter((entry) => entry.position >= offset)
        .slice(0, limit);
      const next = offset + items.length;
      return next < total ? { items, total, nextOffset: next } : { items, total };
    });
  }

  saveDeployment(deployment: NewDeployment): Promise<{ readonly record: DeploymentRecord; readonly isNew: boolean }> {
    return this.guard(() => this.deployments.save(deployment));
  }

  getDeployment(definitionKey: string): Promise<DeploymentRecord | undefined> {
    return this.guard(() => this.deployments.get(definitionKey));
  }

  latestDeployment(processId: string): Promise<DeploymentRecord | undefined> {
    return this.guard(() => this.deployments.latest(processId));
  }

  deleteDeployment(definitionKey: string, deletedAt: number): Promise<{ readonly newLatest?: DeploymentRecord } | undefined> {
    return this.guard(() => this.deployments.delete(definitionKey, deletedAt));
  }

  listDeployments(query: { readonly processId?: string }): Promise<readonly DeploymentSummary[]> {
    return this.guard(() => this.deployments.list(query.processId));
  }

  saveForm(form: FormRecord): Promise<void> {
    return this.guard(() => this.deployments.saveForm(form));
  }

  getForm(formId: string): Promise<FormRecord | undefined> {
    return this.guard(() => this.deployments.form(formId));
  }

  findMessageStartEvents(messageName: string): Promise<readonly StartEventTarget[]> {
    return this.guard(() => this.deployments.startTargets('message', messageName));
  }

  findSignalStartEvents(signalName: string): Promise<readonly StartEventTarget[]> {
    return this.guard(() => this.deployments.startTargets('signal', signalName));
  }

  claimMessageId(claim: MessageIdClaim): Promise<boolean> {
    return this.guard(async () => {
      const key = this.keys.messageIdClaim(claim.messageName, claim.correlationKey, claim.messageId);
      // PX, not PXAT: `now` and `expiresAt` come from the engine's clock, which follows Redis TIME only approximately.
      const ttlMs = Math.max(1, claim.expiresAt - claim.now + 1);
      return (await this.client.set(key, String(claim.expiresAt), 'PX', ttlMs, 'NX')) === 'OK';
    });
  }

  bufferMessage(message: BufferedMessage): Promise<void> {
    return this.guard(async () => {
      const { keys } = this;
      await this.scripts.bufferMessage([keys.seq, keys.bufferEntries, keys.buffer(message.messageName)], [message.messageId, JSON.stringify(message)]);
    });
  }

  takeBufferedMessage(messageName: string, correlationKey: string | undefined, now: number): Promise<BufferedMessage | undefined> {
    return this.guard(async () => {
      const { keys } = this;
      const hasKey = correlationKey === undefined ? '0' : '1';
      const json = await this.scripts.takeBufferedMessage([keys.bufferEntries, keys.buffer(messageName)], [now, hasKey, correlationKey ?? '']);
      return json === undefined ? undefined : (JSON.parse(json) as BufferedMessage);
    });
  }

  readOutbox(query: { readonly committedBefore: number; readonly limit: number }): Promise<readonly OutboxEntry[]> {
    return this.guard(async () => {
      if (query.limit <= 0) return [];
      const members = await this.client.zrangebyscore(this.keys.outbox, '-inf', query.committedBefore, 'LIMIT', 0, query.limit);
      if (members.length === 0) return [];
      // member = "<16-digit seq>/<outboxId>"; the entry is stored as "<member>\n<JSON>".
      const stored = await this.client.hmget(this.keys.outboxEntries, ...members.map((m) => m.slice(17)));
      return stored.flatMap((value) => (value === null ? [] : [JSON.parse(value.slice(value.indexOf('\n') + 1)) as OutboxEntry]));
    });
  }

  /**
   * Acks that arrive while one is on its way leave together in the next script call
   * (issue #5, "Speed": one ack per commit with effects was a script per instance).
   * Each caller still resolves only once its own ids are removed.
   */
  ackOutbox(outboxIds: readonly string[]): Promise<void> {
    return this.guard(() => (outboxIds.length === 0 ? Promise.resolve() : this.acks.add(outboxIds)));
  }

  close(): Promise<void> {
    this.closing ??= this.client.quit().then(
      () => undefined,
      () => this.client.disconnect(),
    );
    return this.closing;
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guarded(this.closing !== undefined, 'Redis store', work, producerCommandTimeoutMs);
  }
}

/**
 * Connects, checks the server (refuses an evicting Redis, warns without AOF; see
 * `checkRedisServer`) and returns the store. Throws STORE_UNAVAILABLE otherwise.
 */
export async function createRedisProcessStore(options: RedisProcessStoreOptions): Promise<RedisProcessStore> {
  const client = await connectRedis(options.url, 'producer', 'baton-store');
  try {
    await checkRedisServer(client, options.onWarning ?? emitWarning);
  } catch (error) {
    client.disconnect();
    throw unavailable(error, options.url);
  }
  const store = new RedisProcessStore(client, namespacePrefix(options.url, options.prefix ?? 'baton'), options.endedRetentionMs ?? defaultEndedRetentionMs);
  // The first probe writes the epoch marker of a namespace used for the first time, and remembers it.
  await store.probe(producerCommandTimeoutMs).catch(async (error: unknown) => {
    await store.close();
    throw unavailable(error, options.url);
  });
  await store.checkKeyFormat(producerCommandTimeoutMs).catch(async (error: unknown) => {
    await store.close();
    throw isBatonError(error) ? error : unavailable(error, options.url);
  });
  return store;
}

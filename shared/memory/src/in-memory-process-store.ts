import { BatonError } from '@baton/errors';
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
  InstanceRef,
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
import { DeploymentCatalog } from './deployment-catalog.js';
import { deepFreeze, filterValues, pageOf } from './paging.js';
import { EndedInstances, type RetentionOptions } from './retention.js';
import { WaitIndexes } from './wait-indexes.js';

export interface InMemoryProcessStoreOptions {
  /**
   * Deep-freezes every committed state and event, so a caller that mutates a
   * value it passed or loaded fails loudly (tests). Costs O(state) per commit.
   */
  readonly freeze?: boolean;
  /** How long ended instances and their history stay (default: the 10,000 that ended last). */
  readonly retention?: RetentionOptions;
}

interface Stored {
  readonly versioned: VersionedState;
  /** What every indexed wait of the instance carries; fixed at the create. */
  readonly ref: InstanceRef;
}

/**
 * ProcessStore in this process's memory: the embedded default and the fast test
 * store. Commits run synchronously inside one call, so they are atomic; values are
 * kept by reference (callers treat them as immutable, see the port contract).
 * Ended instances go after a while ({@link RetentionOptions}): then the store
 * answers for them as for instances that never existed.
 */
export class InMemoryProcessStore implements ProcessStore {
  private readonly instances = new Map<string, Stored>();
  private readonly history = new Map<string, HistoryEntry[]>();
  /** rootInstanceId -> the instances of its call tree, in creation order. */
  /** The instances below each root that has any, in creation order (the root itself is not listed). */
  private readonly trees = new Map<string, Set<string>>();
  private readonly ended: EndedInstances;
  private readonly indexes = new WaitIndexes();
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly buffered = new Map<string, BufferedMessage[]>();
  private readonly bufferedIds = new Set<string>();
  /** Live messageId claims: JSON `[messageName, correlationKey, messageId]` → expiresAt. */
  private readonly messageIdClaims = new Map<string, number>();
  private readonly catalog = new DeploymentCatalog();
  private isClosed = false;
  /** The next instance number {@link reserveKeys} hands out. */
  private nextKeyNumber = 1;

  constructor(private readonly options: InMemoryProcessStoreOptions = {}) {
    this.ended = new EndedInstances(options.retention ?? {});
  }

  async reserveKeys(count: number): Promise<number> {
    this.ensureOpen();
    const first = this.nextKeyNumber;
    this.nextKeyNumber += count;
    return first;
  }

  async load(instanceId: string): Promise<VersionedState | undefined> {
    this.ensureOpen();
    return this.instances.get(instanceId)?.versioned;
  }

  /**
   * Throws the `VERSION_CONFLICT` that {@link commit} would throw for `request`, now and
   * synchronously, changing nothing (a store layered on this one checks before it writes).
   */
  checkCommit(request: CommitRequest): void {
    const { instanceId, expectedVersion } = request;
    const currentVersion = this.instances.get(instanceId)?.versioned.version ?? 0;
    if (currentVersion !== expectedVersion) {
      throw new BatonError(
        'VERSION_CONFLICT',
        `Instance "${instanceId}" is at version ${currentVersion}, not ${expectedVersion}; reload and decide again.`,
        { instanceId, expectedVersion, actualVersion: currentVersion },
      );
    }
    const { latestOf } = request;
    if (latestOf !== undefined) {
      const latest = this.catalog.latest.get(latestOf.processId)?.definitionKey;
      if (latest !== latestOf.definitionKey) throw notLatest(instanceId, latestOf, latest);
    }
  }

  /** Whether a wait (job, user task, timer or subscription) with that key is open; synchronous. */
  hasWait(key: string): boolean {
    return this.indexes.waits.has(key);
  }

  /** The unacknowledged outbox entry with that id, synchronously. */
  outboxEntry(outboxId: string): OutboxEntry | undefined {
    return this.outbox.get(outboxId);
  }

  async commit(request: CommitRequest): Promise<number> {
    this.ensureOpen();
    this.checkCommit(request);
    const { instanceId, state } = request;
    const existing = this.instances.get(instanceId);
    const currentVersion = existing?.versioned.version ?? 0;
    if (this.options.freeze === true) {
      deepFreeze(state);
      deepFreeze(request.events);
    }
    const version = currentVersion + 1;
    // A migration moves the instance to another definition: its ref follows.
    const ref = existing !== undefined && existing.ref.definitionKey === state.definitionKey ? existing.ref : refOf(request);
    this.instances.set(instanceId, { versioned: { state, version }, ref });
    if (existing === undefined) this.addToTree(ref.rootInstanceId, instanceId);
    this.appendHistory(request);
    for (const entry of request.outbox) this.outbox.set(entry.outboxId, entry);
    this.indexes.apply(ref, request.indexChanges);
    if (state.status !== 'active') this.ended.add(instanceId, request.at);
    for (const due of this.ended.takeDue(request.at)) this.drop(due);
    return version;
  }

  /** A root is its own tree's first member without an entry here (most instances are lone roots; issue 18: a Set each cost ~180 bytes). */
  private addToTree(rootInstanceId: string, instanceId: string): void {
    if (rootInstanceId === instanceId) return;
    const members = this.trees.get(rootInstanceId);
    if (members === undefined) this.trees.set(rootInstanceId, new Set([instanceId]));
    else members.add(instanceId);
  }

  /** Forgets an ended instance (retention). It holds no open wait or incident, so no index changes. */
  private drop(instanceId: string): void {
    const stored = this.instances.get(instanceId);
    if (stored === undefined) return;
    this.instances.delete(instanceId);
    this.history.delete(instanceId);
    const rootInstanceId = stored.ref.rootInstanceId;
    const members = this.trees.get(rootInstanceId);
    members?.delete(instanceId);
    if (members?.size === 0) this.trees.delete(rootInstanceId);
  }

  private appendHistory(request: CommitRequest): void {
    if (request.events.length === 0) return;
    let entries = this.history.get(request.instanceId);
    if (entries === undefined) this.history.set(request.instanceId, (entries = []));
    for (const event of request.events) {
      entries.push({ position: entries.length, at: request.at, commandId: request.commandId, event });
    }
  }

  async findUserTasks(query: UserTaskQuery): Promise<Page<IndexedUserTask>> {
    return pageOf(this.indexes.userTasksMatching(query), query);
  }

  async findJobs(query: JobQuery): Promise<Page<IndexedJob>> {
    return pageOf(this.indexes.jobsMatching(query), query);
  }

  async findIncidents(query: IncidentQuery): Promise<Page<IndexedIncident>> {
    return pageOf(this.indexes.incidentsMatching(query), query);
  }

  async findWait(key: string): Promise<IndexedWait | undefined> {
    return this.indexes.waits.get(key);
  }

  async findMessageSubscriptions(messageName: string, correlationKey: string | undefined): Promise<readonly IndexedMessageSubscription[]> {
    return this.indexes.messageSubscriptions(messageName, correlationKey);
  }

  async findSignalSubscriptions(signalName: string): Promise<readonly IndexedSignalSubscription[]> {
    return this.indexes.signalSubscriptions(signalName);
  }

  async findInstances(query: InstanceQuery): Promise<Page<InstanceSummary>> {
    const candidates =
      query.rootInstanceId === undefined
        ? [...this.instances.values()]
        : [query.rootInstanceId, ...(this.trees.get(query.rootInstanceId) ?? [])].flatMap((id) => this.instances.get(id) ?? []);
    const matching = filterValues(
      candidates,
      ({ versioned: { state } }) =>
        (query.processId === undefined || state.processId === query.processId) && (query.status === undefined || state.status === query.status),
    );
    const page = pageOf(matching, query);
    return { ...page, items: page.items.map(summarize) };
  }

  async readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    return pageOf(this.history.get(instanceId) ?? [], page);
  }

  async saveDeployment(deployment: NewDeployment): Promise<{ readonly record: DeploymentRecord; readonly isNew: boolean }> {
    this.ensureOpen();
    return this.catalog.save(deployment);
  }

  async getDeployment(definitionKey: string): Promise<DeploymentRecord | undefined> {
    return this.catalog.byKey.get(definitionKey);
  }

  async latestDeployment(processId: string): Promise<DeploymentRecord | undefined> {
    return this.catalog.latest.get(processId);
  }

  async deleteDeployment(definitionKey: string): Promise<{ readonly newLatest?: DeploymentRecord } | undefined> {
    this.ensureOpen();
    return this.catalog.delete(definitionKey);
  }

  async listDeployments(query: { readonly processId?: string }): Promise<readonly DeploymentSummary[]> {
    return this.catalog.list(query.processId);
  }

  async saveForm(form: FormRecord): Promise<void> {
    this.ensureOpen();
    this.catalog.forms.set(form.formId, { ...form });
  }

  async getForm(formId: string): Promise<FormRecord | undefined> {
    return this.catalog.forms.get(formId);
  }

  async findMessageStartEvents(messageName: string): Promise<readonly StartEventTarget[]> {
    return this.catalog.startTargets((s) => s.kind === 'message' && s.messageName === messageName);
  }

  async findSignalStartEvents(signalName: string): Promise<readonly StartEventTarget[]> {
    return this.catalog.startTargets((s) => s.kind === 'signal' && s.signalName === signalName);
  }

  async claimMessageId(claim: MessageIdClaim): Promise<boolean> {
    this.ensureOpen();
    const key = JSON.stringify([claim.messageName, claim.correlationKey ?? null, claim.messageId]);
    const heldUntil = this.messageIdClaims.get(key);
    if (heldUntil !== undefined && claim.now <= heldUntil) return false;
    for (const [other, expiresAt] of this.messageIdClaims) if (expiresAt < claim.now) this.messageIdClaims.delete(other);
    this.messageIdClaims.set(key, claim.expiresAt);
    return true;
  }

  async bufferMessage(message: BufferedMessage): Promise<void> {
    this.ensureOpen();
    if (this.bufferedIds.has(message.messageId)) return;
    this.bufferedIds.add(message.messageId);
    const queue = this.buffered.get(message.messageName);
    if (queue === undefined) this.buffered.set(message.messageName, [message]);
    else queue.push(message);
  }

  async takeBufferedMessage(messageName: string, correlationKey: string | undefined, now: number): Promise<BufferedMessage | undefined> {
    this.ensureOpen();
    const queue = this.buffered.get(messageName);
    if (queue === undefined) return undefined;
    this.dropExpired(queue, now);
    const index = queue.findIndex((m) => correlationKey === undefined || m.correlationKey === correlationKey);
    const taken = index < 0 ? undefined : queue.splice(index, 1)[0];
    if (taken !== undefined) this.bufferedIds.delete(taken.messageId);
    if (queue.length === 0) this.buffered.delete(messageName);
    return taken;
  }

  private dropExpired(queue: BufferedMessage[], now: number): void {
    for (let i = queue.length - 1; i >= 0; i--) {
      const message = queue[i] as BufferedMessage;
      if (message.expiresAt < now) {
        queue.splice(i, 1);
        this.bufferedIds.delete(message.messageId);
      }
    }
  }

  async readOutbox(query: { readonly committedBefore: number; readonly limit: number }): Promise<readonly OutboxEntry[]> {
    this.ensureOpen();
    const due: OutboxEntry[] = [];
    for (const entry of this.outbox.values()) {
      if (due.length >= query.limit) break;
      if (entry.committedAt <= query.committedBefore) due.push(entry);
    }
    return due;
  }

  async ackOutbox(outboxIds: readonly string[]): Promise<void> {
    for (const id of outboxIds) this.outbox.delete(id);
  }

  async close(): Promise<void> {
    this.isClosed = true;
  }

  private ensureOpen(): void {
    if (this.isClosed) throw new BatonError('STORE_UNAVAILABLE', 'The in-memory store is closed; create a new one.');
  }
}

function refOf(request: CommitRequest): InstanceRef {
  const { state } = request;
  return {
    instanceId: request.instanceId,
    processId: state.processId,
    definitionKey: state.definitionKey,
    rootInstanceId: state.parent?.rootInstanceId ?? request.instanceId,
  };
}

/** What instance lists show, built when asked rather than per commit. */
function summarize({ versioned: { state, version }, ref }: Stored): InstanceSummary {
  const summary: { -readonly [K in keyof InstanceSummary]: InstanceSummary[K] } = Object.assign({}, ref, { status: state.status, startedAt: state.startedAt, version });
  if (state.parent !== undefined) summary.parentInstanceId = state.parent.instanceId;
  if (state.endedAt !== undefined) summary.endedAt = state.endedAt;
  return summary;
}

/** Builds an {@link InMemoryProcessStore}. */
export function createInMemoryProcessStore(options: InMemoryProcessStoreOptions = {}): InMemoryProcessStore {
  return new InMemoryProcessStore(options);
}

function notLatest(instanceId: string, latestOf: { readonly processId: string; readonly definitionKey: string }, latest: string | undefined): BatonError {
  return new BatonError(
    'VERSION_CONFLICT',
    `"${latestOf.definitionKey}" is no longer the latest version of process "${latestOf.processId}" (now ${latest ?? 'none'}); decide again on the latest.`,
    { instanceId, processId: latestOf.processId, definitionKey: latestOf.definitionKey, latestDefinitionKey: latest },
  );
}

import { BatonError, isBatonError } from '@baton/errors';
import { InMemoryProcessStore, type RetentionOptions } from '@baton/memory';
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
import { pageGlobals, type EventSource, type WebStorage } from './page-globals.js';
import { createTabLock, type TabLock } from './tab-lock.js';

/** One change of the store as the journal keeps it; replaying them in order rebuilds the store. */
type JournalOp =
  | { readonly op: 'commit'; readonly request: CommitRequest }
  | { readonly op: 'deploy'; readonly deployment: NewDeployment }
  | { readonly op: 'undeploy'; readonly definitionKey: string; readonly deletedAt: number }
  | { readonly op: 'form'; readonly form: FormRecord }
  | { readonly op: 'claim'; readonly claim: MessageIdClaim }
  | { readonly op: 'buffer'; readonly message: BufferedMessage }
  | { readonly op: 'take'; readonly messageName: string; readonly correlationKey?: string; readonly now: number }
  | { readonly op: 'keys'; readonly count: number }
  | { readonly op: 'ack'; readonly outboxIds: readonly string[] };

/** The journal's format; an entry of another version is refused, not misread. */
const journalVersion = 1;

export interface WebStorageProcessStoreOptions {
  /** Default `globalThis.localStorage`. Any `Storage` works (sessionStorage, a test double of the interface). */
  readonly storage?: WebStorage;
  /** Key prefix: two stores on one storage with different namespaces do not see each other. Default `baton`. */
  readonly namespace?: string;
  /**
   * Serializes writers across the tabs of the origin. Default the Web Locks API
   * (`navigator.locks`) where the page has it, else one lock per page.
   */
  readonly lock?: TabLock;
  /** Where `storage` events of other tabs arrive (default `globalThis` when it is a window); their commits are read at once. */
  readonly events?: EventSource;
  readonly retention?: RetentionOptions;
}

/**
 * ProcessStore in Web Storage (`localStorage`, issue 17): the page's state, history,
 * indexes, outbox and deployments survive a reload and are shared by the tabs of the origin.
 *
 * Layout: a journal, one key per change (`<namespace>/log/<n>`), each written with one
 * `setItem` — so a commit is atomic (the state, its history, outbox and index changes are
 * one entry, written whole or not at all), and a full storage (`QuotaExceededError`)
 * refuses the commit with `STORE_FULL` and writes nothing. Reads are answered by an
 * {@link InMemoryProcessStore} the journal is replayed into (at open, then before every
 * call, so another tab's commits are seen); the optimistic lock is that store's version
 * check, run under a lock every tab of the origin takes for a write (Web Locks), after
 * reading the entries other tabs appended. Of two tabs committing from one version,
 * exactly one wins; the other gets `VERSION_CONFLICT`, as on any store.
 *
 * After a reload, effects of the outbox that still matter (a timer or a job whose wait
 * is open) are left unacknowledged, so the engine's outbox sweep schedules them again:
 * a timer that fell due while the page was closed fires once on open.
 */
export class WebStorageProcessStore implements ProcessStore {
  private readonly storage: WebStorage;
  private readonly prefix: string;
  private readonly lock: TabLock;
  private readonly memory: InMemoryProcessStore;
  /** The next journal position to read. */
  private next = 1;
  private isClosed = false;
  private readonly listeners = new Set<() => void>();
  private readonly onStorage = (event: Event): void => {
    const { key } = event as { readonly key?: string | null };
    if (key !== null && key !== undefined && !key.startsWith(`${this.prefix}log/`)) return;
    if (this.catchUp() > 0) for (const listener of this.listeners) listener();
  };

  constructor(private readonly options: WebStorageProcessStoreOptions = {}) {
    const storage = options.storage ?? pageGlobals.localStorage;
    if (storage === undefined) throw new BatonError('STORE_UNAVAILABLE', 'This page has no localStorage (a worker, or storage disabled); pass `storage` to the Web Storage store.');
    this.storage = storage;
    this.prefix = `${options.namespace ?? 'baton'}/`;
    this.lock = options.lock ?? createTabLock(`${this.prefix}lock`);
    this.memory = new InMemoryProcessStore(options.retention === undefined ? {} : { retention: options.retention });
    this.replayAtOpen();
    const events = options.events ?? pageGlobals.window;
    events?.addEventListener('storage', this.onStorage);
  }

  /** Calls `listener` when another tab's changes were read (its commits, deployments). Returns the unsubscribe function. */
  onExternalChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private key(position: number): string {
    return `${this.prefix}log/${position}`;
  }

  private read(position: number): JournalOp | undefined {
    const raw = this.storage.getItem(this.key(position));
    if (raw === null) return undefined;
    const entry = JSON.parse(raw) as JournalOp & { readonly v?: number };
    if (entry.v !== journalVersion) {
      throw new BatonError('STORE_UNAVAILABLE', `Web Storage entry ${this.key(position)} has format ${String(entry.v)}, expected ${journalVersion}: it was written by another Baton version. Clear the "${this.prefix}" keys to start over.`, { position });
    }
    return entry;
  }

  /** Replays the whole journal; acknowledgements of effects still due wait for the outbox sweep (see the class comment). */
  private replayAtOpen(): void {
    const acked: string[] = [];
    for (let entry = this.read(this.next); entry !== undefined; entry = this.read(this.next)) {
      if (entry.op === 'ack') acked.push(...entry.outboxIds);
      else this.applyReplayed(entry);
      this.next += 1;
    }
    const stillDue = (id: string): boolean => {
      const effect = this.memory.outboxEntry(id)?.effect;
      if (effect?.type === 'ScheduleTimer') return this.memory.hasWait(effect.timerKey);
      if (effect?.type === 'EnqueueJob') return this.memory.hasWait(effect.jobKey);
      return false;
    };
    void this.memory.ackOutbox(acked.filter((id) => !stillDue(id)));
  }

  /** Reads the entries other tabs appended; returns how many. */
  private catchUp(): number {
    let read = 0;
    for (let entry = this.read(this.next); entry !== undefined; entry = this.read(this.next)) {
      this.applyReplayed(entry);
      this.next += 1;
      read += 1;
    }
    return read;
  }

  /**
   * Applies an entry read from the journal. A commit that conflicts with an earlier entry
   * (two tabs that decided on the same version) is skipped by every reader alike: the
   * earlier entry won.
   */
  private applyReplayed(entry: JournalOp): void {
    this.apply(entry).catch(() => undefined);
  }

  /** Applies one journal entry to the in-memory view; the in-memory store's calls run synchronously (no await inside). */
  private apply(entry: JournalOp): Promise<unknown> {
    const m = this.memory;
    switch (entry.op) {
      case 'commit':
        return m.commit(entry.request);
      case 'deploy':
        return m.saveDeployment(entry.deployment);
      case 'undeploy':
        return m.deleteDeployment(entry.definitionKey);
      case 'form':
        return m.saveForm(entry.form);
      case 'claim':
        return m.claimMessageId(entry.claim);
      case 'buffer':
        return m.bufferMessage(entry.message);
      case 'take':
        return m.takeBufferedMessage(entry.messageName, entry.correlationKey, entry.now);
      case 'keys':
        return m.reserveKeys(entry.count);
      case 'ack':
        return m.ackOutbox(entry.outboxIds);
    }
  }

  /**
   * One change: under the tabs' lock, read what others appended, let `check` refuse
   * (nothing written), append the entry with one `setItem`, then apply it here.
   */
  private async write<T>(entry: JournalOp, check: () => void = () => undefined): Promise<T> {
    this.ensureOpen();
    return this.lock.run(async () => {
      this.catchUp();
      check();
      try {
        this.storage.setItem(this.key(this.next), JSON.stringify({ v: journalVersion, ...entry }));
      } catch (error) {
        throw storageRefused(error, entry);
      }
      this.next += 1;
      return (await this.apply(entry)) as T;
    });
  }

  private fresh(): InMemoryProcessStore {
    this.ensureOpen();
    this.catchUp();
    return this.memory;
  }

  async commit(request: CommitRequest): Promise<number> {
    return this.write<number>({ op: 'commit', request }, () => this.memory.checkCommit(request));
  }

  reserveKeys(count: number): Promise<number> {
    return this.write({ op: 'keys', count });
  }

  async load(instanceId: string): Promise<VersionedState | undefined> {
    return this.fresh().load(instanceId);
  }

  async findUserTasks(query: UserTaskQuery): Promise<Page<IndexedUserTask>> {
    return this.fresh().findUserTasks(query);
  }

  async findJobs(query: JobQuery): Promise<Page<IndexedJob>> {
    return this.fresh().findJobs(query);
  }

  async findIncidents(query: IncidentQuery): Promise<Page<IndexedIncident>> {
    return this.fresh().findIncidents(query);
  }

  async findWait(key: string): Promise<IndexedWait | undefined> {
    return this.fresh().findWait(key);
  }

  async findMessageSubscriptions(messageName: string, correlationKey: string | undefined): Promise<readonly IndexedMessageSubscription[]> {
    return this.fresh().findMessageSubscriptions(messageName, correlationKey);
  }

  async findSignalSubscriptions(signalName: string): Promise<readonly IndexedSignalSubscription[]> {
    return this.fresh().findSignalSubscriptions(signalName);
  }

  async findInstances(query: InstanceQuery): Promise<Page<InstanceSummary>> {
    return this.fresh().findInstances(query);
  }

  async readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    return this.fresh().readHistory(instanceId, page);
  }

  saveDeployment(deployment: NewDeployment): Promise<{ readonly record: DeploymentRecord; readonly isNew: boolean }> {
    return this.write({ op: 'deploy', deployment });
  }

  async getDeployment(definitionKey: string): Promise<DeploymentRecord | undefined> {
    return this.fresh().getDeployment(definitionKey);
  }

  async latestDeployment(processId: string): Promise<DeploymentRecord | undefined> {
    return this.fresh().latestDeployment(processId);
  }

  deleteDeployment(definitionKey: string, deletedAt: number): Promise<{ readonly newLatest?: DeploymentRecord } | undefined> {
    return this.write({ op: 'undeploy', definitionKey, deletedAt });
  }

  async listDeployments(query: { readonly processId?: string }): Promise<readonly DeploymentSummary[]> {
    return this.fresh().listDeployments(query);
  }

  saveForm(form: FormRecord): Promise<void> {
    return this.write({ op: 'form', form });
  }

  async getForm(formId: string): Promise<FormRecord | undefined> {
    return this.fresh().getForm(formId);
  }

  async findMessageStartEvents(messageName: string): Promise<readonly StartEventTarget[]> {
    return this.fresh().findMessageStartEvents(messageName);
  }

  async findSignalStartEvents(signalName: string): Promise<readonly StartEventTarget[]> {
    return this.fresh().findSignalStartEvents(signalName);
  }

  claimMessageId(claim: MessageIdClaim): Promise<boolean> {
    return this.write({ op: 'claim', claim });
  }

  bufferMessage(message: BufferedMessage): Promise<void> {
    return this.write({ op: 'buffer', message });
  }

  takeBufferedMessage(messageName: string, correlationKey: string | undefined, now: number): Promise<BufferedMessage | undefined> {
    return this.write({ op: 'take', messageName, ...(correlationKey === undefined ? {} : { correlationKey }), now });
  }

  async readOutbox(query: { readonly committedBefore: number; readonly limit: number }): Promise<readonly OutboxEntry[]> {
    return this.fresh().readOutbox(query);
  }

  async ackOutbox(outboxIds: readonly string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    await this.write({ op: 'ack', outboxIds });
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    const events = this.options.events ?? pageGlobals.window;
    events?.removeEventListener('storage', this.onStorage);
    this.listeners.clear();
    await this.memory.close();
  }

  private ensureOpen(): void {
    if (this.isClosed) throw new BatonError('STORE_UNAVAILABLE', 'The Web Storage store is closed; create a new one.');
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { readonly name?: unknown } | undefined)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function storageRefused(error: unknown, entry: JournalOp): BatonError {
  if (isBatonError(error)) return error;
  const instanceId = entry.op === 'commit' ? entry.request.instanceId : undefined;
  if (isQuotaError(error)) {
    return new BatonError(
      'STORE_FULL',
      `The page's Web Storage is full: the ${entry.op} ${instanceId === undefined ? '' : `of instance "${instanceId}" `}was not written (nothing of it was). ` +
        'Free space: delete ended instances or other data of this origin (the browser allows about 5 MB per origin), or use a store with more room.',
      { op: entry.op, ...(instanceId === undefined ? {} : { instanceId }) },
      { cause: error },
    );
  }
  return new BatonError('STORE_UNAVAILABLE', `Web Storage refused the ${entry.op}: ${String(error)}. Nothing was written.`, { op: entry.op }, { cause: error });
}

/** Builds a {@link WebStorageProcessStore}. */
export function createWebStorageProcessStore(options: WebStorageProcessStoreOptions = {}): WebStorageProcessStore {
  return new WebStorageProcessStore(options);
}

import type {
  BufferedMessage,
  CommitRequest,
  DeploymentRecord,
  DeploymentSummary,
  FormRecord,
  HistoryEntry,
  IndexedIncident,
  IndexedJob,
  IndexedMessageSubscription,
  IndexedSignalSubscription,
  IndexedUserTask,
  IndexedWait,
  IncidentQuery,
  InstanceQuery,
  InstanceSummary,
  JobQuery,
  MessageIdClaim,
  NewDeployment,
  OutboxEntry,
  Page,
  PageRequest,
  StartEventTarget,
  UserTaskQuery,
  VersionedState,
} from './store-records.js';

/**
 * Durable home of instance state, history, indexes, outbox and deployments.
 *
 * Contract, for every adapter (checked by `processStoreContract` in @baton/testkit):
 * - **Atomicity.** {@link commit} writes the state, its history events, its outbox
 *   entries and its index changes all at once or not at all; a reader never sees
 *   one without the others.
 * - **Optimistic lock.** Each instance has a version, 1 after the create and +1 per
 *   commit. A commit whose `expectedVersion` differs from the stored one (0 when the
 *   instance exists, n when it does not or moved on) throws `BatonError`
 *   `VERSION_CONFLICT` and changes nothing. Of two commits racing from one version,
 *   exactly one wins. A commit with `latestOf` also conflicts when that definition
 *   is no longer the latest deployment of its process.
 * - **Values.** States, events and effects are plain JSON values treated as
 *   immutable: the store may keep and return the very objects it was given, and
 *   callers must not mutate what they pass or get back.
 * - **Queries** read committed data. Lists are in creation order (oldest first),
 *   paged by offset. Indexes hold only what is open: open waits, open incidents.
 * - **Errors.** An unreachable backend throws `STORE_UNAVAILABLE` (with `cause`).
 * - The store owns its connections; `close()` releases them and is idempotent.
 */
export interface ProcessStore {
  /** The instance and its version, or undefined when it does not exist. One round trip. */
  load(instanceId: string): Promise<VersionedState | undefined>;

  /**
   * Writes one command's outcome atomically (see the interface contract) and
   * returns the new version. Throws `VERSION_CONFLICT` when the version moved.
   */
  commit(request: CommitRequest): Promise<number>;

  /** Open user tasks matching every given filter. */
  findUserTasks(query: UserTaskQuery): Promise<Page<IndexedUserTask>>;
  /** Open jobs (activatable or failed with an incident) matching every given filter. */
  findJobs(query: JobQuery): Promise<Page<IndexedJob>>;
  /** Open incidents matching every given filter. */
  findIncidents(query: IncidentQuery): Promise<Page<IndexedIncident>>;
  /** The open wait with that key (job, user task, timer or subscription key), if any. */
  findWait(key: string): Promise<IndexedWait | undefined>;
  /**
   * Open message subscriptions named `messageName` that a message with
   * `correlationKey` reaches: those with an equal key, and those without a key
   * (which match any message). Oldest first.
   */
  findMessageSubscriptions(messageName: string, correlationKey: string | undefined): Promise<readonly IndexedMessageSubscription[]>;
  /** Open signal subscriptions named `signalName`, oldest first. */
  findSignalSubscriptions(signalName: string): Promise<readonly IndexedSignalSubscription[]>;
  /** Instances matching every given filter; `rootInstanceId` lists a whole call tree. */
  findInstances(query: InstanceQuery): Promise<Page<InstanceSummary>>;
  /** The instance's history from `offset` (position), in commit order. */
  readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>>;

  /**
   * Deploys one process atomically: if the latest version of `processId` has the
   * very same XML and resource name, returns it with `isNew: false`; else stores
   * version latest+1 (1 for the first) and makes it the latest, replacing the
   * previous version's message and signal start events.
   */
  saveDeployment(deployment: NewDeployment): Promise<{ readonly record: DeploymentRecord; readonly isNew: boolean }>;
  /** The version deployed under that key, a deleted one too (instances that ran on it still read it). */
  getDeployment(definitionKey: string): Promise<DeploymentRecord | undefined>;
  /** The latest version not deleted. */
  latestDeployment(processId: string): Promise<DeploymentRecord | undefined>;
  /**
   * Deletes a deployed version (Camunda's resource deletion): it leaves the listings;
   * when it was the latest, the highest version left becomes the latest, with its message
   * and signal start events (none left: the process has no latest). Version numbers are
   * not reused: the next deployment of the process gets the highest version ever + 1.
   * Its record stays readable by key. Resolves with the new latest when the latest
   * changed to another version, `{}` when the deleted version was not the latest or none
   * is left, and undefined when no undeleted version has that key.
   */
  deleteDeployment(definitionKey: string, deletedAt: number): Promise<{ readonly newLatest?: DeploymentRecord } | undefined>;
  /** Every deployed version not deleted (of one process when given), by processId then version. */
  listDeployments(query: { readonly processId?: string }): Promise<readonly DeploymentSummary[]>;
  /** Keeps a deployed form as the latest of its `formId`, replacing any earlier one (last write wins). */
  saveForm(form: FormRecord): Promise<void>;
  /** The latest deployed form with that id, if any. */
  getForm(formId: string): Promise<FormRecord | undefined>;
  /** Message start events named `messageName` of the latest version of each process. */
  findMessageStartEvents(messageName: string): Promise<readonly StartEventTarget[]>;
  /** Signal start events named `signalName` of the latest version of each process. */
  findSignalStartEvents(signalName: string): Promise<readonly StartEventTarget[]>;

  /**
   * Holds a published message's `messageId` (with its name and correlation key) until
   * `expiresAt`, whatever became of the message (correlated, started instances,
   * buffered). Resolves true for the first claim, false while an earlier claim of the
   * same id, name and key holds. Atomic: of two concurrent claims exactly one is true.
   */
  claimMessageId(claim: MessageIdClaim): Promise<boolean>;
  /** Keeps a message nobody took until its `expiresAt`. Saving an existing `messageId` is a no-op. */
  bufferMessage(message: BufferedMessage): Promise<void>;
  /**
   * Atomically removes and returns the oldest alive (`now <= expiresAt`) buffered
   * message named `messageName` that a subscription with `correlationKey` takes
   * (equal key; any key when `correlationKey` is undefined). Expired ones are
   * never returned and may be dropped. Two callers never get the same message.
   */
  takeBufferedMessage(messageName: string, correlationKey: string | undefined, now: number): Promise<BufferedMessage | undefined>;

  /**
   * Reserves `count` consecutive instance numbers that this store never handed out
   * before (to any node, across restarts) and returns the first. Keys are minted from
   * them (see @baton/core's keys and the runtime's `createKeySource`). Atomic.
   */
  reserveKeys(count: number): Promise<number>;

  /** Unacknowledged outbox entries committed at or before `committedBefore`, oldest first, at most `limit`. */
  readOutbox(query: { readonly committedBefore: number; readonly limit: number }): Promise<readonly OutboxEntry[]>;
  /** Removes entries after their effects ran. Unknown ids are ignored (acknowledging twice is harmless). */
  ackOutbox(outboxIds: readonly string[]): Promise<void>;

  close(): Promise<void>;
}

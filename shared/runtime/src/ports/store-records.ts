import type { Effect, Incident, InstanceState, InstanceStatus, JobWait, MessageWait, SignalWait, UserTaskWait, Variables, Wait } from '@baton/core';

/**
 * What the runtime needs of an event: the core's events are a closed union on
 * `type`; the shell and the stores only route and store them.
 */
export interface HistoryEvent {
  readonly type: string;
  readonly instanceId: string;
}

/** A state with the optimistic-lock version the store gave it (1 after the create). */
export interface VersionedState {
  readonly state: InstanceState;
  readonly version: number;
}

/**
 * The outbox's note that a commit appended history for the secondary storage (issue 15,
 * "Databases combined"): written with the commit when a HistoryStore is configured, it
 * stays in the outbox until the history projector has copied that history, so a node
 * dying or the history store being away delays the copy but never loses it.
 */
export interface ProjectHistory {
  readonly type: 'ProjectHistory';
}

/** One effect waiting in the outbox until the shell has run it. */
export interface OutboxEntry {
  /** Unique and deterministic: `${commandId}/${index}`. */
  readonly outboxId: string;
  readonly instanceId: string;
  readonly effect: Effect | ProjectHistory;
  /** Epoch ms of the commit that wrote it. */
  readonly committedAt: number;
}

/** An outbox entry carrying one of the core's effects (not a {@link ProjectHistory} note). */
export type EffectEntry = OutboxEntry & { readonly effect: Effect };

/** Changes to the wait and incident indexes, derived from the old and new state in O(waits). */
export interface IndexChanges {
  /** Waits that opened or changed (a claimed user task), by their key. */
  readonly upsertWaits: readonly Wait[];
  readonly removeWaitKeys: readonly string[];
  readonly upsertIncidents: readonly Incident[];
  readonly removeIncidentKeys: readonly string[];
}

/** Everything one command changes, written in one atomic step by {@link ProcessStore.commit}. */
export interface CommitRequest {
  readonly instanceId: string;
  /** The version loaded; 0 creates the instance. */
  readonly expectedVersion: number;
  readonly state: InstanceState;
  /** Appended to the instance's history in order. */
  readonly events: readonly HistoryEvent[];
  readonly outbox: readonly OutboxEntry[];
  readonly indexChanges: IndexChanges;
  /** Epoch ms of the command (history timestamps, outbox age). */
  readonly at: number;
  readonly commandId: string;
  /**
   * A create on "the latest version" of a process, decided on a cached answer: the
   * commit goes through only while `definitionKey` is still the latest deployment of
   * `processId`, else it throws VERSION_CONFLICT (a peer deployed meanwhile) and
   * changes nothing.
   */
  readonly latestOf?: { readonly processId: string; readonly definitionKey: string };
}

/** Where an indexed thing lives: its instance, that instance's process and call tree. */
export interface InstanceRef {
  readonly instanceId: string;
  readonly processId: string;
  readonly definitionKey: string;
  /** The root of the call tree (the instance itself when it has no parent). */
  readonly rootInstanceId: string;
}

export type IndexedUserTask = UserTaskWait & InstanceRef;
export type IndexedJob = JobWait & InstanceRef;
export type IndexedMessageSubscription = MessageWait & InstanceRef;
export type IndexedSignalSubscription = SignalWait & InstanceRef;
export type IndexedIncident = Incident & InstanceRef;
export type IndexedWait = Wait & InstanceRef;

/** An instance as listed (no variables, no token tree). */
export interface InstanceSummary extends InstanceRef {
  readonly status: InstanceStatus;
  readonly parentInstanceId?: string;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly version: number;
}

/** One stored event with its place in the instance's history. */
export interface HistoryEntry<E extends HistoryEvent = HistoryEvent> {
  /** 0-based position in the instance's history. */
  readonly position: number;
  readonly at: number;
  readonly commandId: string;
  readonly event: E;
}

export interface PageRequest {
  /** Default 0. */
  readonly offset?: number;
  /** Default 100. */
  readonly limit?: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  /** Offset of the next page; absent on the last page. */
  readonly nextOffset?: number;
}

export interface UserTaskQuery extends PageRequest {
  readonly instanceId?: string;
  readonly rootInstanceId?: string;
  readonly processId?: string;
  readonly elementId?: string;
  readonly assignee?: string;
  readonly candidateGroup?: string;
  readonly candidateUser?: string;
  /** `assigned`: has an assignee; `unassigned`: has none. Default both. */
  readonly state?: 'assigned' | 'unassigned';
}

export interface JobQuery extends PageRequest {
  readonly instanceId?: string;
  readonly rootInstanceId?: string;
  readonly elementId?: string;
  readonly jobType?: string;
  readonly state?: JobWait['state'];
}

export interface IncidentQuery extends PageRequest {
  readonly incidentKey?: string;
  readonly instanceId?: string;
  readonly rootInstanceId?: string;
  readonly processId?: string;
}

export interface InstanceQuery extends PageRequest {
  readonly rootInstanceId?: string;
  readonly processId?: string;
  readonly status?: InstanceStatus;
}

/** How a start event of a deployed process starts instances. */
export type StartEventRegistration =
  | { readonly kind: 'none'; readonly elementId: string }
  | { readonly kind: 'message'; readonly elementId: string; readonly messageName: string }
  | { readonly kind: 'signal'; readonly elementId: string; readonly signalName: string }
  | {
      readonly kind: 'timer';
      readonly elementId: string;
      readonly timeDuration?: string;
      readonly timeDate?: string;
      readonly timeCycle?: string;
    };

/** A process to deploy; the store assigns the version. */
export interface NewDeployment {
  readonly processId: string;
  /** The key the new version gets (a fresh numeric key); unused when the latest version is identical. */
  readonly definitionKey: string;
  readonly name?: string;
  readonly resourceName: string;
  /** The whole BPMN resource the process came from. */
  readonly xml: string;
  readonly isExecutable: boolean;
  readonly startEvents: readonly StartEventRegistration[];
  readonly deployedAt: number;
}

/** A deployed version of one process. */
export interface DeploymentRecord extends NewDeployment {
  /** 1 for the first deployment of `processId`. */
  readonly version: number;
}

/** A listed deployment (without its XML). */
export type DeploymentSummary = Omit<DeploymentRecord, 'xml'>;

/** A deployed form (a `*.form` resource: form-js JSON with an `id`), the latest of its `formId`. */
export interface FormRecord {
  /** The form's `id`, as `zeebe:formDefinition formId` names it. */
  readonly formId: string;
  /** Camunda's `formKey`: a fresh numeric key per deployed form. */
  readonly formKey: string;
  readonly resourceName: string;
  /** The form-js schema, as deployed. */
  readonly json: string;
  readonly deployedAt: number;
}

/** A start event of the latest version of a process, found by message or signal name. */
export interface StartEventTarget {
  readonly processId: string;
  readonly definitionKey: string;
  readonly elementId: string;
}

/** A publication's messageId held for its timeToLive (Camunda's idempotent publication). */
export interface MessageIdClaim {
  readonly messageId: string;
  readonly messageName: string;
  readonly correlationKey?: string;
  /** Epoch ms on the engine's clock when claimed. */
  readonly now: number;
  /** Epoch ms; the claim holds while `now <= expiresAt`. */
  readonly expiresAt: number;
}

/** A published message nobody took yet, kept until `expiresAt`. */
export interface BufferedMessage {
  readonly messageId: string;
  readonly messageName: string;
  readonly correlationKey?: string;
  readonly variables: Variables;
  readonly publishedAt: number;
  /** Epoch ms; the message is alive while `now <= expiresAt`. */
  readonly expiresAt: number;
}

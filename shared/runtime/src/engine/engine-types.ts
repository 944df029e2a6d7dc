import type { KeySource } from '../ids.js';
import type { InstanceEvent, InstanceState, ModificationActivation, ModificationTermination, UserTaskChanges, Variables } from '@baton/core';
import type { ProcessDefinition } from '@baton/model';
import type { DecideFn, ExecuteRequest, ExecuteResult } from '../command-processor.js';
import type { ParseFn } from '../definition-registry.js';
import type { StandaloneEvaluation } from './deployed-decisions.js';
import type { DecisionDefinitionRecord, DecisionRequirementsRecord, StoredRequirements } from './decision-catalog.js';
import type { Clock } from '../ports/clock.js';
import type { JobQueue } from '../ports/job-queue.js';
import type { MessageBus } from '../ports/message-bus.js';
import type { HistoryStore } from '../ports/history-store.js';
import type { ProcessStore } from '../ports/process-store.js';
import type { HistoryLag } from '../history/history-projector.js';
import type { RuntimeLogger } from './incident-log.js';
import type { VariableLimits } from '../variable-limits.js';
import type {
  DeploymentSummary,
  FormRecord,
  HistoryEntry,
  IncidentQuery,
  IndexedIncident,
  IndexedJob,
  IndexedUserTask,
  IndexedWait,
  InstanceQuery,
  InstanceSummary,
  JobQuery,
  Page,
  PageRequest,
  UserTaskQuery,
  VersionedState,
} from '../ports/store-records.js';

/** A job as a worker gets it: the job, where it runs, and the variables it sees. */
export interface ActivatedJob {
  readonly jobKey: string;
  readonly type: string;
  readonly instanceId: string;
  readonly processId: string;
  readonly definitionKey: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly retries: number;
  readonly customHeaders: Readonly<Record<string, string>>;
  readonly variables: Variables;
  readonly worker: string;
  /** Epoch ms: not completed by then, the job becomes activatable again. */
  readonly deadline: number;
}

/** An in-process worker: resolves with variables to complete the job; throws to fail it (see {@link JobBpmnError}). */
export type JobWorker = (job: ActivatedJob) => Promise<Variables | void>;

/** The state and capabilities a node runs on. */
export interface EngineOptions {
  readonly store: ProcessStore;
  readonly queue: JobQueue;
  readonly bus: MessageBus;
  readonly clock: Clock;
  /** Unique per running node: in ids, logs and bus subjects. */
  readonly nodeId: string;
  /** Bus subject prefix: `baton.<cluster>`. Default `default`. */
  readonly cluster?: string;
  /** In-process workers by job type: this node consumes those capabilities' queues. */
  readonly handlers?: Readonly<Record<string, JobWorker>>;
  /** Default the one from @baton/core. */
  readonly decide?: DecideFn;
  /** Variables a job of `elementInstanceId` sees; default the core's `visibleVariables`. */
  readonly visibleVariables?: (state: InstanceState, elementInstanceId: string) => Variables;
  /** Default @baton/model's `parseBpmn`. */
  readonly parse?: ParseFn;
  /** Uniform in [0, 1): ids and retry jitter. Default Math.random. */
  readonly random?: () => number;
  /** New command and message ids. Default `${nodeId}-<session>-<counter>`. */
  readonly newId?: () => string;
  /** Instance keys (and keys of deployments, definitions, forms, messages, signals). Default: blocks reserved from the store. */
  readonly keys?: KeySource;
  /** Wall-time wait between version-conflict attempts. Default on the system clock. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Commit attempts per command on version conflicts. Default 10. */
  readonly maxAttempts?: number;
  /**
   * Period of the outbox sweep on `clock`, which re-runs effects committed at least
   * that long ago and never acknowledged; 0 turns it off. Default 5 000. With a
   * VirtualClock prefer 0 (each period is a callback while advancing).
   */
  readonly sweepIntervalMs?: number;
  /** Whether committed events go out on `baton.<cluster>.events.<processId>`. Default true. */
  readonly publishEvents?: boolean;
  /** Where the engine reports failures it cannot return to a caller (dispatch, workers, timers). */
  readonly onError?: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
  /** Where incidents are logged when committed (warn) and resolved (info); records carry `nodeId`. Default none. */
  readonly logger?: RuntimeLogger;
  /**
   * Limits on each variables document a caller or an in-process worker hands in (start,
   * job and user-task completion, job failure and error, message, signal): over them, the
   * call is refused with VARIABLE_LIMIT_EXCEEDED (a worker's job becomes an incident) and
   * nothing is stored. Default `defaultVariableLimits`.
   */
  readonly variableLimits?: VariableLimits;
  /**
   * Secondary storage for history and instance search (issue 15, "Databases combined"):
   * each commit's history is copied there by a projector after the commit, and
   * `getHistory` and `searchInstances` read it (eventually consistent: behind the
   * primary by the projector's lag). Default none: both read the primary store.
   */
  readonly history?: HistoryStore;
}

export interface DeployResource {
  /** File name, kept with the deployment; a name ending in `.form` marks a form-js form, `.dmn` a DMN file. */
  readonly name: string;
  /** The resource's text: BPMN or DMN XML, or a form's JSON. */
  readonly xml: string;
}

export interface DeployedProcess {
  readonly processId: string;
  readonly name?: string;
  readonly version: number;
  readonly definitionKey: string;
  readonly resourceName: string;
  /** False when identical XML was deployed before: that version is returned. */
  readonly isNew: boolean;
}

export interface StartInstanceRequest {
  readonly processId: string;
  /** Default the latest. */
  readonly version?: number;
  readonly variables?: Variables;
  /** A start event (message, timer, signal, none); default the none start event. */
  readonly startElementId?: string;
  /** Default a new id. */
  readonly instanceId?: string;
}

/** Commands on a wait name its key; `instanceId` saves a look-up in the index when known. */
interface KeyedRequest {
  readonly instanceId?: string;
  /**
   * The instance as the caller just read it (with `instanceId`): the command decides on
   * it without loading it again; the commit's version check refuses it if it is stale,
   * and the command is retried on a fresh load. User-task commands take it.
   */
  readonly known?: VersionedState;
}

export interface CompleteJobRequest extends KeyedRequest {
  readonly jobKey: string;
  readonly variables?: Variables;
}

export interface FailJobRequest extends KeyedRequest {
  readonly jobKey: string;
  /** Retries left; 0 raises an incident. */
  readonly retries: number;
  readonly errorMessage: string;
  readonly retryBackOffMs?: number;
  readonly variables?: Variables;
}

/** Camunda's `PATCH /v2/jobs/{jobKey}` changeset: at least one of the two. */
export interface UpdateJobRequest extends KeyedRequest {
  readonly jobKey: string;
  readonly retries?: number;
  /** The job's lease (its activation) now ends this many ms from now. */
  readonly timeoutMs?: number;
}

/** Variables for one scope of an instance: an active element instance's, or (no `elementInstanceId`) the process's. */
export interface SetVariablesRequest {
  readonly instanceId: string;
  readonly elementInstanceId?: string;
  readonly variables: Variables;
  /** true: all land in that scope; false: each in the nearest scope that has it, else the process scope. */
  readonly local: boolean;
}

/** Camunda 8's process instance modification: activate elements, terminate element instances, atomically (activations first). */
export interface ModifyInstanceRequest {
  readonly instanceId: string;
  readonly activate: readonly ModificationActivation[];
  readonly terminate: readonly ModificationTermination[];
}

/** Camunda 8's process instance migration to another version of its process. */
export interface MigrateInstanceRequest {
  readonly instanceId: string;
  readonly targetDefinitionKey: string;
  readonly mappings: readonly { readonly sourceElementId: string; readonly targetElementId: string }[];
}

export interface ThrowErrorRequest extends KeyedRequest {
  readonly jobKey: string;
  readonly errorCode: string;
  readonly errorMessage?: string;
  readonly variables?: Variables;
}

export interface ActivateJobsRequest {
  readonly type: string;
  readonly worker: string;
  readonly maxJobs: number;
  readonly timeoutMs: number;
}

export interface CompleteUserTaskRequest extends KeyedRequest {
  readonly userTaskKey: string;
  readonly variables?: Variables;
  /** The person completing it, when known: binds its swimlane to them (issue 16). */
  readonly completedBy?: string;
}

export interface AssignUserTaskRequest extends KeyedRequest {
  readonly userTaskKey: string;
  /** Undefined unassigns. */
  readonly assignee?: string;
  /** `false`: TASK_ALREADY_ASSIGNED when someone else holds the task. Default true. */
  readonly allowOverride?: boolean;
}

export interface UpdateUserTaskRequest extends KeyedRequest {
  readonly userTaskKey: string;
  readonly changes: UserTaskChanges;
}

export interface ResolveIncidentRequest extends KeyedRequest {
  readonly incidentKey: string;
  readonly retries?: number;
}

export interface PublishMessageRequest {
  readonly name: string;
  readonly correlationKey?: string;
  readonly variables?: Variables;
  /** Kept this long for a subscription that opens later; default 0 (dropped). */
  readonly timeToLiveMs?: number;
  /** Default a new id. */
  readonly messageId?: string;
}

export interface PublishMessageResult {
  /** The message's own key (numeric, Camunda's `messageKey`). */
  readonly messageKey: string;
  readonly messageId: string;
  /** The instance whose subscription took the message. */
  readonly correlatedInstanceId?: string;
  /** Instances started through message start events. */
  readonly startedInstanceIds: readonly string[];
  /** Nobody took it and it has a TTL: kept until then. */
  readonly isBuffered: boolean;
}

export interface BroadcastSignalRequest {
  readonly name: string;
  readonly variables?: Variables;
  /**
   * Skip this instance's subscriptions: it threw the signal and its own open
   * subscriptions already reacted in the same command. Signal start events still start new instances.
   */
  readonly excludeInstanceId?: string;
}

export interface BroadcastSignalResult {
  /** The broadcast's own key (numeric, Camunda's `signalKey`). */
  readonly signalKey: string;
  readonly triggeredInstanceIds: readonly string[];
  readonly startedInstanceIds: readonly string[];
}

/** The one API of an engine node, used by the HTTP API, the CLI and the scenario runner. */
export interface Engine {
  readonly nodeId: string;
  readonly clock: Clock;

  /**
   * Deploys every process of every resource, or nothing: any error problem refuses
   * the whole deployment with MODEL_INVALID (MODEL_NOT_EXECUTABLE when the only
   * problems are non-executable processes), `details.problems` listing each one.
   * `*.form` resources (form-js JSON with an `id`) are kept as the latest form of their
   * id; a user task linking a form id (`zeebe:formDefinition formId`) that is neither
   * embedded, nor in this deployment, nor deployed before refuses the deployment.
   */
  deploy(resources: readonly DeployResource[], options?: { readonly allowNonExecutable?: boolean }): Promise<readonly DeployedProcess[]>;

  /**
   * Deletes a deployed version (Camunda's resource deletion): DEFINITION_NOT_FOUND when no
   * undeleted version has that key, DEFINITION_IN_USE while an instance of it is active.
   * The highest version left becomes the latest; version numbers are not reused.
   */
  deleteDefinition(definitionKey: string): Promise<void>;
  /** A fresh key (numeric, unique in the cluster) for something that is no instance: a deployment, a request. */
  newKey(): Promise<string>;
  startInstance(request: StartInstanceRequest): Promise<ExecuteResult>;
  /** Low level: one command on one instance through the shell. */
  execute(request: ExecuteRequest): Promise<ExecuteResult>;

  completeJob(request: CompleteJobRequest): Promise<ExecuteResult>;
  failJob(request: FailJobRequest): Promise<ExecuteResult>;
  throwError(request: ThrowErrorRequest): Promise<ExecuteResult>;
  /** Sets a job's retries and/or its timeout (the lease then ends `timeoutMs` from now); JOB_NOT_OPEN, VALIDATION_FAILED. */
  updateJob(request: UpdateJobRequest): Promise<ExecuteResult>;
  /** Leases up to `maxJobs` jobs of `type` for `timeoutMs`, with their variables. */
  activateJobs(request: ActivateJobsRequest): Promise<readonly ActivatedJob[]>;
  completeUserTask(request: CompleteUserTaskRequest): Promise<ExecuteResult>;
  assignUserTask(request: AssignUserTaskRequest): Promise<ExecuteResult>;
  /** Changes an open user task's dates, candidates or priority; NOT_FOUND / STALE_COMMAND, VALIDATION_FAILED. */
  updateUserTask(request: UpdateUserTaskRequest): Promise<ExecuteResult>;
  publishMessage(request: PublishMessageRequest): Promise<PublishMessageResult>;
  broadcastSignal(request: BroadcastSignalRequest): Promise<BroadcastSignalResult>;
  cancelInstance(instanceId: string): Promise<ExecuteResult>;
  resolveIncident(request: ResolveIncidentRequest): Promise<ExecuteResult>;
  /**
   * Sets variables in a scope (variable limits checked first: VARIABLES_TOO_LARGE etc.);
   * nothing else happens. NOT_FOUND when the element instance is not active,
   * INSTANCE_NOT_FOUND / INSTANCE_NOT_ACTIVE for the instance.
   */
  setVariables(request: SetVariablesRequest): Promise<ExecuteResult>;
  /**
   * Modifies a running instance (variable limits checked first); VALIDATION_FAILED lists
   * every instruction it cannot apply and changes nothing; INSTANCE_NOT_FOUND / INSTANCE_NOT_ACTIVE.
   */
  modifyInstance(request: ModifyInstanceRequest): Promise<ExecuteResult>;
  /**
   * Migrates a running instance to another version of its process; VALIDATION_FAILED lists
   * every active element it cannot map and changes nothing; DEFINITION_NOT_FOUND for the target.
   */
  migrateInstance(request: MigrateInstanceRequest): Promise<ExecuteResult>;

  /** Throws INSTANCE_NOT_FOUND. */
  getInstance(instanceId: string): Promise<VersionedState>;
  /** The instance's events (the core's), oldest first. */
  getHistory(instanceId: string, page?: PageRequest): Promise<Page<HistoryEntry<InstanceEvent>>>;
  searchUserTasks(query: UserTaskQuery): Promise<Page<IndexedUserTask>>;
  searchJobs(query: JobQuery): Promise<Page<IndexedJob>>;
  /** The open wait (job, user task, timer, subscription) with that key, if any: for authorization by object. */
  findWait(key: string): Promise<IndexedWait | undefined>;
  searchIncidents(query: IncidentQuery): Promise<Page<IndexedIncident>>;
  searchInstances(query: InstanceQuery): Promise<Page<InstanceSummary>>;
  /** The instance and every instance it called, recursively (creation order). */
  instancesOfTree(rootInstanceId: string): Promise<readonly InstanceSummary[]>;
  listDefinitions(query?: { readonly processId?: string }): Promise<readonly DeploymentSummary[]>;
  /** Throws DEFINITION_NOT_FOUND. */
  getDefinition(definitionKey: string): Promise<ProcessDefinition>;
  /** The latest deployed form (a `*.form` resource) with that id, if any. */
  getForm(formId: string): Promise<FormRecord | undefined>;
  /**
   * Evaluates a deployed decision with `variables`, outside any instance (issue 16;
   * Camunda 8.8's decision evaluation): the latest version of `decisionId`, or the version
   * with `decisionKey`. Its result and every decision evaluated, or the failure naming
   * decision and rule. Throws NOT_FOUND without such a decision.
   */
  evaluateDecision(request: { readonly decisionId?: string; readonly decisionKey?: string; readonly variables?: Variables }): Promise<StandaloneEvaluation>;
  /** Every deployed decision version (Camunda's decision definitions), in deployment order. */
  listDecisionDefinitions(): Promise<readonly DecisionDefinitionRecord[]>;
  /** Every deployed DMN file version (Camunda's decision requirements), in deployment order. */
  listDecisionRequirements(): Promise<readonly DecisionRequirementsRecord[]>;
  /** A deployed DMN file version with its XML; undefined when no such key. */
  getDecisionRequirements(decisionRequirementsKey: string): Promise<StoredRequirements | undefined>;
  /** The BPMN XML of a version (default the latest); throws DEFINITION_NOT_FOUND. */
  getDefinitionXml(query: { readonly definitionKey: string } | { readonly processId: string; readonly version?: number }): Promise<string>;

  /** Re-runs effects left in the outbox (a node died between commit and dispatch). */
  sweepOutbox(): Promise<number>;
  /**
   * Starts more in-process workers after creation (hand-off relays for capable peers);
   * they consume only their job types' queues and stop on `close()`.
   */
  startWorkers(handlers: Readonly<Record<string, JobWorker>>): void;
  /**
   * With a history store (see {@link EngineOptions.history}): how far its copy is
   * behind as this node sees it, and a promise of the moment it caught up with every
   * commit this node made or swept so far.
   */
  readonly history?: { lag(): HistoryLag; idle(): Promise<void> };
  /** Stops workers, timers and the sweep (and the history projector after its pass). Does not close the adapters it was given. */
  close(): Promise<void>;
}

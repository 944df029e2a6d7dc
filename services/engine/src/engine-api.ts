import type {
  ActivatedJob,
  IncidentResult,
  IncidentSearchQuery,
  IncidentSearchQueryResult,
  InstanceIncident,
  JobSearchQuery,
  JobSearchQueryResult,
  MessageCorrelationRequest,
  MessageCorrelationResult,
  MessagePublicationRequest,
  MessagePublicationResult,
  MessageSubscriptionSearchQuery,
  MessageSubscriptionSearchQueryResult,
  ProcessInstanceCallHierarchy,
  ProcessInstanceDetail,
  ProcessInstanceElementStatisticsQueryResult,
  ProcessInstanceIncidentSearchQuery,
  ProcessInstanceMigrationInstruction,
  ProcessInstanceModificationInstruction,
  ProcessInstanceSearchQuery,
  ProcessInstanceSearchQueryResult,
  ProcessInstanceSequenceFlowsQueryResult,
  ProcessInstanceState,
  SignalBroadcastRequest,
  SignalBroadcastResult,
} from '@baton/api';
import type { DecisionsApi } from './decisions-api.js';
import type { DefinitionsApi } from './definitions-api.js';
import type { ElementInstancesApi } from './element-instances-api.js';
import type { UserTasksApi } from './user-tasks-api.js';

export type { ActivatedJob } from '@baton/api';

/**
 * The engine as the HTTP layer sees it: one method per route, in the names and shapes
 * of Camunda 8's REST v2 (string keys; `processDefinitionId` is the BPMN process id;
 * times as ISO 8601 strings). Routes only validate, call one method and send the result;
 * `createRuntimeEngineApi` adapts `@baton/runtime`'s Engine to it.
 *
 * Every method throws a `BatonError` whose code says what went wrong
 * (`NOT_FOUND`, `INSTANCE_NOT_FOUND`, `JOB_NOT_OPEN`, `STALE_COMMAND`, `MODEL_INVALID`, ...);
 * a refused command changes nothing.
 */
export type Variables = Record<string, unknown>;

export type { DeployResource } from './definitions-api.js';

export interface StartInstanceRequest {
  readonly processDefinitionId?: string;
  readonly processDefinitionKey?: string;
  readonly version?: number;
  readonly variables: Variables;
}

export interface StartedInstance {
  readonly processInstanceKey: string;
  readonly processDefinitionId: string;
  readonly processDefinitionKey: string;
  readonly processDefinitionVersion: number;
}

export type InstanceStateName = ProcessInstanceState;

/** An open wait of an instance; the key to act on it is named by kind. */
export type { WaitingElement } from '@baton/api';

/** An open incident as the GET answer and the incident search list it. */
export type IncidentView = InstanceIncident;

/** `GET /v2/process-instances/{key}`: 8.8's shape plus Baton's variables, waits and incidents. */
export type InstanceView = ProcessInstanceDetail;

/** One recorded event of an instance, in order; `type` is the event's name (`ElementActivated`). */
export interface HistoryEntry {
  readonly position: number;
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface ActivateJobsRequest {
  readonly type: string;
  readonly worker: string;
  readonly timeoutMs: number;
  readonly maxJobsToActivate: number;
  /** Only these variables; all when absent. */
  readonly fetchVariable?: readonly string[];
}

/** `PATCH /v2/jobs/{jobKey}`: at least one of the two. */
export interface UpdateJobRequest {
  readonly retries?: number;
  /** The job's activation now ends this many ms from now. */
  readonly timeoutMs?: number;
}

export interface FailJobRequest {
  readonly retries: number;
  readonly errorMessage: string;
  readonly retryBackOffMs: number;
  readonly variables?: Variables;
}

export interface ThrowErrorRequest {
  readonly errorCode: string;
  readonly errorMessage?: string;
  readonly variables: Variables;
}

/** An open job as authorization sees it: its type decides which workers may act on it. */
export interface JobView {
  readonly jobKey: string;
  readonly type: string;
  readonly processInstanceKey: string;
  readonly elementId: string;
}

/** The engine operations behind the routes. See the module comment for the error contract. */
export interface EngineApi extends ElementInstancesApi, UserTasksApi, DefinitionsApi, DecisionsApi {
  startInstance(request: StartInstanceRequest): Promise<StartedInstance>;
  getInstance(processInstanceKey: string): Promise<InstanceView>;
  getHistory(processInstanceKey: string): Promise<readonly HistoryEntry[]>;
  /** Instances matching the query's filter, oldest first unless sorted; an unknown parent matches none. */
  searchInstances(query: ProcessInstanceSearchQuery): Promise<ProcessInstanceSearchQueryResult>;
  /** The instances that called this one (call activities), root first, ending with it. */
  getCallHierarchy(processInstanceKey: string): Promise<ProcessInstanceCallHierarchy>;
  /** The sequence flows the instance took, each once, as its history records them. */
  getSequenceFlows(processInstanceKey: string): Promise<ProcessInstanceSequenceFlowsQueryResult>;
  /** Per element of the instance: active (no incident), with incident, completed, cancelled counts from its state and history. */
  getElementStatistics(processInstanceKey: string): Promise<ProcessInstanceElementStatisticsQueryResult>;
  /** The open incidents of an instance in 8.8's shape (errorType in 8.8's enum), sorted and paged. */
  searchInstanceIncidents(processInstanceKey: string, query: ProcessInstanceIncidentSearchQuery): Promise<IncidentSearchQueryResult>;
  cancelInstance(processInstanceKey: string): Promise<void>;
  /** Camunda 8.8's modification: activations then terminations, atomically; VALIDATION_FAILED lists every bad instruction. */
  modifyInstance(processInstanceKey: string, instruction: ProcessInstanceModificationInstruction): Promise<void>;
  /** Camunda 8.8's migration to another version of the instance's process; VALIDATION_FAILED lists every element it cannot map. */
  migrateInstance(processInstanceKey: string, instruction: ProcessInstanceMigrationInstruction): Promise<void>;
  /** Correlates to one open subscription or message start event now, else `NOT_FOUND`. */
  correlateMessage(request: MessageCorrelationRequest): Promise<MessageCorrelationResult>;
  /** Publishes: correlates now or keeps it for `timeToLive` ms; never fails for lack of a receiver (`MESSAGE_ALREADY_PUBLISHED` for a live messageId). */
  publishMessage(request: MessagePublicationRequest): Promise<MessagePublicationResult>;
  /** Open message subscriptions (state `CREATED`) matching the query, oldest first unless sorted. */
  searchMessageSubscriptions(query: MessageSubscriptionSearchQuery): Promise<MessageSubscriptionSearchQueryResult>;
  broadcastSignal(request: SignalBroadcastRequest): Promise<SignalBroadcastResult>;
  /** Returns at once (possibly no jobs); the HTTP layer long-polls. */
  activateJobs(request: ActivateJobsRequest): Promise<readonly ActivatedJob[]>;
  completeJob(jobKey: string, variables: Variables): Promise<void>;
  failJob(jobKey: string, request: FailJobRequest): Promise<void>;
  throwError(jobKey: string, request: ThrowErrorRequest): Promise<void>;
  /** Sets retries and/or timeout of an open job (retries also of one failed with none left); `JOB_NOT_OPEN`, `VALIDATION_FAILED`. */
  updateJob(jobKey: string, request: UpdateJobRequest): Promise<void>;
  /** Open jobs (activatable or failed) matching the query, in creation order. */
  searchJobs(query: JobSearchQuery): Promise<JobSearchQueryResult>;
  /** The open job with that key; `JOB_NOT_OPEN` when there is none. */
  getJob(jobKey: string): Promise<JobView>;
  /** Open incidents matching the query in 8.8's shape, oldest first unless sorted. */
  searchIncidents(query: IncidentSearchQuery): Promise<IncidentSearchQueryResult>;
  /** The open incident with that key; `NOT_FOUND` when there is none. */
  getIncident(incidentKey: string): Promise<IncidentResult>;
  /** Retries its job (with `retries`, default 1) or re-runs its element; `NOT_FOUND` when it is not open. */
  resolveIncident(incidentKey: string, retries?: number): Promise<void>;
  /**
   * Calls `listener` after any state change (a commit, a job made activatable), so long
   * polls re-check at once instead of on a timer. Returns the unsubscribe function.
   */
  onChange(listener: () => void): () => void;
  /**
   * Calls `listener` after each change of that instance only (its commits, on any node):
   * a wait for one instance (awaitCompletion) costs nothing when others change. Returns
   * the unsubscribe function.
   */
  onInstanceChange(processInstanceKey: string, listener: () => void): () => void;
  close(): Promise<void>;
}

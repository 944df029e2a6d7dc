/**
 * The wire shapes of the engine's HTTP API (services/engine), in the names of
 * Camunda 8's REST v2: string keys, `processDefinitionId` is the BPMN process id,
 * durations in milliseconds, times as ISO 8601 strings (job deadlines as epoch ms).
 * They are mirrored here, not imported, so an edge machine installs no server code; the
 * families already moved to the contract (`@baton/api`, isomorphic, no server code) are
 * re-exported from it.
 */
export type Variables = Record<string, unknown>;

/** One BPMN file to deploy; `content` is the XML as text, bytes or a Blob. */
export interface DeployFile {
  readonly name: string;
  readonly content: string | Uint8Array | Blob;
}

/** Either files (sent as multipart field `resources`) or one raw XML document. */
export type DeployRequest =
  | { readonly resources: readonly DeployFile[]; readonly allowNonExecutable?: boolean }
  | { readonly xml: string; readonly name?: string; readonly allowNonExecutable?: boolean };

/** Deployments, definitions and resources come from the contract (`@baton/api`): Camunda 8.8's shapes. */
export type {
  DeploymentProcessResult as DeployedProcess,
  DeploymentResult,
  ProcessDefinitionResult as ProcessDefinitionSummary,
  ProcessDefinitionSearchQuery,
  ProcessDefinitionSearchQueryResult,
  ResourceResult,
} from '@baton/api';

/** Camunda's search answer: `{ items, page: { totalItems } }`. */
export interface SearchResult<T> {
  readonly items: readonly T[];
  readonly page: { readonly totalItems: number };
}

/** The process-instance family comes from the contract (`@baton/api`): Camunda 8.8's shapes. */
export type {
  CreateProcessInstanceResult as CreatedProcessInstance,
  HistoryEntry,
  IncidentSearchQueryResult,
  ProcessInstanceCallHierarchy,
  ProcessInstanceCreationInstruction as CreateProcessInstanceRequest,
  ProcessInstanceDetail as ProcessInstance,
  ProcessInstanceElementStatisticsQueryResult,
  ProcessInstanceIncidentSearchQuery,
  ProcessInstanceResult as ProcessInstanceSummary,
  ProcessInstanceSearchQuery as ProcessInstanceSearch,
  ProcessInstanceSearchQueryResult,
  ProcessInstanceSequenceFlowsQueryResult,
  ProcessInstanceState as InstanceStateName,
  WaitingElement,
} from '@baton/api';

/** Incidents, messages and signals come from the contract (`@baton/api`): Camunda 8.8's shapes. */
export type {
  IncidentResult as Incident,
  IncidentSearchQuery as IncidentSearch,
  MessageCorrelationRequest,
  MessageCorrelationResult,
  MessagePublicationRequest,
  MessagePublicationResult,
  MessageSubscriptionResult,
  MessageSubscriptionSearchQuery,
  MessageSubscriptionSearchQueryResult,
  SignalBroadcastRequest,
  SignalBroadcastResult,
} from '@baton/api';

/**
 * The jobs family comes from the wire contract (`@baton/api`, Camunda 8.8's shapes): the
 * schemas the server validates with are the types the client sends and reads.
 */
export type {
  ActivatedJob,
  JobActivationRequest as ActivateJobsRequest,
  JobErrorRequest as ThrowJobErrorRequest,
  JobFailRequest as FailJobRequest,
  JobSearchQuery,
  JobSearchQueryResult,
  JobSearchResult,
  JobUpdateRequest,
} from '@baton/api';

/**
 * The user-task family comes from the contract (`@baton/api`): 8.8's `UserTaskResult`
 * (plus Baton's `lane`), its search query, the update changeset and the form.
 */
export type {
  UserTaskResult as UserTask,
  UserTaskSearchQuery as UserTaskSearch,
  UserTaskState as UserTaskStateName,
  UserTaskChangeset,
  UserTaskFormResult,
  UserTaskVariableSearchQuery,
  VariableSearchResult,
} from '@baton/api';

export interface TopologyNode {
  readonly nodeId: string;
  readonly version: string;
  readonly capabilities: readonly string[];
}

export interface Topology extends TopologyNode {
  readonly gatewayVersion: string;
  readonly clusterSize: number;
  readonly peers: readonly TopologyNode[];
}

export interface HealthStatus {
  readonly status: string;
  /** Readiness only: each named check (node, deployed, store, queue, bus, clock) with its status and, when DOWN, why. */
  readonly checks?: Readonly<Record<string, { readonly status: string; readonly reason?: string }>>;
}

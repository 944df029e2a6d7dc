import { createTransport, type CallOptions, type ClientOptions, type Transport } from './http.js';
import type {
  ActivateJobsRequest,
  ActivatedJob,
  CreateProcessInstanceRequest,
  CreatedProcessInstance,
  DeployRequest,
  DeploymentResult,
  FailJobRequest,
  HealthStatus,
  HistoryEntry,
  Incident,
  IncidentSearch,
  IncidentSearchQueryResult,
  JobSearchQuery,
  JobSearchQueryResult,
  JobUpdateRequest,
  MessageCorrelationRequest,
  MessageCorrelationResult,
  MessagePublicationRequest,
  MessagePublicationResult,
  MessageSubscriptionSearchQuery,
  MessageSubscriptionSearchQueryResult,
  ProcessDefinitionSearchQuery,
  ProcessDefinitionSearchQueryResult,
  ProcessDefinitionSummary,
  ProcessInstance,
  ProcessInstanceCallHierarchy,
  ProcessInstanceElementStatisticsQueryResult,
  ProcessInstanceIncidentSearchQuery,
  ProcessInstanceSearch,
  ProcessInstanceSearchQueryResult,
  ProcessInstanceSequenceFlowsQueryResult,
  SearchResult,
  SignalBroadcastRequest,
  SignalBroadcastResult,
  ThrowJobErrorRequest,
  Topology,
  UserTask,
  UserTaskChangeset,
  UserTaskFormResult,
  UserTaskSearch,
  UserTaskVariableSearchQuery,
  VariableSearchResult,
  Variables,
} from './types.js';

/** What the server waits at most when a long poll names no `requestTimeout` (ms). */
const serverDefaultWaitMs = 10_000;

/**
 * A typed client of one Baton node's REST API, one method per route (Camunda 8 REST v2
 * names). Every method rejects with a BatonError: the server's code for a refused request
 * (`NOT_FOUND`, `JOB_NOT_OPEN`, `STALE_COMMAND`, `VALIDATION_FAILED`, ...) with the HTTP
 * status in `details.status`, or `SERVER_UNAVAILABLE` when the node cannot be reached.
 */
export interface BatonClient {
  /** The base URL requests go to, without a trailing slash. */
  readonly baseUrl: string;
  /** POST /v2/deployments: files as multipart `resources`, or one raw XML body. */
  deployResources(request: DeployRequest, options?: CallOptions): Promise<DeploymentResult>;
  /** GET /v2/process-definitions: every deployed version. */
  listProcessDefinitions(options?: CallOptions): Promise<SearchResult<ProcessDefinitionSummary>>;
  /** POST /v2/process-definitions/search: 8.8's filter (incl. isLatestVersion), sort and page. */
  searchProcessDefinitions(query?: ProcessDefinitionSearchQuery, options?: CallOptions): Promise<ProcessDefinitionSearchQueryResult>;
  /** GET /v2/process-definitions/{key}. */
  getProcessDefinition(processDefinitionKey: string, options?: CallOptions): Promise<ProcessDefinitionSummary>;
  /** GET /v2/process-definitions/{key}/xml. */
  getProcessDefinitionXml(processDefinitionKey: string, options?: CallOptions): Promise<string>;
  /** POST /v2/process-instances; with `awaitCompletion` the call waits for the end (or `requestTimeout`). */
  createProcessInstance(request: CreateProcessInstanceRequest, options?: CallOptions): Promise<CreatedProcessInstance>;
  /** POST /v2/process-instances/search: 8.8's filter, sort and page (offset or cursors); oldest first unless sorted. */
  searchProcessInstances(search?: ProcessInstanceSearch, options?: CallOptions): Promise<ProcessInstanceSearchQueryResult>;
  /** GET /v2/process-instances/{key}: state, incidents, variables, open waits. */
  getProcessInstance(processInstanceKey: string, options?: CallOptions): Promise<ProcessInstance>;
  /** GET /v2/process-instances/{key}/history: its events in order. */
  getProcessInstanceHistory(processInstanceKey: string, options?: CallOptions): Promise<{ readonly items: readonly HistoryEntry[] }>;
  /** GET /v2/process-instances/{key}/call-hierarchy: the instances that called it, root first, ending with it. */
  getProcessInstanceCallHierarchy(processInstanceKey: string, options?: CallOptions): Promise<ProcessInstanceCallHierarchy>;
  /** GET /v2/process-instances/{key}/sequence-flows: the sequence flows it took, each once. */
  getProcessInstanceSequenceFlows(processInstanceKey: string, options?: CallOptions): Promise<ProcessInstanceSequenceFlowsQueryResult>;
  /** GET /v2/process-instances/{key}/statistics/element-instances: per element, active / incidents / completed / canceled. */
  getProcessInstanceStatistics(processInstanceKey: string, options?: CallOptions): Promise<ProcessInstanceElementStatisticsQueryResult>;
  /** POST /v2/process-instances/{key}/incidents/search: its open incidents in 8.8's shape. */
  searchProcessInstanceIncidents(processInstanceKey: string, query?: ProcessInstanceIncidentSearchQuery, options?: CallOptions): Promise<IncidentSearchQueryResult>;
  /** POST /v2/process-instances/{key}/cancellation. */
  cancelProcessInstance(processInstanceKey: string, options?: CallOptions): Promise<void>;
  /** POST /v2/messages/correlation: reaches one waiting receiver now, else `NOT_FOUND`. */
  correlateMessage(request: MessageCorrelationRequest, options?: CallOptions): Promise<MessageCorrelationResult>;
  /** POST /v2/messages/publication: correlated now or kept for `timeToLive` ms. */
  publishMessage(request: MessagePublicationRequest, options?: CallOptions): Promise<MessagePublicationResult>;
  /** POST /v2/message-subscriptions/search: open message subscriptions, 8.8's filter/sort/page. */
  searchMessageSubscriptions(query?: MessageSubscriptionSearchQuery, options?: CallOptions): Promise<MessageSubscriptionSearchQueryResult>;
  /** POST /v2/signals/broadcast. */
  broadcastSignal(request: SignalBroadcastRequest, options?: CallOptions): Promise<SignalBroadcastResult>;
  /** POST /v2/jobs/activation: long-polls up to `requestTimeout` ms for jobs of `type`. */
  activateJobs(request: ActivateJobsRequest, options?: CallOptions): Promise<readonly ActivatedJob[]>;
  /** POST /v2/jobs/{jobKey}/completion. */
  completeJob(jobKey: string, variables?: Variables, options?: CallOptions): Promise<void>;
  /** POST /v2/jobs/{jobKey}/failure: retried after `retryBackOff` ms while retries > 0, else an incident. */
  failJob(jobKey: string, request: FailJobRequest, options?: CallOptions): Promise<void>;
  /** POST /v2/jobs/{jobKey}/error: a BPMN error, caught by the model (or an incident). */
  throwJobError(jobKey: string, request: ThrowJobErrorRequest, options?: CallOptions): Promise<void>;
  /** PATCH /v2/jobs/{jobKey}: new retries and/or timeout (the activation then ends `timeout` ms from now). */
  updateJob(jobKey: string, request: JobUpdateRequest, options?: CallOptions): Promise<void>;
  /** POST /v2/jobs/search: open jobs, Camunda 8.8's filter/sort/page. */
  searchJobs(query?: JobSearchQuery, options?: CallOptions): Promise<JobSearchQueryResult>;
  /** POST /v2/user-tasks/search. */
  searchUserTasks(search?: UserTaskSearch, options?: CallOptions): Promise<SearchResult<UserTask>>;
  /** GET /v2/user-tasks/{key}: an open task. */
  getUserTask(userTaskKey: string, options?: CallOptions): Promise<UserTask>;
  /** PATCH /v2/user-tasks/{key}: due and follow-up dates, candidates, priority (`null` clears). */
  updateUserTask(userTaskKey: string, changeset: UserTaskChangeset, options?: CallOptions): Promise<void>;
  /** POST /v2/user-tasks/{key}/assignment (claim); `allowOverride` false refuses a task someone else holds (409). */
  assignUserTask(userTaskKey: string, assignee: string, options?: CallOptions & { readonly allowOverride?: boolean }): Promise<void>;
  /** DELETE /v2/user-tasks/{key}/assignee (unclaim). */
  unassignUserTask(userTaskKey: string, options?: CallOptions): Promise<void>;
  /** POST /v2/user-tasks/{key}/completion. */
  completeUserTask(userTaskKey: string, variables?: Variables, options?: CallOptions): Promise<void>;
  /** GET /v2/user-tasks/{key}/form: 8.8's FormResult (the form-js schema as JSON text) with Baton's source and the task's variables. */
  getUserTaskForm(userTaskKey: string, options?: CallOptions): Promise<UserTaskFormResult>;
  /** POST /v2/user-tasks/{key}/variables/search: the variables the task sees. */
  searchUserTaskVariables(userTaskKey: string, search?: UserTaskVariableSearchQuery, options?: CallOptions): Promise<SearchResult<VariableSearchResult>>;
  /** POST /v2/incidents/search: open incidents, 8.8's filter/sort/page. */
  searchIncidents(search?: IncidentSearch, options?: CallOptions): Promise<IncidentSearchQueryResult>;
  /** GET /v2/incidents/{key}: an open incident. */
  getIncident(incidentKey: string, options?: CallOptions): Promise<Incident>;
  /** POST /v2/incidents/{key}/resolution: retry its job with `retries` (server default 1) or re-run its element. */
  resolveIncident(incidentKey: string, retries?: number, options?: CallOptions): Promise<void>;
  /** GET /v2/topology: the node, its capabilities, its peers. */
  getTopology(options?: CallOptions): Promise<Topology>;
  /** GET /health/ready (default) or /health/live; a node that is not ready rejects with `SERVER_UNAVAILABLE`. */
  health(probe?: 'ready' | 'live', options?: CallOptions): Promise<HealthStatus>;
}

const key = (value: string): string => encodeURIComponent(value);

/** How long the server may hold a long poll whose limit is `requestTimeout` (0 or absent: its default). */
function longPollMs(requestTimeout: number | undefined): number {
  if (requestTimeout === undefined || requestTimeout === 0) return serverDefaultWaitMs;
  return Math.max(requestTimeout, 0);
}

function toBlob(content: string | Uint8Array | Blob): Blob {
  if (content instanceof Blob) return content;
  // A copy of bytes is backed by an ArrayBuffer, which the DOM's Blob types ask for (the page's engine, issue 17).
  return new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type: 'application/xml' });
}

function deployment(send: Transport, request: DeployRequest, options: CallOptions): Promise<DeploymentResult> {
  const query = { allowNonExecutable: request.allowNonExecutable === true ? 'true' : undefined };
  if ('xml' in request) {
    return send({
      method: 'POST',
      path: '/v2/deployments',
      query: { ...query, name: request.name },
      body: request.xml,
      contentType: 'application/xml',
      signal: options.signal,
    });
  }
  const form = new FormData();
  for (const file of request.resources) form.append('resources', toBlob(file.content), file.name);
  return send({ method: 'POST', path: '/v2/deployments', query, body: form, signal: options.signal });
}

function processMethods(send: Transport) {
  return {
    deployResources: (request: DeployRequest, options: CallOptions = {}) => deployment(send, request, options),
    listProcessDefinitions: (options: CallOptions = {}) =>
      send<SearchResult<ProcessDefinitionSummary>>({ method: 'GET', path: '/v2/process-definitions', signal: options.signal }),
    searchProcessDefinitions: (query: ProcessDefinitionSearchQuery = {}, options: CallOptions = {}) =>
      send<ProcessDefinitionSearchQueryResult>({ method: 'POST', path: '/v2/process-definitions/search', body: query, signal: options.signal }),
    getProcessDefinition: (processDefinitionKey: string, options: CallOptions = {}) =>
      send<ProcessDefinitionSummary>({ method: 'GET', path: `/v2/process-definitions/${key(processDefinitionKey)}`, signal: options.signal }),
    getProcessDefinitionXml: (processDefinitionKey: string, options: CallOptions = {}) =>
      send<string>({ method: 'GET', path: `/v2/process-definitions/${key(processDefinitionKey)}/xml`, accept: 'text', signal: options.signal }),
    createProcessInstance: (request: CreateProcessInstanceRequest, options: CallOptions = {}) =>
      send<CreatedProcessInstance>({
        method: 'POST',
        path: '/v2/process-instances',
        body: request,
        extraTimeoutMs: request.awaitCompletion === true ? longPollMs(request.requestTimeout) : 0,
        signal: options.signal,
      }),
    searchProcessInstances: (search: ProcessInstanceSearch = {}, options: CallOptions = {}) =>
      send<ProcessInstanceSearchQueryResult>({ method: 'POST', path: '/v2/process-instances/search', body: search, signal: options.signal }),
    getProcessInstance: (processInstanceKey: string, options: CallOptions = {}) =>
      send<ProcessInstance>({ method: 'GET', path: `/v2/process-instances/${key(processInstanceKey)}`, signal: options.signal }),
    getProcessInstanceHistory: (processInstanceKey: string, options: CallOptions = {}) =>
      send<{ items: HistoryEntry[] }>({ method: 'GET', path: `/v2/process-instances/${key(processInstanceKey)}/history`, signal: options.signal }),
    getProcessInstanceCallHierarchy: (processInstanceKey: string, options: CallOptions = {}) =>
      send<ProcessInstanceCallHierarchy>({ method: 'GET', path: `/v2/process-instances/${key(processInstanceKey)}/call-hierarchy`, signal: options.signal }),
    getProcessInstanceSequenceFlows: (processInstanceKey: string, options: CallOptions = {}) =>
      send<ProcessInstanceSequenceFlowsQueryResult>({ method: 'GET', path: `/v2/process-instances/${key(processInstanceKey)}/sequence-flows`, signal: options.signal }),
    getProcessInstanceStatistics: (processInstanceKey: string, options: CallOptions = {}) =>
      send<ProcessInstanceElementStatisticsQueryResult>({ method: 'GET', path: `/v2/process-instances/${key(processInstanceKey)}/statistics/element-instances`, signal: options.signal }),
    searchProcessInstanceIncidents: (processInstanceKey: string, query: ProcessInstanceIncidentSearchQuery = {}, options: CallOptions = {}) =>
      send<IncidentSearchQueryResult>({ method: 'POST', path: `/v2/process-instances/${key(processInstanceKey)}/incidents/search`, body: query, signal: options.signal }),
    cancelProcessInstance: (processInstanceKey: string, options: CallOptions = {}) =>
      send<void>({ method: 'POST', path: `/v2/process-instances/${key(processInstanceKey)}/cancellation`, body: {}, signal: options.signal }),
    correlateMessage: (request: MessageCorrelationRequest, options: CallOptions = {}) =>
      send<MessageCorrelationResult>({ method: 'POST', path: '/v2/messages/correlation', body: request, signal: options.signal }),
    publishMessage: (request: MessagePublicationRequest, options: CallOptions = {}) =>
      send<MessagePublicationResult>({ method: 'POST', path: '/v2/messages/publication', body: request, signal: options.signal }),
    searchMessageSubscriptions: (query: MessageSubscriptionSearchQuery = {}, options: CallOptions = {}) =>
      send<MessageSubscriptionSearchQueryResult>({ method: 'POST', path: '/v2/message-subscriptions/search', body: query, signal: options.signal }),
    broadcastSignal: (request: SignalBroadcastRequest, options: CallOptions = {}) =>
      send<SignalBroadcastResult>({ method: 'POST', path: '/v2/signals/broadcast', body: request, signal: options.signal }),
  };
}

function jobMethods(send: Transport) {
  const outcome = (jobKey: string, action: 'completion' | 'failure' | 'error', body: object, options: CallOptions) =>
    send<void>({ method: 'POST', path: `/v2/jobs/${key(jobKey)}/${action}`, body, signal: options.signal });
  return {
    activateJobs: async (request: ActivateJobsRequest, options: CallOptions = {}) => {
      const answer = await send<{ jobs: ActivatedJob[] }>({
        method: 'POST',
        path: '/v2/jobs/activation',
        body: request,
        extraTimeoutMs: longPollMs(request.requestTimeout),
        signal: options.signal,
      });
      return answer.jobs;
    },
    completeJob: (jobKey: string, variables: Variables = {}, options: CallOptions = {}) => outcome(jobKey, 'completion', { variables }, options),
    failJob: (jobKey: string, request: FailJobRequest, options: CallOptions = {}) => outcome(jobKey, 'failure', request, options),
    throwJobError: (jobKey: string, request: ThrowJobErrorRequest, options: CallOptions = {}) => outcome(jobKey, 'error', request, options),
    updateJob: (jobKey: string, request: JobUpdateRequest, options: CallOptions = {}) =>
      send<void>({ method: 'PATCH', path: `/v2/jobs/${key(jobKey)}`, body: request, signal: options.signal }),
    searchJobs: (query: JobSearchQuery = {}, options: CallOptions = {}) =>
      send<JobSearchQueryResult>({ method: 'POST', path: '/v2/jobs/search', body: query, signal: options.signal }),
  };
}

function taskMethods(send: Transport) {
  const task = (userTaskKey: string, rest: string): string => `/v2/user-tasks/${key(userTaskKey)}/${rest}`;
  return {
    searchUserTasks: (search: UserTaskSearch = {}, options: CallOptions = {}) =>
      send<SearchResult<UserTask>>({ method: 'POST', path: '/v2/user-tasks/search', body: search, signal: options.signal }),
    getUserTask: (userTaskKey: string, options: CallOptions = {}) => send<UserTask>({ method: 'GET', path: `/v2/user-tasks/${key(userTaskKey)}`, signal: options.signal }),
    updateUserTask: (userTaskKey: string, changeset: UserTaskChangeset, options: CallOptions = {}) =>
      send<void>({ method: 'PATCH', path: `/v2/user-tasks/${key(userTaskKey)}`, body: { changeset }, signal: options.signal }),
    assignUserTask: (userTaskKey: string, assignee: string, options: CallOptions & { readonly allowOverride?: boolean } = {}) =>
      send<void>({ method: 'POST', path: task(userTaskKey, 'assignment'), body: { assignee, ...(options.allowOverride === undefined ? {} : { allowOverride: options.allowOverride }) }, signal: options.signal }),
    getUserTaskForm: (userTaskKey: string, options: CallOptions = {}) => send<UserTaskFormResult>({ method: 'GET', path: task(userTaskKey, 'form'), signal: options.signal }),
    searchUserTaskVariables: (userTaskKey: string, search: UserTaskVariableSearchQuery = {}, options: CallOptions = {}) =>
      send<SearchResult<VariableSearchResult>>({ method: 'POST', path: task(userTaskKey, 'variables/search'), body: search, signal: options.signal }),
    unassignUserTask: (userTaskKey: string, options: CallOptions = {}) =>
      send<void>({ method: 'DELETE', path: task(userTaskKey, 'assignee'), signal: options.signal }),
    completeUserTask: (userTaskKey: string, variables: Variables = {}, options: CallOptions = {}) =>
      send<void>({ method: 'POST', path: task(userTaskKey, 'completion'), body: { variables }, signal: options.signal }),
    searchIncidents: (search: IncidentSearch = {}, options: CallOptions = {}) =>
      send<IncidentSearchQueryResult>({ method: 'POST', path: '/v2/incidents/search', body: search, signal: options.signal }),
    getIncident: (incidentKey: string, options: CallOptions = {}) => send<Incident>({ method: 'GET', path: `/v2/incidents/${key(incidentKey)}`, signal: options.signal }),
    resolveIncident: (incidentKey: string, retries?: number, options: CallOptions = {}) =>
      send<void>({
        method: 'POST',
        path: `/v2/incidents/${key(incidentKey)}/resolution`,
        body: retries === undefined ? {} : { retries },
        signal: options.signal,
      }),
  };
}

/**
 * Creates a client of the node at `baseUrl`. It holds no connection of its own (Node's
 * global fetch pools them), so there is nothing to close.
 */
export function createClient(options: ClientOptions): BatonClient {
  const send = createTransport(options);
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...processMethods(send),
    ...jobMethods(send),
    ...taskMethods(send),
    getTopology: (callOptions: CallOptions = {}) => send<Topology>({ method: 'GET', path: '/v2/topology', signal: callOptions.signal }),
    health: (probe: 'ready' | 'live' = 'ready', callOptions: CallOptions = {}) =>
      send<HealthStatus>({ method: 'GET', path: `/health/${probe}`, signal: callOptions.signal }),
  };
}

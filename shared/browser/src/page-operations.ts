import { defaultTenantId } from '@baton/api';
import type {
  IncidentSearchQuery,
  JobActivationRequest,
  JobErrorRequest,
  JobFailRequest,
  JobSearchQuery,
  JobUpdateRequest,
  MessageCorrelationRequest,
  MessagePublicationRequest,
  MessageSubscriptionSearchQuery,
  ProcessDefinitionSearchQuery,
  ProcessInstanceCreationInstruction,
  ProcessInstanceDetail,
  ProcessInstanceIncidentSearchQuery,
  ProcessInstanceSearchQuery,
  SignalBroadcastRequest,
  UserTaskAssignmentRequest,
  UserTaskSearchQuery,
  UserTaskUpdateRequest,
  UserTaskVariableSearchQuery,
} from '@baton/api';
import { checkTaskForm, maySeeTask, taskFormOf, waitFor, type Access, type DeployResource, type EngineApi, type Principal } from '@baton/engine/isomorphic';

/** One request as an operation sees it: path parameters, query, the parsed body, who calls. */
export interface OperationRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** Deployed files of a multipart or raw-XML deployment. */
  readonly resources: readonly DeployResource[];
  readonly principal: Principal | undefined;
}

/** What an operation answers: a JSON value, XML text, or nothing (204). */
export type OperationResult = { readonly json: unknown } | { readonly xml: string } | { readonly none: true };

/** An operation of the page's door: the access class the node's route has, and what it does. */
export interface PageOperation {
  readonly access: Access;
  run(api: EngineApi, request: OperationRequest): Promise<OperationResult>;
}

/** What the node waits at most in a long poll that names no `requestTimeout` (ms). */
const defaultWaitMs = 10_000;

const json = async (value: Promise<unknown> | unknown): Promise<OperationResult> => ({ json: await value });
const none = async (work: Promise<unknown>): Promise<OperationResult> => {
  await work;
  return { none: true };
};
const body = <T>(request: OperationRequest): T => (request.body ?? {}) as T;
const param = (request: OperationRequest, name: string): string => request.params[name] ?? '';
const isSettled = (view: ProcessInstanceDetail): boolean => view.state !== 'ACTIVE' || view.hasIncident;

async function createInstance(api: EngineApi, request: OperationRequest): Promise<OperationResult> {
  const instruction = body<ProcessInstanceCreationInstruction>(request);
  const started = await api.startInstance({
    ...(instruction.processDefinitionId === undefined ? {} : { processDefinitionId: instruction.processDefinitionId }),
    ...(instruction.processDefinitionKey === undefined ? {} : { processDefinitionKey: instruction.processDefinitionKey }),
    ...(instruction.processDefinitionVersion === undefined ? {} : { version: instruction.processDefinitionVersion }),
    variables: instruction.variables ?? {},
  });
  const created = { ...started, tenantId: defaultTenantId };
  if (instruction.awaitCompletion !== true) return { json: { ...created, variables: {} } };
  const key = started.processInstanceKey;
  const probe = async (): Promise<ProcessInstanceDetail | undefined> => {
    const view = await api.getInstance(key);
    return isSettled(view) ? view : undefined;
  };
  const view = (await waitFor(probe, { timeoutMs: instruction.requestTimeout || defaultWaitMs, onChange: (l) => api.onInstanceChange(key, l) })) ?? (await api.getInstance(key));
  const wanted = instruction.fetchVariables ?? [];
  const variables = wanted.length === 0 ? view.variables : Object.fromEntries(Object.entries(view.variables).filter(([name]) => wanted.includes(name)));
  return { json: { ...created, state: view.state, hasIncident: view.hasIncident, variables } };
}

async function activateJobs(api: EngineApi, request: OperationRequest): Promise<OperationResult> {
  const { type, worker, timeout, maxJobsToActivate, requestTimeout, fetchVariable } = body<JobActivationRequest>(request);
  const probe = async (): Promise<unknown[] | undefined> => {
    const jobs = await api.activateJobs({ type, worker: worker ?? '', timeoutMs: timeout, maxJobsToActivate, ...(fetchVariable === undefined ? {} : { fetchVariable }) });
    return jobs.length > 0 ? [...jobs] : undefined;
  };
  const timeoutMs = requestTimeout === undefined || requestTimeout === 0 ? defaultWaitMs : Math.max(requestTimeout, 0);
  return { json: { jobs: (await waitFor(probe, { timeoutMs, onChange: (l) => api.onChange(l) })) ?? [] } };
}

const processOperations: Readonly<Record<string, PageOperation>> = {
  createDeployment: {
    access: 'deploy',
    run: (api, request) => json(api.deploy(request.resources, { allowNonExecutable: request.query['allowNonExecutable'] === 'true' })),
  },
  listProcessDefinitions: { access: 'read', run: (api) => json(api.searchProcessDefinitions({ page: { limit: 10_000 } })) },
  searchProcessDefinitions: { access: 'read', run: (api, r) => json(api.searchProcessDefinitions(body<ProcessDefinitionSearchQuery>(r))) },
  getProcessDefinition: { access: 'read', run: (api, r) => json(api.getProcessDefinition(param(r, 'processDefinitionKey'))) },
  getProcessDefinitionXml: { access: 'read', run: async (api, r) => ({ xml: await api.getProcessDefinitionXml(param(r, 'processDefinitionKey')) }) },
  createProcessInstance: { access: 'start', run: createInstance },
  searchProcessInstances: { access: 'read', run: (api, r) => json(api.searchInstances(body<ProcessInstanceSearchQuery>(r))) },
  getProcessInstance: { access: 'read', run: (api, r) => json(api.getInstance(param(r, 'processInstanceKey'))) },
  getProcessInstanceHistory: { access: 'read', run: async (api, r) => ({ json: { items: [...(await api.getHistory(param(r, 'processInstanceKey')))] } }) },
  getProcessInstanceCallHierarchy: { access: 'read', run: (api, r) => json(api.getCallHierarchy(param(r, 'processInstanceKey'))) },
  getProcessInstanceSequenceFlows: { access: 'read', run: (api, r) => json(api.getSequenceFlows(param(r, 'processInstanceKey'))) },
  getProcessInstanceStatistics: { access: 'read', run: (api, r) => json(api.getElementStatistics(param(r, 'processInstanceKey'))) },
  searchProcessInstanceIncidents: {
    access: 'read',
    run: (api, r) => json(api.searchInstanceIncidents(param(r, 'processInstanceKey'), body<ProcessInstanceIncidentSearchQuery>(r))),
  },
  cancelProcessInstance: { access: 'cancel', run: (api, r) => none(api.cancelInstance(param(r, 'processInstanceKey'))) },
  correlateMessage: { access: 'correlate', run: (api, r) => json(api.correlateMessage(body<MessageCorrelationRequest>(r))) },
  publishMessage: { access: 'correlate', run: (api, r) => json(api.publishMessage(body<MessagePublicationRequest>(r))) },
  searchMessageSubscriptions: { access: 'read', run: (api, r) => json(api.searchMessageSubscriptions(body<MessageSubscriptionSearchQuery>(r))) },
  broadcastSignal: { access: 'correlate', run: (api, r) => json(api.broadcastSignal(body<SignalBroadcastRequest>(r))) },
  searchIncidents: { access: 'read', run: (api, r) => json(api.searchIncidents(body<IncidentSearchQuery>(r))) },
  getIncident: { access: 'read', run: (api, r) => json(api.getIncident(param(r, 'incidentKey'))) },
  resolveIncident: { access: 'resolve', run: (api, r) => none(api.resolveIncident(param(r, 'incidentKey'), body<{ retries?: number }>(r).retries)) },
};

const jobOperations: Readonly<Record<string, PageOperation>> = {
  activateJobs: { access: 'job-activate', run: activateJobs },
  completeJob: { access: 'job', run: (api, r) => none(api.completeJob(param(r, 'jobKey'), body<{ variables?: Record<string, unknown> }>(r).variables ?? {})) },
  failJob: {
    access: 'job',
    run: (api, r) => {
      const { retries, errorMessage, retryBackOff, variables } = body<JobFailRequest>(r);
      return none(api.failJob(param(r, 'jobKey'), { retries: retries ?? 0, errorMessage: errorMessage ?? '', retryBackOffMs: retryBackOff ?? 0, ...(variables ? { variables } : {}) }));
    },
  },
  throwJobError: {
    access: 'job',
    run: (api, r) => {
      const { errorCode, errorMessage, variables } = body<JobErrorRequest>(r);
      return none(api.throwError(param(r, 'jobKey'), { errorCode, ...(errorMessage === undefined ? {} : { errorMessage }), variables: variables ?? {} }));
    },
  },
  updateJob: {
    access: 'job',
    run: (api, r) => {
      const { retries, timeout } = body<JobUpdateRequest>(r).changeset;
      return none(api.updateJob(param(r, 'jobKey'), { ...(retries === undefined || retries === null ? {} : { retries }), ...(timeout === undefined || timeout === null ? {} : { timeoutMs: timeout }) }));
    },
  },
  searchJobs: { access: 'read', run: (api, r) => json(api.searchJobs(body<JobSearchQuery>(r))) },
};

const taskOperations: Readonly<Record<string, PageOperation>> = {
  // Authorization by object, as the node's route: a user finds only the tasks assigned or offered to them.
  searchUserTasks: { access: 'task-search', run: (api, r) => json(api.searchUserTasks(body<UserTaskSearchQuery>(r), (task) => maySeeTask(r.principal, task))) },
  getUserTask: { access: 'task-view', run: (api, r) => json(api.getUserTask(param(r, 'userTaskKey'))) },
  searchUserTaskVariables: { access: 'task-view', run: (api, r) => json(api.searchUserTaskVariables(param(r, 'userTaskKey'), body<UserTaskVariableSearchQuery>(r))) },
  getUserTaskForm: { access: 'task-view', run: (api, r) => json(taskFormOf(api, param(r, 'userTaskKey'))) },
  updateUserTask: { access: 'task-update', run: (api, r) => none(api.updateUserTask(param(r, 'userTaskKey'), body<UserTaskUpdateRequest>(r).changeset ?? {})) },
  assignUserTask: {
    access: 'task-claim',
    run: (api, r) => {
      const { assignee, allowOverride } = body<UserTaskAssignmentRequest>(r);
      return none(api.assignUserTask(param(r, 'userTaskKey'), { assignee, ...(allowOverride === undefined ? {} : { allowOverride }) }));
    },
  },
  unassignUserTask: { access: 'task-unclaim', run: (api, r) => none(api.unassignUserTask(param(r, 'userTaskKey'))) },
  completeUserTask: {
    access: 'task-complete',
    run: (api, r) => {
      const variables = body<{ variables?: Record<string, unknown> }>(r).variables ?? {};
      return none(api.completeUserTask(param(r, 'userTaskKey'), variables, (form) => checkTaskForm(form, variables)));
    },
  },
};

/**
 * The operations the page's door serves, by the contract's operation id: each calls the
 * node's engine facade (`EngineApi`) as the node's route does, behind the same access
 * class, so a page user gets what a node would give them (issue 17).
 */
export const pageOperations: Readonly<Record<string, PageOperation>> = { ...processOperations, ...jobOperations, ...taskOperations };

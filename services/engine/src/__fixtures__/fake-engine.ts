import { defaultTenantId, filterValue, type ProcessDefinitionResult, type ProcessInstanceResult, type UserTaskResult } from '@baton/api';
import { BatonError } from '@baton/errors';
import type * as Api from '../engine-api.js';
import { searchPage, searchWindow } from '../search-page.js';

interface FakeInstance {
  key: string;
  processId: string;
  state: Api.InstanceStateName;
  variables: Api.Variables;
  step: 'job' | 'userTask' | 'done';
  jobKey: string;
  jobType: string;
  retries: number;
  lockedUntil: number;
  userTaskKey: string;
  assignee?: string;
  incident?: Api.IncidentView;
  history: Api.HistoryEntry[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A scripted stand-in for the runtime, for the HTTP layer's own tests: every process
 * runs start → one service task (its `zeebe:taskDefinition type`) → user task `approve`
 * → end. A model whose process id is `broken` is invalid. Keys are `<kind>-<n>`.
 * No instance has a parent.
 */
/** Operations the fake does not imitate: each refuses, pointing at the runtime test of that family. */
function notOnTheFake<const Names extends readonly string[]>(names: Names): Record<Names[number], () => Promise<never>> {
  const refuse = async (): Promise<never> => {
    throw new BatonError('NOT_FOUND', 'The fake engine does not imitate this operation; test it on the runtime (routes/*-contract.test.ts).');
  };
  return Object.fromEntries(names.map((name) => [name, refuse])) as Record<Names[number], () => Promise<never>>;
}

export function createFakeEngine(): Api.EngineApi & { readonly changes: () => number } {
  const xmlByKey = new Map<string, string>();
  const definitions: ProcessDefinitionResult[] = [];
  const instances = new Map<string, FakeInstance>();
  const listeners = new Set<() => void>();
  let seq = 0;
  let changes = 0;
  const next = (kind: string): string => `${kind}-${++seq}`;
  const changed = (): void => {
    changes += 1;
    for (const listener of listeners) listener();
  };
  const record = (instance: FakeInstance, type: string, fields: Record<string, unknown> = {}): void => {
    instance.history.push({ position: instance.history.length + 1, type, ...fields });
  };
  const instanceOf = (key: string): FakeInstance => {
    const instance = instances.get(key);
    if (!instance) throw new BatonError('INSTANCE_NOT_FOUND', `No process instance has key "${key}".`, { processInstanceKey: key });
    return instance;
  };
  const openJob = (jobKey: string): FakeInstance => {
    const found = [...instances.values()].find((i) => i.jobKey === jobKey && i.step === 'job' && i.state === 'ACTIVE' && !i.incident);
    if (!found) throw new BatonError('JOB_NOT_OPEN', `Expected an open job "${jobKey}" but found none; it may already be completed.`, { jobKey });
    return found;
  };
  const openTask = (userTaskKey: string): FakeInstance => {
    const found = [...instances.values()].find((i) => i.userTaskKey === userTaskKey && i.step === 'userTask' && i.state === 'ACTIVE');
    if (!found) throw new BatonError('NOT_FOUND', `No open user task has key "${userTaskKey}".`, { userTaskKey });
    return found;
  };
  const taskView = (i: FakeInstance): UserTaskResult => ({
    userTaskKey: i.userTaskKey,
    state: 'CREATED',
    ...(i.assignee ? { assignee: i.assignee } : {}),
    candidateUsers: [],
    candidateGroups: ['managers'],
    elementId: 'approve',
    elementInstanceKey: `${i.key}/approve`,
    processInstanceKey: i.key,
    processDefinitionId: i.processId,
    processDefinitionKey: `${i.processId}:1`,
    processDefinitionVersion: 1,
    creationDate: iso(0),
    priority: 50,
    tenantId: '<default>',
    customHeaders: {},
  });
  const summaryOf = (i: FakeInstance): ProcessInstanceResult => ({
    processInstanceKey: i.key, processDefinitionId: i.processId, processDefinitionName: i.processId, processDefinitionKey: `${i.processId}:1`, processDefinitionVersion: 1,
    state: i.state, hasIncident: i.incident?.state === 'ACTIVE', startDate: iso(0), tenantId: '<default>',
  });
  const waiting = (i: FakeInstance): Api.WaitingElement[] => {
    if (i.state !== 'ACTIVE' || i.step === 'done') return [];
    if (i.step === 'job') return [{ elementId: 'charge', elementInstanceKey: `${i.key}/charge`, kind: 'job', jobKey: i.jobKey, jobType: i.jobType }];
    return [{ elementId: 'approve', elementInstanceKey: `${i.key}/approve`, kind: 'userTask', userTaskKey: i.userTaskKey }];
  };

  return {
    changes: () => changes,
    async deploy(resources, { allowNonExecutable }) {
      const processes: ProcessDefinitionResult[] = [];
      for (const { name, xml } of resources) {
        const processId = /<bpmn:process id="([^"]+)"/.exec(xml)?.[1];
        if (processId === undefined) throw new BatonError('MODEL_INVALID', `${name}: no process found.`, { problems: [{ code: 'NO_PROCESS', message: 'No process.' }] });
        if (processId === 'broken') {
          const problems = [
            { code: 'MISSING_EVENT_DETAIL', elementId: 'wait', message: 'Timer "wait" has no duration, date or cycle.' },
            { code: 'NO_OUTGOING_FLOW', elementId: 'split', message: 'Gateway "split" has no outgoing flow.' },
          ];
          throw new BatonError('MODEL_INVALID', `${name} has ${problems.length} problems.`, { processId, problems });
        }
        if (xml.includes('isExecutable="false"') && !allowNonExecutable) {
          throw new BatonError('MODEL_NOT_EXECUTABLE', `Process "${processId}" has isExecutable="false".`, { processId });
        }
        const version = definitions.filter((d) => d.processDefinitionId === processId).length + 1;
        const deployed = { processDefinitionId: processId, version, processDefinitionKey: `${processId}:${version}`, resourceName: name, tenantId: defaultTenantId, hasStartForm: false };
        xmlByKey.set(deployed.processDefinitionKey, xml);
        definitions.push(deployed);
        processes.push(deployed);
      }
      const deployments = processes.map(({ processDefinitionId, version: processDefinitionVersion, processDefinitionKey, resourceName, tenantId }) => ({
        processDefinition: { processDefinitionId, processDefinitionVersion, processDefinitionKey, resourceName, tenantId },
      }));
      return { deploymentKey: next('deployment'), tenantId: defaultTenantId, deployments };
    },
    async searchProcessDefinitions() {
      return searchPage(definitions, definitions.length, 0);
    },
    async getProcessDefinitionXml(key) {
      const xml = xmlByKey.get(key);
      if (xml === undefined) throw new BatonError('DEFINITION_NOT_FOUND', `No process definition has key "${key}".`, { processDefinitionKey: key });
      return xml;
    },
    async startInstance({ processDefinitionId, processDefinitionKey, variables }) {
      const definition = definitions.findLast((d) => d.processDefinitionId === processDefinitionId || d.processDefinitionKey === processDefinitionKey);
      if (!definition) throw new BatonError('DEFINITION_NOT_FOUND', `No process "${processDefinitionId ?? processDefinitionKey}" is deployed.`, {});
      const xml = xmlByKey.get(definition.processDefinitionKey) ?? '';
      const key = next('instance');
      const instance: FakeInstance = {
        key, processId: definition.processDefinitionId, state: 'ACTIVE', variables: { ...variables }, step: 'job',
        jobKey: next('job'), jobType: /taskDefinition type="([^"]+)"/.exec(xml)?.[1] ?? 'charge', retries: 3, lockedUntil: 0,
        userTaskKey: next('task'), history: [],
      };
      instances.set(key, instance);
      record(instance, 'InstanceCreated');
      changed();
      return { processInstanceKey: key, processDefinitionId: definition.processDefinitionId, processDefinitionKey: definition.processDefinitionKey, processDefinitionVersion: definition.version };
    },
    async getInstance(key) {
      const i = instanceOf(key);
      return { ...summaryOf(i), variables: i.variables, waiting: waiting(i), incidents: i.incident?.state === 'ACTIVE' ? [i.incident] : [] };
    },
    async getHistory(key) {
      return instanceOf(key).history;
    },
    async searchInstances({ filter = {}, page }) {
      const window = searchWindow(page);
      const processId = filterValue(filter.processDefinitionId);
      const state = filterValue(filter.state);
      const matching = [...instances.values()].filter(
        (i) => (processId === undefined || i.processId === processId) && (state === undefined || i.state === state) && filter.parentProcessInstanceKey === undefined,
      );
      return searchPage(matching.slice(window.offset, window.offset + window.limit).map(summaryOf), matching.length, window.offset);
    },
    async getCallHierarchy(key) {
      const i = instanceOf(key);
      return [{ processInstanceKey: key, processDefinitionKey: `${i.processId}:1`, processDefinitionName: i.processId }];
    },
    async getSequenceFlows() {
      throw new BatonError('NOT_FOUND', 'The fake engine records no sequence flows; test them on the runtime (routes/process-instances-contract.test.ts).');
    },
    async getElementStatistics() {
      throw new BatonError('NOT_FOUND', 'The fake engine keeps no element statistics; test them on the runtime (routes/process-instances-contract.test.ts).');
    },
    async searchInstanceIncidents() {
      throw new BatonError('NOT_FOUND', 'The fake engine has no incident search of an instance; test it on the runtime (routes/process-instances-contract.test.ts).');
    },
    async cancelInstance(key) {
      const i = instanceOf(key);
      if (i.state !== 'ACTIVE') throw new BatonError('INSTANCE_NOT_ACTIVE', `Instance "${key}" has already ended.`, { processInstanceKey: key });
      i.state = 'TERMINATED';
      record(i, 'InstanceTerminated');
      changed();
    },
    async getJob(jobKey) {
      const i = openJob(jobKey);
      return { jobKey, type: i.jobType, processInstanceKey: i.key, elementId: 'charge' };
    },
    async activateJobs({ type, worker, timeoutMs, maxJobsToActivate }) {
      const now = Date.now();
      const open = [...instances.values()].filter((i) => i.state === 'ACTIVE' && i.step === 'job' && !i.incident && i.jobType === type && i.lockedUntil <= now);
      return open.slice(0, maxJobsToActivate).map((i) => {
        i.lockedUntil = now + timeoutMs;
        return {
          jobKey: i.jobKey, type, processInstanceKey: i.key, processDefinitionId: i.processId, processDefinitionKey: `${i.processId}:1`,
          elementId: 'charge', elementInstanceKey: `${i.key}/charge`, variables: i.variables, customHeaders: { currency: 'EUR' },
          worker, retries: i.retries, deadline: i.lockedUntil, processDefinitionVersion: 1, tenantId: '<default>', kind: 'BPMN_ELEMENT' as const, listenerEventType: 'UNSPECIFIED' as const,
        };
      });
    },
    async completeJob(jobKey, variables) {
      const i = openJob(jobKey);
      Object.assign(i.variables, variables);
      i.step = 'userTask';
      record(i, 'JobCompleted', { jobKey });
      changed();
    },
    async failJob(jobKey, { retries, errorMessage }) {
      const i = openJob(jobKey);
      i.retries = retries;
      i.lockedUntil = 0;
      if (retries === 0) {
        i.incident = {
          incidentKey: next('incident'), processInstanceKey: i.key, processDefinitionId: i.processId, processDefinitionKey: `${i.processId}:1`,
          elementId: 'charge', elementInstanceKey: `${i.key}/charge`, errorType: 'JOB_NO_RETRIES', errorMessage, creationTime: iso(0), state: 'ACTIVE', jobKey,
        };
      }
      record(i, 'JobFailed', { jobKey });
      changed();
    },
    async updateJob(jobKey, { retries, timeoutMs }) {
      const i = openJob(jobKey);
      if (retries !== undefined) i.retries = retries;
      if (timeoutMs !== undefined) i.lockedUntil = Date.now() + timeoutMs;
      changed();
    },
    async searchJobs() {
      throw new BatonError('NOT_FOUND', 'The fake engine has no job search; test it on the runtime (runtime-jobs-api.test.ts).');
    },
    ...notOnTheFake(['getProcessDefinition', 'getStartProcessForm', 'getProcessDefinitionStatistics', 'getResource']),
    ...notOnTheFake(['searchElementInstances', 'getElementInstance', 'setElementInstanceVariables', 'searchVariables', 'getVariable']),
    ...notOnTheFake(['publishMessage', 'correlateMessage', 'searchMessageSubscriptions', 'broadcastSignal', 'searchIncidents', 'getIncident', 'resolveIncident']),
    async throwError(jobKey, { errorCode }) {
      const i = openJob(jobKey);
      i.state = 'TERMINATED';
      record(i, 'ErrorThrown', { jobKey, errorCode });
      changed();
    },
    /** Every open task, unfiltered: enough for the HTTP layer's tests; searches are tested on the runtime (user-tasks-contract.test.ts). */
    async searchUserTasks() {
      const open = [...instances.values()].filter((i) => i.state === 'ACTIVE' && i.step === 'userTask').map(taskView);
      return searchPage(open, open.length, 0);
    },
    ...notOnTheFake(['getUserTask', 'getUserTaskForm', 'updateUserTask', 'assignUserTask', 'unassignUserTask', 'searchUserTaskVariables']),
    async completeUserTask(userTaskKey, variables) {
      const i = openTask(userTaskKey);
      Object.assign(i.variables, variables);
      i.step = 'done';
      i.state = 'COMPLETED';
      record(i, 'InstanceCompleted');
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

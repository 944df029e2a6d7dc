/**
 * One driver per Camunda 8.8 operation Baton serves (issue 13): each makes the state its
 * call needs over Baton's REST API (keys are always taken from answers, never built) and
 * returns the answer of the one call it drives. Used by `bodies.strict.test.ts`, which
 * validates every answer against 8.8's schema; an operation served without a driver here
 * is reported there, so a new route must add one.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

const bpmn = readFileSync(new URL('compat.bpmn', import.meta.url), 'utf8');
const decideBpmn = readFileSync(new URL('compat-decide.bpmn', import.meta.url), 'utf8');
const dmn = readFileSync(new URL('compat.dmn', import.meta.url), 'utf8');

/** What a call answered: status and body (parsed JSON, the text of another media type, undefined when empty). */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export type Item = Readonly<Record<string, unknown>>;

/** Baton's REST API on one node. */
export class Rest {
  /** `headers`: sent with every call (credentials on a node with authentication). */
  constructor(
    readonly url: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    return this.fetch(method, path, body);
  }

  /** The call over HTTP, whatever `call` does in a subclass. */
  protected async fetch(method: string, path: string, body?: unknown): Promise<Answer> {
    const init: RequestInit =
      body instanceof FormData
        ? { method, body, headers: this.headers }
        : { method, headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    const res = await fetch(`${this.url}${path}`, init);
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: text === '' ? undefined : isJson ? (JSON.parse(text) as unknown) : text };
  }

  /** A setup call: its answer, or a failure naming the call and what it answered. */
  async ok(method: string, path: string, body?: unknown): Promise<Item> {
    const answer = await this.fetch(method, path, body);
    if (answer.status >= 300) throw new Error(`setup ${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return (answer.body ?? {}) as Item;
  }

  /** The first item a search finds, waiting until it has one (searches may follow the commit). */
  first(path: string, filter: Item): Promise<Item> {
    return vi.waitFor(
      async () => {
        const item = ((await this.ok('POST', path, { filter })) as { items?: Item[] }).items?.[0];
        if (item === undefined) throw new Error(`POST ${path} with ${JSON.stringify(filter)} found nothing yet`);
        return item;
      },
      { timeout: 20_000, interval: 50 },
    );
  }
}

const text = (item: Item | undefined, field: string): string => {
  const value = item?.[field];
  if (value === undefined) throw new Error(`setup: expected "${field}" in ${JSON.stringify(item)}`);
  return String(value);
};

/** The state the drivers share, made on first use, and fresh instances and jobs on demand. */
export class Fixture {
  private deployment: Promise<Item> | undefined;

  constructor(readonly rest: Rest) {}

  deploy(): Promise<Answer> {
    const form = new FormData();
    form.append('resources', new Blob([bpmn], { type: 'application/xml' }), 'compat.bpmn');
    form.append('resources', new Blob([decideBpmn], { type: 'application/xml' }), 'compat-decide.bpmn');
    form.append('resources', new Blob([dmn], { type: 'application/xml' }), 'compat.dmn');
    return this.rest.call('POST', '/v2/deployments', form);
  }

  /** compat.bpmn deployed once; its deployment answer. */
  deployed(): Promise<Item> {
    this.deployment ??= this.deploy().then((answer) => {
      if (answer.status >= 300) throw new Error(`setup deploy answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body as Item;
    });
    return this.deployment;
  }

  async definitionKey(processDefinitionId = 'compat-work'): Promise<string> {
    const deployments = (await this.deployed())['deployments'] as { processDefinition?: Item }[];
    return text(deployments.map((entry) => entry.processDefinition).find((definition) => definition?.['processDefinitionId'] === processDefinitionId), 'processDefinitionKey');
  }

  /** The key of deployed decision `compat-discount` (from the deployment answer). */
  async decisionKey(): Promise<string> {
    const deployments = (await this.deployed())['deployments'] as { decisionDefinition?: Item }[];
    return text(deployments.map((entry) => entry.decisionDefinition).find((decision) => decision?.['decisionDefinitionId'] === 'compat-discount'), 'decisionDefinitionKey');
  }

  /** The key of deployed compat.dmn. */
  async decisionRequirementsKey(): Promise<string> {
    const deployments = (await this.deployed())['deployments'] as { decisionRequirements?: Item }[];
    return text(deployments.map((entry) => entry.decisionRequirements).find((file) => file !== undefined), 'decisionRequirementsKey');
  }

  /** A decision instance of a fresh compat-decide instance (its business rule task evaluated compat-discount). */
  async decisionInstance(): Promise<Item> {
    return this.rest.first('/v2/decision-instances/search', { processInstanceKey: await this.instance('compat-decide', { amount: 150 }), decisionDefinitionId: 'compat-discount' });
  }

  /** The key of a fresh version of a process nobody starts, to delete. */
  async throwaway(): Promise<string> {
    const processId = `compat-delete-${crypto.randomUUID().slice(0, 8)}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:compat"><bpmn:process id="${processId}" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`;
    const res = await fetch(`${this.rest.url}/v2/deployments`, { method: 'POST', headers: { ...this.rest.headers, 'content-type': 'application/xml' }, body: xml });
    const deployed = (await res.json()) as { deployments?: { processDefinition?: Item }[] };
    return text(deployed.deployments?.[0]?.processDefinition, 'processDefinitionKey');
  }

  async instance(processDefinitionId = 'compat-work', variables: Item = { orderId: 'o-1' }): Promise<string> {
    await this.deployed();
    return text(await this.rest.ok('POST', '/v2/process-instances', { processDefinitionId, variables }), 'processInstanceKey');
  }

  /** A fresh instance's activated `compat-work` job. */
  async job(): Promise<Item> {
    const processInstanceKey = await this.instance();
    return vi.waitFor(
      async () => {
        const jobs = ((await this.rest.ok('POST', '/v2/jobs/activation', { type: 'compat-work', maxJobsToActivate: 1, timeout: 60_000, worker: 'compat-bodies' })) as { jobs: Item[] }).jobs;
        const job = jobs[0];
        if (job === undefined) throw new Error(`no compat-work job to activate yet (instance ${processInstanceKey})`);
        return job;
      },
      { timeout: 20_000, interval: 50 },
    );
  }

  /** An instance with an open incident (its job failed with no retries left); the incident. */
  async incident(): Promise<Item> {
    const job = await this.job();
    await this.rest.ok('POST', `/v2/jobs/${text(job, 'jobKey')}/failure`, { retries: 0, errorMessage: 'compat' });
    return this.rest.first('/v2/incidents/search', { processInstanceKey: text(job, 'processInstanceKey') });
  }

  /** An instance waiting in its user task (its job completed); the task. */
  async userTask(): Promise<Item> {
    const job = await this.job();
    await this.rest.ok('POST', `/v2/jobs/${text(job, 'jobKey')}/completion`, { variables: { done: true } });
    return this.rest.first('/v2/user-tasks/search', { processInstanceKey: text(job, 'processInstanceKey') });
  }

  async elementInstance(): Promise<Item> {
    return this.rest.first('/v2/element-instances/search', { processInstanceKey: await this.instance() });
  }

  async variable(): Promise<Item> {
    return this.rest.first('/v2/variables/search', { processInstanceKey: await this.instance() });
  }
}

export type Driver = (fixture: Fixture) => Promise<Answer>;

const get = (path: string): Driver => (fixture) => fixture.rest.call('GET', path);
const post = (path: string, body: unknown = {}): Driver => (fixture) => fixture.rest.call('POST', path, body);

async function onInstance(fixture: Fixture, method: string, suffix: string, body?: unknown): Promise<Answer> {
  return fixture.rest.call(method, `/v2/process-instances/${await fixture.instance()}${suffix}`, body);
}

async function onJob(fixture: Fixture, method: string, suffix: string, body: unknown): Promise<Answer> {
  return fixture.rest.call(method, `/v2/jobs/${text(await fixture.job(), 'jobKey')}${suffix}`, body);
}

async function onUserTask(fixture: Fixture, method: string, suffix: string, body?: unknown): Promise<Answer> {
  return fixture.rest.call(method, `/v2/user-tasks/${text(await fixture.userTask(), 'userTaskKey')}${suffix}`, body);
}

async function onDefinition(fixture: Fixture, suffix: string, method = 'GET', body?: unknown): Promise<Answer> {
  return fixture.rest.call(method, `/v2/process-definitions/${await fixture.definitionKey()}${suffix}`, body);
}

async function onIncident(fixture: Fixture, method: string, suffix: string, body?: unknown): Promise<Answer> {
  return fixture.rest.call(method, `/v2/incidents/${text(await fixture.incident(), 'incidentKey')}${suffix}`, body);
}

async function withWaits(fixture: Fixture, then: () => Promise<Answer>): Promise<Answer> {
  await fixture.instance('compat-waits', { orderId: 'o-waits' });
  return then();
}

/** Drivers by 8.8 operationId. */
export const drivers: Readonly<Record<string, Driver>> = {
  getTopology: get('/v2/topology'),
  getLicense: get('/v2/license'),
  getStatus: get('/v2/status'),
  createDeployment: (fixture) => fixture.deploy(),
  getProcessDefinition: (fixture) => onDefinition(fixture, ''),
  getProcessDefinitionXml: (fixture) => onDefinition(fixture, '/xml'),
  getResource: async (fixture) => fixture.rest.call('GET', `/v2/resources/${await fixture.definitionKey()}`),
  getResourceContent: async (fixture) => fixture.rest.call('GET', `/v2/resources/${await fixture.definitionKey()}/content`),
  deleteResource: async (fixture) => fixture.rest.call('POST', `/v2/resources/${await fixture.throwaway()}/deletion`, {}),
  getStartProcessForm: (fixture) => onDefinition(fixture, '/form'),
  getProcessDefinitionStatistics: (fixture) => onDefinition(fixture, '/statistics/element-instances', 'POST', {}),
  searchDecisionDefinitions: async (fixture) => (await fixture.deployed(), fixture.rest.call('POST', '/v2/decision-definitions/search', { filter: { decisionDefinitionId: 'compat-discount' } })),
  getDecisionDefinition: async (fixture) => fixture.rest.call('GET', `/v2/decision-definitions/${await fixture.decisionKey()}`),
  getDecisionDefinitionXml: async (fixture) => fixture.rest.call('GET', `/v2/decision-definitions/${await fixture.decisionKey()}/xml`),
  evaluateDecision: async (fixture) => (await fixture.deployed(), fixture.rest.call('POST', '/v2/decision-definitions/evaluation', { decisionDefinitionId: 'compat-discount', variables: { amount: 150 } })),
  searchDecisionRequirements: async (fixture) => (await fixture.deployed(), fixture.rest.call('POST', '/v2/decision-requirements/search', {})),
  getDecisionRequirements: async (fixture) => fixture.rest.call('GET', `/v2/decision-requirements/${await fixture.decisionRequirementsKey()}`),
  getDecisionRequirementsXml: async (fixture) => fixture.rest.call('GET', `/v2/decision-requirements/${await fixture.decisionRequirementsKey()}/xml`),
  searchDecisionInstances: async (fixture) => fixture.rest.call('POST', '/v2/decision-instances/search', { filter: { processInstanceKey: text(await fixture.decisionInstance(), 'processInstanceKey') } }),
  getDecisionInstance: async (fixture) => fixture.rest.call('GET', `/v2/decision-instances/${text(await fixture.decisionInstance(), 'decisionEvaluationInstanceKey')}`),
  searchProcessDefinitions: async (fixture) => (await fixture.deployed(), fixture.rest.call('POST', '/v2/process-definitions/search', {})),
  createProcessInstance: async (fixture) => (await fixture.deployed(), fixture.rest.call('POST', '/v2/process-instances', { processDefinitionId: 'compat-work', variables: { orderId: 'o-1' } })),
  searchProcessInstances: async (fixture) => (await fixture.instance(), fixture.rest.call('POST', '/v2/process-instances/search', { filter: { processDefinitionId: 'compat-work' } })),
  getProcessInstance: (fixture) => onInstance(fixture, 'GET', ''),
  getProcessInstanceCallHierarchy: (fixture) => onInstance(fixture, 'GET', '/call-hierarchy'),
  getProcessInstanceSequenceFlows: (fixture) => onInstance(fixture, 'GET', '/sequence-flows'),
  getProcessInstanceStatistics: (fixture) => onInstance(fixture, 'GET', '/statistics/element-instances'),
  searchProcessInstanceIncidents: async (fixture) => fixture.rest.call('POST', `/v2/process-instances/${text(await fixture.incident(), 'processInstanceKey')}/incidents/search`, {}),
  cancelProcessInstance: (fixture) => onInstance(fixture, 'POST', '/cancellation', {}),
  // A second version of compat-work (a renamed job element), and an instance of the first moved to it.
  migrateProcessInstance: async (fixture) => {
    const processInstanceKey = await fixture.instance();
    const v1 = await fixture.rest.ok('GET', `/v2/process-instances/${processInstanceKey}`);
    const xml = await (await fetch(`${fixture.rest.url}/v2/process-definitions/${text(v1, 'processDefinitionKey')}/xml`, { headers: fixture.rest.headers })).text();
    const renamed = xml.replace('id="work"', 'id="work-v2"').replace('sourceRef="work"', 'sourceRef="work-v2"').replace('targetRef="work"', 'targetRef="work-v2"');
    const deployed = (await (await fetch(`${fixture.rest.url}/v2/deployments`, { method: 'POST', headers: { ...fixture.rest.headers, 'content-type': 'application/xml' }, body: renamed })).json()) as { deployments?: { processDefinition?: Item }[] };
    const targetProcessDefinitionKey = text(deployed.deployments?.find((d) => d.processDefinition?.['processDefinitionId'] === 'compat-work')?.processDefinition, 'processDefinitionKey');
    return fixture.rest.call('POST', `/v2/process-instances/${processInstanceKey}/migration`, { targetProcessDefinitionKey, mappingInstructions: [{ sourceElementId: 'work', targetElementId: 'work-v2' }] });
  },
  // Moves the token from the job to the user task: activate `approve`, terminate `work`.
  modifyProcessInstance: async (fixture) => {
    const processInstanceKey = await fixture.instance();
    const work = await fixture.rest.first('/v2/element-instances/search', { processInstanceKey, elementId: 'work' });
    return fixture.rest.call('POST', `/v2/process-instances/${processInstanceKey}/modification`, {
      activateInstructions: [{ elementId: 'approve', variableInstructions: [{ variables: { moved: true } }] }],
      terminateInstructions: [{ elementInstanceKey: text(work, 'elementInstanceKey') }],
    });
  },
  activateJobs: async (fixture) => (await fixture.instance(), fixture.rest.call('POST', '/v2/jobs/activation', { type: 'compat-work', maxJobsToActivate: 1, timeout: 60_000, worker: 'compat-bodies' })),
  completeJob: (fixture) => onJob(fixture, 'POST', '/completion', { variables: { done: true } }),
  failJob: (fixture) => onJob(fixture, 'POST', '/failure', { retries: 1, errorMessage: 'compat' }),
  throwJobError: (fixture) => onJob(fixture, 'POST', '/error', { errorCode: 'compat-error', errorMessage: 'compat' }),
  updateJob: (fixture) => onJob(fixture, 'PATCH', '', { changeset: { retries: 5 } }),
  searchJobs: async (fixture) => fixture.rest.call('POST', '/v2/jobs/search', { filter: { processInstanceKey: text(await fixture.job(), 'processInstanceKey') } }),
  searchElementInstances: async (fixture) => fixture.rest.call('POST', '/v2/element-instances/search', { filter: { processInstanceKey: await fixture.instance() } }),
  getElementInstance: async (fixture) => fixture.rest.call('GET', `/v2/element-instances/${text(await fixture.elementInstance(), 'elementInstanceKey')}`),
  createElementInstanceVariables: async (fixture) => fixture.rest.call('PUT', `/v2/element-instances/${text(await fixture.elementInstance(), 'elementInstanceKey')}/variables`, { variables: { extra: 1 } }),
  searchVariables: async (fixture) => fixture.rest.call('POST', '/v2/variables/search', { filter: { processInstanceKey: await fixture.instance() } }),
  getVariable: async (fixture) => fixture.rest.call('GET', `/v2/variables/${text(await fixture.variable(), 'variableKey')}`),
  searchUserTasks: async (fixture) => fixture.rest.call('POST', '/v2/user-tasks/search', { filter: { processInstanceKey: text(await fixture.userTask(), 'processInstanceKey') } }),
  getUserTask: (fixture) => onUserTask(fixture, 'GET', ''),
  updateUserTask: (fixture) => onUserTask(fixture, 'PATCH', '', { changeset: { priority: 60 } }),
  assignUserTask: (fixture) => onUserTask(fixture, 'POST', '/assignment', { assignee: 'demo' }),
  unassignUserTask: (fixture) => onUserTask(fixture, 'DELETE', '/assignee'),
  completeUserTask: (fixture) => onUserTask(fixture, 'POST', '/completion', { variables: { approved: true } }),
  getUserTaskForm: (fixture) => onUserTask(fixture, 'GET', '/form'),
  searchUserTaskVariables: (fixture) => onUserTask(fixture, 'POST', '/variables/search', {}),
  searchIncidents: async (fixture) => fixture.rest.call('POST', '/v2/incidents/search', { filter: { processInstanceKey: text(await fixture.incident(), 'processInstanceKey') } }),
  getIncident: (fixture) => onIncident(fixture, 'GET', ''),
  resolveIncident: (fixture) => onIncident(fixture, 'POST', '/resolution', {}),
  publishMessage: (fixture) => withWaits(fixture, () => fixture.rest.call('POST', '/v2/messages/publication', { name: 'compat-published', correlationKey: 'o-waits', timeToLive: 0, variables: {} })),
  correlateMessage: (fixture) => withWaits(fixture, () => fixture.rest.call('POST', '/v2/messages/correlation', { name: 'compat-correlated', correlationKey: 'o-waits', variables: {} })),
  searchMessageSubscriptions: (fixture) => withWaits(fixture, () => fixture.rest.call('POST', '/v2/message-subscriptions/search', {})),
  broadcastSignal: (fixture) => withWaits(fixture, () => fixture.rest.call('POST', '/v2/signals/broadcast', { signalName: 'compat-signal', variables: {} })),
  pinClock: put('/v2/clock', { timestamp: Date.UTC(2030, 0, 1) }),
  resetClock: post('/v2/clock/reset'),
};

function put(path: string, body: unknown): Driver {
  return (fixture) => fixture.rest.call('PUT', path, body);
}

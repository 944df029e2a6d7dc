import type { FastifyInstance } from 'fastify';
import type { InstanceFilter, InstanceView, Variables } from '../engine-api.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses, keyParams, millisSchema, noContent, searchResult, tenantIdSchema, variablesSchema } from '../schemas.js';
import { waitFor } from '../wait-for.js';
import { abortOnClose } from './abort-on-close.js';

/** Wait for completion this long when the request names no `requestTimeout` (as Camunda). */
const defaultAwaitMs = 10_000;

interface CreateBody {
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionVersion?: number;
  variables: Variables;
  awaitCompletion: boolean;
  requestTimeout?: number;
  fetchVariables?: string[];
}

const createBody = {
  type: 'object',
  anyOf: [{ required: ['processDefinitionId'] }, { required: ['processDefinitionKey'] }],
  properties: {
    processDefinitionId: { type: 'string', minLength: 1, description: 'The BPMN process id; starts its latest version.' },
    processDefinitionKey: { type: 'string', minLength: 1 },
    processDefinitionVersion: { type: 'integer', minimum: 1, description: 'With processDefinitionId: this version.' },
    variables: { ...variablesSchema, default: {} },
    awaitCompletion: { type: 'boolean', default: false },
    requestTimeout: { ...millisSchema, description: 'With awaitCompletion: how long to wait (ms); 0 means 10 s.' },
    fetchVariables: { type: 'array', items: { type: 'string' }, description: 'With awaitCompletion: only these variables in the answer (all when absent or empty).' },
    tenantId: tenantIdSchema,
    operationReference: { type: 'integer', minimum: 1, description: 'A reference the caller chooses; accepted as Camunda does, not stored.' },
  },
} as const;

const waitingSchema = {
  type: 'object',
  properties: {
    elementId: { type: 'string' },
    elementInstanceKey: { type: 'string' },
    kind: { type: 'string', enum: ['job', 'userTask', 'timer', 'message', 'signal'] },
    jobKey: { type: 'string' },
    jobType: { type: 'string' },
    userTaskKey: { type: 'string' },
    timerKey: { type: 'string' },
    dueDate: { type: 'string' },
    messageName: { type: 'string' },
    signalName: { type: 'string' },
  },
} as const;

/** What the GET answer and the search items share. */
const summaryProperties = {
  processInstanceKey: { type: 'string' },
  processDefinitionId: { type: 'string' },
  processDefinitionKey: { type: 'string' },
  processDefinitionVersion: { type: 'integer' },
  state: { type: 'string', enum: ['ACTIVE', 'COMPLETED', 'TERMINATED'] },
  hasIncident: { type: 'boolean' },
  startDate: { type: 'string' },
  endDate: { type: 'string' },
  parentProcessInstanceKey: { type: 'string' },
} as const;

const instanceSchema = {
  type: 'object',
  properties: {
    ...summaryProperties,
    variables: variablesSchema,
    waiting: { type: 'array', items: waitingSchema },
    incidents: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

/** An instance as the search lists it: the GET answer without variables, waits and incidents. */
const summarySchema = { type: 'object', properties: summaryProperties } as const;

interface SearchBody {
  filter?: InstanceFilter;
  page?: { from: number; limit: number };
}

const searchBody = {
  type: ['object', 'null'],
  properties: {
    filter: {
      type: 'object',
      properties: {
        processDefinitionId: { type: 'string', minLength: 1, description: 'The BPMN process id.' },
        state: { type: 'string', enum: ['ACTIVE', 'COMPLETED', 'TERMINATED'] },
        parentProcessInstanceKey: { type: 'string', minLength: 1, description: 'Only the instances this one called.' },
      },
    },
    page: {
      type: 'object',
      properties: { from: { type: 'integer', minimum: 0, default: 0 }, limit: { type: 'integer', minimum: 1, default: 100 } },
    },
  },
} as const;

const createdSchema = {
  type: 'object',
  properties: {
    processInstanceKey: { type: 'string' },
    processDefinitionId: { type: 'string' },
    processDefinitionKey: { type: 'string' },
    processDefinitionVersion: { type: 'integer' },
    state: { type: 'string', description: 'With awaitCompletion: the state reached (ACTIVE when the wait timed out).' },
    hasIncident: { type: 'boolean' },
    variables: variablesSchema,
  },
} as const;

const instanceParams = keyParams('processInstanceKey');

/** An instance is done waiting for when it ended or is stuck on an incident. */
const isSettled = (view: InstanceView): boolean => view.state !== 'ACTIVE' || view.hasIncident;

/** POST /v2/process-instances, POST .../search, GET .../{processInstanceKey}, .../history, POST .../cancellation. */
export function registerProcessInstanceRoutes(app: FastifyInstance, { engine, closing }: RouteContext): void {
  app.post<{ Body: CreateBody }>(
    '/v2/process-instances',
    {
      config: { command: 'CreateInstance', access: 'start' },
      schema: {
        tags: ['process instances'],
        summary: 'Start a process instance',
        body: createBody,
        response: { 200: createdSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const started = await engine.startInstance({
        ...(body.processDefinitionId === undefined ? {} : { processDefinitionId: body.processDefinitionId }),
        ...(body.processDefinitionKey === undefined ? {} : { processDefinitionKey: body.processDefinitionKey }),
        ...(body.processDefinitionVersion === undefined ? {} : { version: body.processDefinitionVersion }),
        variables: body.variables,
      });
      request.log.info({ processInstanceKey: started.processInstanceKey, processDefinitionKey: started.processDefinitionKey }, 'instance started');
      if (!body.awaitCompletion) return started;
      const key = started.processInstanceKey;
      const probe = async (): Promise<InstanceView | undefined> => {
        const view = await engine.getInstance(key);
        return isSettled(view) ? view : undefined;
      };
      const timeoutMs = body.requestTimeout || defaultAwaitMs;
      const view = (await waitFor(probe, { timeoutMs, onChange: (l) => engine.onChange(l), signal: abortOnClose(reply, closing) })) ??
        (await engine.getInstance(key));
      const wanted = body.fetchVariables ?? [];
      const variables = wanted.length === 0 ? view.variables : Object.fromEntries(Object.entries(view.variables).filter(([name]) => wanted.includes(name)));
      return { ...started, state: view.state, hasIncident: view.hasIncident, variables };
    },
  );

  app.post<{ Body: SearchBody | null }>(
    '/v2/process-instances/search',
    {
      config: { access: 'read' },
      schema: {
        tags: ['process instances'],
        summary: 'Search instances by process, state or parent instance, oldest first',
        body: searchBody,
        response: { 200: searchResult(summarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { from = 0, limit = 100 } = request.body?.page ?? {};
      const found = await engine.searchInstances(request.body?.filter ?? {}, { from, limit });
      return { items: found.items, page: { totalItems: found.totalItems } };
    },
  );

  app.get<{ Params: { processInstanceKey: string } }>(
    '/v2/process-instances/:processInstanceKey',
    {
      config: { access: 'read' },
      schema: {
        tags: ['process instances'],
        summary: 'Get an instance: state, incidents, variables and what it waits on',
        params: instanceParams,
        response: { 200: instanceSchema, ...errorResponses },
      },
    },
    async (request) => engine.getInstance(request.params.processInstanceKey),
  );

  app.get<{ Params: { processInstanceKey: string } }>(
    '/v2/process-instances/:processInstanceKey/history',
    {
      config: { access: 'read' },
      schema: {
        tags: ['process instances'],
        summary: 'The events of an instance, in order',
        params: instanceParams,
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', additionalProperties: true } } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await engine.getHistory(request.params.processInstanceKey) }),
  );

  app.post<{ Params: { processInstanceKey: string } }>(
    '/v2/process-instances/:processInstanceKey/cancellation',
    {
      config: { command: 'CancelInstance', access: 'cancel' },
      schema: {
        tags: ['process instances'],
        summary: 'Cancel an instance',
        params: instanceParams,
        body: { type: ['object', 'null'], properties: { operationReference: { type: 'integer' } } },
        response: { ...noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await engine.cancelInstance(request.params.processInstanceKey);
      return reply.code(204).send();
    },
  );
}

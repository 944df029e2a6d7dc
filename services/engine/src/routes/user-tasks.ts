import type { FastifyInstance } from 'fastify';
import { visibleTasks } from '../auth/access.js';
import type { UserTaskFilter, Variables } from '../engine-api.js';
import { checkTaskForm } from '../forms/task-form.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses, keyParams, noContent, searchResult, toSearchResult, variablesSchema } from '../schemas.js';

const userTaskSchema = {
  type: 'object',
  properties: {
    userTaskKey: { type: 'string' },
    name: { type: 'string' },
    state: { type: 'string', enum: ['CREATED', 'COMPLETED', 'CANCELED'] },
    assignee: { type: 'string' },
    candidateUsers: { type: 'array', items: { type: 'string' } },
    candidateGroups: { type: 'array', items: { type: 'string' } },
    elementId: { type: 'string' },
    elementInstanceKey: { type: 'string' },
    processInstanceKey: { type: 'string' },
    processDefinitionId: { type: 'string' },
    processDefinitionKey: { type: 'string' },
    creationDate: { type: 'string' },
    dueDate: { type: 'string' },
    followUpDate: { type: 'string' },
    formKey: { type: 'string' },
    priority: { type: 'integer' },
    lane: { type: 'string', description: 'The lane the task sits in; a lane maps to a group.' },
  },
} as const;

const filterSchema = {
  type: 'object',
  properties: {
    assignee: { type: 'string' },
    candidateGroup: { type: 'string' },
    candidateUser: { type: 'string' },
    state: { type: 'string', enum: ['CREATED', 'COMPLETED', 'CANCELED'] },
    processInstanceKey: { type: 'string' },
    elementId: { type: 'string' },
    processDefinitionId: { type: 'string' },
  },
} as const;

const pageSchema = {
  type: 'object',
  properties: { from: { type: 'integer', minimum: 0, default: 0 }, limit: { type: 'integer', minimum: 1, default: 100 } },
} as const;

const taskParams = keyParams('userTaskKey');
const tags = ['user tasks'];
const response = { ...noContent, ...errorResponses };

function registerSearch(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: { filter?: UserTaskFilter; page?: { from: number; limit: number } } | null }>(
    '/v2/user-tasks/search',
    {
      config: { access: 'task-search' },
      schema: {
        tags,
        summary: 'Search user tasks by assignee, candidate group or user, state, process instance',
        body: { type: ['object', 'null'], properties: { filter: filterSchema, page: pageSchema } },
        response: { 200: searchResult(userTaskSchema), ...errorResponses },
      },
    },
    async (request) => {
      const all = visibleTasks(request.principal, await engine.searchUserTasks(request.body?.filter ?? {}));
      const { from = 0, limit = 100 } = request.body?.page ?? {};
      return { ...toSearchResult(all.slice(from, from + limit)), page: { totalItems: all.length } };
    },
  );
}

/** POST /v2/user-tasks/search, .../{userTaskKey}/assignment, DELETE .../assignee, POST .../completion. */
export function registerUserTaskRoutes(app: FastifyInstance, context: RouteContext): void {
  const { engine } = context;
  registerSearch(app, context);
  app.post<{ Params: { userTaskKey: string }; Body: { assignee: string } }>(
    '/v2/user-tasks/:userTaskKey/assignment',
    {
      config: { command: 'AssignUserTask', access: 'task-claim' },
      schema: {
        tags,
        summary: 'Claim a user task for an assignee',
        params: taskParams,
        body: { type: 'object', required: ['assignee'], properties: { assignee: { type: 'string', minLength: 1 } } },
        response,
      },
    },
    async (request, reply) => {
      await engine.assignUserTask(request.params.userTaskKey, request.body.assignee);
      return reply.code(204).send();
    },
  );
  app.delete<{ Params: { userTaskKey: string } }>(
    '/v2/user-tasks/:userTaskKey/assignee',
    {
      config: { command: 'UnassignUserTask', access: 'task-unclaim' },
      schema: { tags, summary: 'Unclaim a user task', params: taskParams, response },
    },
    async (request, reply) => {
      await engine.assignUserTask(request.params.userTaskKey, undefined);
      return reply.code(204).send();
    },
  );
  app.post<{ Params: { userTaskKey: string }; Body: { variables?: Variables } | null }>(
    '/v2/user-tasks/:userTaskKey/completion',
    {
      config: { command: 'CompleteUserTask', access: 'task-complete' },
      schema: {
        tags,
        summary: 'Complete a user task with variables',
        params: taskParams,
        body: { type: ['object', 'null'], properties: { variables: variablesSchema, action: { type: 'string' } } },
        response,
      },
    },
    async (request, reply) => {
      const variables = request.body?.variables ?? {};
      await checkTaskForm(engine, request.params.userTaskKey, variables);
      await engine.completeUserTask(request.params.userTaskKey, variables);
      return reply.code(204).send();
    },
  );
}

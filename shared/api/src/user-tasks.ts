import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, EnumFilter, Key, Literals, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId, Variables, keyParams } from './common.js';
import { operation } from './operation.js';
import { VariableSearchQueryResult } from './variables.js';

/**
 * The user-task family of Camunda 8.8's REST v2 (`/v2/user-tasks/...`): search, get,
 * update (dates, candidates, priority), assign, unassign, complete, form and the
 * variables a task sees. Shapes as in 8.8's `rest-api.yaml`, plus Baton's `lane`.
 * Baton keeps open tasks only: a search for another state finds none, and a task
 * that ended is not found.
 */

/** ISO 8601 date-time, as 8.8's answers carry dates. */
const DateTime = Type.String({ format: 'date-time' });

/** 8.8's task states; Baton's open tasks are `CREATED`. */
export const UserTaskState = Literals(['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'COMPLETED', 'CANCELING', 'CANCELED', 'FAILED']);
export type UserTaskState = Static<typeof UserTaskState>;

/** A task's priority: 0 to 100, higher first; 50 when the model sets none (as Camunda). */
const Priority = Type.Integer({ minimum: 0, maximum: 100 });

export const UserTaskResult = Type.Object({
  userTaskKey: Key,
  name: Type.Optional(Type.String()),
  state: UserTaskState,
  assignee: Type.Optional(Type.String()),
  elementId: Type.String(),
  elementInstanceKey: Key,
  candidateGroups: Type.Array(Type.String()),
  candidateUsers: Type.Array(Type.String()),
  processDefinitionId: Type.String({ description: 'The BPMN process id.' }),
  processDefinitionKey: Key,
  processDefinitionVersion: Type.Integer(),
  processName: Type.Optional(Type.String()),
  processInstanceKey: Key,
  creationDate: DateTime,
  completionDate: Type.Optional(DateTime),
  dueDate: Type.Optional(DateTime),
  followUpDate: Type.Optional(DateTime),
  priority: Priority,
  tenantId: TenantId,
  externalFormReference: Type.Optional(Type.String({ description: 'The model\'s form reference when the form is neither embedded nor a deployed form.' })),
  formKey: Type.Optional(Key),
  customHeaders: Type.Record(Type.String(), Type.String()),
  lane: Type.Optional(Type.String({ description: 'Baton: the lane the task sits in; a lane maps to a group when the model names no candidates.' })),
});
export type UserTaskResult = Static<typeof UserTaskResult>;

/** An integer filter: the value, or `{ $eq }`. */
const IntegerFilter = Type.Union([Type.Integer(), Type.Object({ $eq: Type.Integer() }, { additionalProperties: false })]);

export const UserTaskFilter = Type.Object(
  {
    userTaskKey: Type.Optional(Key),
    state: Type.Optional(EnumFilter(UserTaskState)),
    assignee: Type.Optional(BasicStringFilter),
    candidateGroup: Type.Optional(BasicStringFilter),
    candidateUser: Type.Optional(BasicStringFilter),
    priority: Type.Optional(IntegerFilter),
    elementId: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    tenantId: Type.Optional(BasicStringFilter),
    processDefinitionId: Type.Optional(Type.String()),
    processDefinitionKey: Type.Optional(Key),
    processInstanceKey: Type.Optional(Key),
    elementInstanceKey: Type.Optional(Key),
  },
  { additionalProperties: false, description: 'Every given filter must match. Baton filters by equality (a value or `{ $eq }`).' },
);
export type UserTaskFilter = Static<typeof UserTaskFilter>;

export const userTaskSortFields = ['creationDate', 'completionDate', 'followUpDate', 'dueDate', 'priority', 'name'] as const;
export type UserTaskSortField = (typeof userTaskSortFields)[number];
export const UserTaskSearchQuery = SearchQueryRequest(UserTaskFilter, SearchQuerySort(userTaskSortFields));
export type UserTaskSearchQuery = Static<typeof UserTaskSearchQuery>;

export const UserTaskSearchQueryResult = SearchQueryResult(UserTaskResult);
export type UserTaskSearchQueryResult = Static<typeof UserTaskSearchQueryResult>;

/** 8.8 sends `null` for "not given" in request bodies; each nullable field takes it. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

export const UserTaskChangeset = Type.Object(
  {
    dueDate: Nullable(DateTime),
    followUpDate: Nullable(DateTime),
    candidateUsers: Nullable(Type.Array(Type.String())),
    candidateGroups: Nullable(Type.Array(Type.String())),
    priority: Nullable(Priority),
  },
  { additionalProperties: false, description: 'The attributes to change; a value replaces the task\'s, `null` clears it.' },
);
export type UserTaskChangeset = Static<typeof UserTaskChangeset>;

export const UserTaskUpdateRequest = Type.Object(
  {
    changeset: Nullable(UserTaskChangeset),
    action: Nullable(Type.String({ description: 'Accepted for Camunda clients (a custom action for task listeners); Baton records none.' })),
  },
  { additionalProperties: false },
);
export type UserTaskUpdateRequest = Static<typeof UserTaskUpdateRequest>;

export const UserTaskAssignmentRequest = Type.Object(
  {
    assignee: Type.String({ minLength: 1, description: 'Who takes the task.' }),
    allowOverride: Nullable(Type.Boolean({ description: 'False: refused (409) when someone else holds the task. Default true.' })),
    action: Nullable(Type.String({ description: 'Accepted for Camunda clients; Baton records none.' })),
  },
  { additionalProperties: false },
);
export type UserTaskAssignmentRequest = Static<typeof UserTaskAssignmentRequest>;

/** The body may be absent: a completion with no variables. */
export const UserTaskCompletionRequest = Type.Union([
  Type.Object(
    {
      variables: Nullable(Variables),
      action: Nullable(Type.String({ description: 'Accepted for Camunda clients; Baton records none.' })),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);
export type UserTaskCompletionRequest = Static<typeof UserTaskCompletionRequest>;

/** Where a task's form comes from: a form-js form of the model or deployed, its `camunda:formField`s, or generated from its variables. */
export const UserTaskFormSource = Literals(['form', 'formFields', 'variables']);

export const UserTaskFormResult = Type.Object({
  formKey: Type.Optional(Key),
  tenantId: TenantId,
  formId: Type.String({ description: 'The form-js form\'s `id`.' }),
  version: Type.Integer({ description: 'The form\'s version; 1 for a form of the model.' }),
  schema: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: 'The form-js schema (an object, as 8.8\'s `FormResult` and its client have it).' }),
  source: Type.Optional(UserTaskFormSource),
  variables: Type.Optional(Type.Unsafe<Record<string, unknown>>({ ...Variables, description: 'Baton: the variables the task sees, to fill the form with.' })),
});
export type UserTaskFormResult = Static<typeof UserTaskFormResult>;

export const UserTaskVariableFilter = Type.Object({ name: Type.Optional(BasicStringFilter) }, { additionalProperties: false });
export const userTaskVariableSortFields = ['name', 'value', 'tenantId', 'variableKey', 'scopeKey', 'processInstanceKey'] as const;
export const UserTaskVariableSearchQuery = SearchQueryRequest(UserTaskVariableFilter, SearchQuerySort(userTaskVariableSortFields));
export type UserTaskVariableSearchQuery = Static<typeof UserTaskVariableSearchQuery>;

const tags = ['user tasks'];
const userTaskKeyParams = keyParams('userTaskKey');

/** The user-task operations, each with its path, schemas and summary; routes and `/openapi.json` take them from here. */
export const userTaskOperations = {
  searchUserTasks: operation({ method: 'POST', path: '/v2/user-tasks/search', tags, summary: 'Search open user tasks the caller may see', body: UserTaskSearchQuery, response: UserTaskSearchQueryResult }),
  getUserTask: operation({ method: 'GET', path: '/v2/user-tasks/:userTaskKey', tags, summary: 'Get an open user task', params: userTaskKeyParams, response: UserTaskResult }),
  updateUserTask: operation({ method: 'PATCH', path: '/v2/user-tasks/:userTaskKey', tags, summary: 'Change a user task\'s due and follow-up dates, candidates or priority', params: userTaskKeyParams, body: UserTaskUpdateRequest }),
  assignUserTask: operation({ method: 'POST', path: '/v2/user-tasks/:userTaskKey/assignment', tags, summary: 'Assign a user task', params: userTaskKeyParams, body: UserTaskAssignmentRequest }),
  unassignUserTask: operation({ method: 'DELETE', path: '/v2/user-tasks/:userTaskKey/assignee', tags, summary: 'Unassign a user task', params: userTaskKeyParams }),
  completeUserTask: operation({ method: 'POST', path: '/v2/user-tasks/:userTaskKey/completion', tags, summary: 'Complete a user task with variables (checked against its form)', params: userTaskKeyParams, body: UserTaskCompletionRequest }),
  getUserTaskForm: operation({
    method: 'GET',
    path: '/v2/user-tasks/:userTaskKey/form',
    tags,
    summary: 'A user task\'s form-js form: the model\'s, a deployed one, one from its camunda:formFields, or generated from its variables',
    params: userTaskKeyParams,
    response: UserTaskFormResult,
  }),
  searchUserTaskVariables: operation({
    method: 'POST',
    path: '/v2/user-tasks/:userTaskKey/variables/search',
    tags,
    summary: 'The variables a user task sees (its scope and those around it), innermost first',
    params: userTaskKeyParams,
    body: UserTaskVariableSearchQuery,
    response: VariableSearchQueryResult,
  }),
} as const;

import { defaultTenantId, filterValue } from '@baton/api';
import type { UserTaskFilter, UserTaskResult, UserTaskSearchQuery, UserTaskSearchQueryResult, UserTaskVariableSearchQuery, VariableSearchQueryResult, VariableSearchResult } from '@baton/api';
import { instanceKeyOf, isNumericKey, type InstanceState } from '@baton/core';
import { BatonError, isBatonError } from '@baton/errors';
import type { ProcessDefinition } from '@baton/model';
import { scopeChainVariables, type Engine, type IndexedUserTask, type UserTaskQuery, type VersionedState } from '@baton/runtime';
import type { ElementInstancesApi } from './element-instances-api.js';
import { everyItem, searchPage, searchWindow } from './search-page.js';
import type { UserTaskForm, UserTasksApi } from './user-tasks-api.js';

/** The variable search a task's variables come from (the variables facade). */
type VariablesRead = Pick<ElementInstancesApi, 'searchVariables'>;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** Camunda's priority of a task whose model sets none. */
const defaultPriority = 50;

const notOpen = (userTaskKey: string): BatonError =>
  new BatonError('NOT_FOUND', `Expected an open user task "${userTaskKey}" but found none; it may already be completed or cancelled. Search user tasks for open ones.`, { userTaskKey });

/** An open task and, for a numeric key, the instance state it was read from. */
interface OpenTask {
  readonly task: IndexedUserTask;
  readonly loaded?: VersionedState;
}

/**
 * The open task with that key: one read of its instance, which the numeric key names
 * (issue 13), so a command can decide on the same state (issue 18: a completion costs a
 * read and a commit). A key of another form is looked up in the store's index.
 */
async function openTask(engine: Engine, userTaskKey: string): Promise<OpenTask> {
  if (!isNumericKey(userTaskKey)) {
    const wait = await engine.findWait(userTaskKey);
    if (wait?.kind !== 'userTask') throw notOpen(userTaskKey);
    return { task: wait };
  }
  const loaded = await engine.getInstance(instanceKeyOf(userTaskKey) ?? userTaskKey).catch((error: unknown) => {
    if (isBatonError(error) && error.code === 'INSTANCE_NOT_FOUND') return undefined;
    throw error;
  });
  const wait = loaded?.state.waits[userTaskKey];
  if (loaded === undefined || wait?.kind !== 'userTask') throw notOpen(userTaskKey);
  const { instanceId, processId, definitionKey, parent } = loaded.state;
  return { task: { ...wait, instanceId, processId, definitionKey, rootInstanceId: parent?.rootInstanceId ?? instanceId }, loaded };
}

/** The command's request for the task: its instance, and the state it was read from. */
const keyedOn = ({ task, loaded }: OpenTask) => ({ instanceId: task.instanceId, ...(loaded === undefined ? {} : { known: loaded }) });

/** The model's form reference when Baton serves no form for it (neither embedded, deployed, nor form fields): Camunda's external form. */
function externalReferenceOf(definition: ProcessDefinition, elementId: string): string | undefined {
  const element = definition.elements[elementId];
  if (element?.type !== 'userTask') return undefined;
  const { formKey, formId, formJson, formFields } = element.userTask;
  return formId === undefined && formJson === undefined && formFields.length === 0 ? formKey : undefined;
}

/** An open task in 8.8's `UserTaskResult` shape, with Baton's `lane`. */
function toResult(task: IndexedUserTask, definition: ProcessDefinition): UserTaskResult {
  const lane = definition.elements[task.elementId]?.properties['bpmn:lane'];
  const externalFormReference = externalReferenceOf(definition, task.elementId);
  return {
    userTaskKey: task.userTaskKey,
    ...(task.name === undefined ? {} : { name: task.name }),
    state: 'CREATED',
    ...(task.assignee === undefined ? {} : { assignee: task.assignee }),
    elementId: task.elementId,
    elementInstanceKey: task.elementInstanceId,
    candidateGroups: [...task.candidateGroups],
    candidateUsers: [...task.candidateUsers],
    processDefinitionId: task.processId,
    processDefinitionKey: task.definitionKey,
    processDefinitionVersion: definition.version,
    ...(definition.name === undefined ? {} : { processName: definition.name }),
    processInstanceKey: task.instanceId,
    creationDate: iso(task.createdAt),
    ...(task.dueDate === undefined ? {} : { dueDate: task.dueDate }),
    ...(task.followUpDate === undefined ? {} : { followUpDate: task.followUpDate }),
    priority: task.priority ?? defaultPriority,
    tenantId: defaultTenantId,
    ...(externalFormReference === undefined ? {} : { externalFormReference }),
    customHeaders: {},
    ...(lane === undefined ? {} : { lane }),
  };
}

/** The store query of a filter, or undefined when no open task can match (another state or tenant). */
function toQuery(filter: UserTaskFilter): Omit<UserTaskQuery, 'offset' | 'limit'> | undefined {
  const state = filterValue(filter.state);
  const tenantId = filterValue(filter.tenantId);
  if ((state !== undefined && state !== 'CREATED') || (tenantId !== undefined && tenantId !== defaultTenantId)) return undefined;
  const assignee = filterValue(filter.assignee);
  const candidateGroup = filterValue(filter.candidateGroup);
  const candidateUser = filterValue(filter.candidateUser);
  return {
    ...(assignee === undefined ? {} : { assignee }),
    ...(candidateGroup === undefined ? {} : { candidateGroup }),
    ...(candidateUser === undefined ? {} : { candidateUser }),
    ...(filter.processInstanceKey === undefined ? {} : { instanceId: filter.processInstanceKey }),
    ...(filter.elementId === undefined ? {} : { elementId: filter.elementId }),
    ...(filter.processDefinitionId === undefined ? {} : { processId: filter.processDefinitionId }),
  };
}

/** The filters the store does not apply, checked on the answer's items. */
function matchesRest(filter: UserTaskFilter, task: UserTaskResult): boolean {
  const priority = typeof filter.priority === 'object' ? filter.priority.$eq : filter.priority;
  return (
    (filter.userTaskKey === undefined || task.userTaskKey === filter.userTaskKey) &&
    (filter.name === undefined || task.name === filter.name) &&
    (priority === undefined || task.priority === priority) &&
    (filter.processDefinitionKey === undefined || task.processDefinitionKey === filter.processDefinitionKey) &&
    (filter.elementInstanceKey === undefined || task.elementInstanceKey === filter.elementInstanceKey)
  );
}

type Sortable = string | number | undefined;

/**
 * `items` in the order of `sort` (each field ascending unless `DESC`; an item without
 * the field last), else as they came (creation order). Stable.
 */
export function sortedBy<T, Field extends string>(items: readonly T[], sort: readonly { readonly field: Field; readonly order?: string }[] | undefined, valueOf: (item: T, field: Field) => Sortable): T[] {
  const keys = sort ?? [];
  const compare = (a: T, b: T): number => {
    for (const { field, order } of keys) {
      const [x, y] = [valueOf(a, field), valueOf(b, field)];
      if (x === y) continue;
      if (x === undefined || y === undefined) return x === undefined ? 1 : -1;
      const direction = order?.toUpperCase() === 'DESC' ? -1 : 1;
      return (x < y ? -1 : 1) * direction;
    }
    return 0;
  };
  return [...items].sort(compare);
}

async function searchUserTasks(engine: Engine, request: UserTaskSearchQuery, isVisible: (task: UserTaskResult) => boolean): Promise<UserTaskSearchQueryResult> {
  const window = searchWindow(request.page);
  const filter = request.filter ?? {};
  const query = toQuery(filter);
  if (query === undefined) return searchPage([], 0, window.offset);
  const tasks = filter.userTaskKey === undefined ? await everyItem((page) => engine.searchUserTasks({ ...query, ...page })) : await engine.findWait(filter.userTaskKey).then((w) => (w?.kind === 'userTask' ? [w] : []));
  const definitions = new Map<string, Promise<ProcessDefinition>>();
  const definitionOf = (key: string): Promise<ProcessDefinition> => {
    const known = definitions.get(key) ?? engine.getDefinition(key);
    definitions.set(key, known);
    return known;
  };
  const results = await Promise.all(tasks.map(async (task) => toResult(task, await definitionOf(task.definitionKey))));
  // A task found by its key passes the store's filters only here.
  const storeFiltered = filter.userTaskKey === undefined ? results : results.filter((task) => matchesStoreFilters(filter, task));
  const found = sortedBy(storeFiltered.filter((task) => matchesRest(filter, task) && isVisible(task)), request.sort, (task, field) => task[field]);
  return searchPage(found.slice(window.offset, window.offset + window.limit), found.length, window.offset);
}

/** The store's filters on one task (for a search by `userTaskKey`, which reads the task directly). */
function matchesStoreFilters(filter: UserTaskFilter, task: UserTaskResult): boolean {
  const assignee = filterValue(filter.assignee);
  const group = filterValue(filter.candidateGroup);
  const user = filterValue(filter.candidateUser);
  return (
    (assignee === undefined || task.assignee === assignee) &&
    (group === undefined || task.candidateGroups.includes(group)) &&
    (user === undefined || task.candidateUsers.includes(user)) &&
    (filter.processInstanceKey === undefined || task.processInstanceKey === filter.processInstanceKey) &&
    (filter.elementId === undefined || task.elementId === filter.elementId) &&
    (filter.processDefinitionId === undefined || task.processDefinitionId === filter.processDefinitionId)
  );
}

/** The scopes a task sees, innermost first: its element instance, those around it, then the process (`root`). */
function scopeChain(state: InstanceState, elementInstanceId: string): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = elementInstanceId; id !== undefined && !chain.includes(id); ) {
    chain.push(id);
    id = state.elementInstances[id]?.parentElementInstanceId;
  }
  return [...chain, 'root'];
}

/** The variables a task sees, one per name (the innermost scope's), innermost scope first. */
async function visibleVariables(variables: VariablesRead, state: InstanceState, elementInstanceId: string): Promise<VariableSearchResult[]> {
  const chain = scopeChain(state, elementInstanceId).map((scope) => (scope === 'root' ? state.instanceId : scope));
  const { items } = await variables.searchVariables({ filter: { processInstanceKey: state.instanceId }, page: { limit: 10_000 } });
  const innermost = new Map<string, VariableSearchResult>();
  for (const item of items) {
    const depth = chain.indexOf(item.scopeKey);
    const known = innermost.get(item.name);
    if (depth >= 0 && (known === undefined || depth < chain.indexOf(known.scopeKey))) innermost.set(item.name, item);
  }
  return [...innermost.values()].sort((a, b) => chain.indexOf(a.scopeKey) - chain.indexOf(b.scopeKey));
}

async function searchTaskVariables(engine: Engine, variables: VariablesRead, userTaskKey: string, request: UserTaskVariableSearchQuery): Promise<VariableSearchQueryResult> {
  const { task, loaded } = await openTask(engine, userTaskKey);
  const { state } = loaded ?? (await engine.getInstance(task.instanceId));
  const name = filterValue(request.filter?.name);
  const found = sortedBy(
    (await visibleVariables(variables, state, task.elementInstanceId)).filter((item) => name === undefined || item.name === name),
    request.sort,
    (item, field) => item[field],
  );
  const window = searchWindow(request.page);
  return searchPage(found.slice(window.offset, window.offset + window.limit), found.length, window.offset);
}

/**
 * The user-task operations of the HTTP facade on `@baton/runtime`'s Engine, in the
 * contract's shapes (`@baton/api`). `readable` bounds variables for reading; a task's
 * variables are those `variables` finds in the scopes the task sees.
 */
export function runtimeUserTasksApi(engine: Engine, readable: <T>(value: T) => T, variables: VariablesRead): UserTasksApi {
  /** The task's form and the variables it sees, from the state the task was read from (read again only for a key of another form). */
  async function formOf({ task: wait, loaded }: OpenTask): Promise<UserTaskForm> {
    const element = (await engine.getDefinition(wait.definitionKey)).elements[wait.elementId];
    const task = element?.type === 'userTask' ? element.userTask : undefined;
    const { state } = loaded ?? (await engine.getInstance(wait.instanceId));
    const linked = task?.formJson === undefined && task?.formKey !== undefined ? await engine.getForm(task.formId ?? task.formKey) : undefined;
    const formJson = task?.formJson ?? linked?.json;
    return {
      userTaskKey: wait.userTaskKey,
      ...(linked === undefined ? {} : { formKey: linked.formKey }),
      ...(formJson === undefined ? {} : { formJson }),
      formFields: task?.formFields ?? [],
      variables: readable(scopeChainVariables(state, wait.elementInstanceId)),
    };
  }
  return {
    searchUserTasks: (query, isVisible = () => true) => searchUserTasks(engine, query, isVisible),
    async getUserTask(userTaskKey) {
      const { task } = await openTask(engine, userTaskKey);
      return toResult(task, await engine.getDefinition(task.definitionKey));
    },
    // Each command first finds the open task (NOT_FOUND, as Camunda, for an unknown key) and decides on the state that read.
    async updateUserTask(userTaskKey, changeset) {
      await engine.updateUserTask({ userTaskKey, ...keyedOn(await openTask(engine, userTaskKey)), changes: changeset });
    },
    async assignUserTask(userTaskKey, { assignee, allowOverride }) {
      const open = await openTask(engine, userTaskKey);
      await engine.assignUserTask({ userTaskKey, ...keyedOn(open), assignee, ...(allowOverride === undefined || allowOverride === null ? {} : { allowOverride }) });
    },
    async unassignUserTask(userTaskKey) {
      await engine.assignUserTask({ userTaskKey, ...keyedOn(await openTask(engine, userTaskKey)) });
    },
    async completeUserTask(userTaskKey, variables, check, completedBy) {
      const open = await openTask(engine, userTaskKey);
      if (check !== undefined) check(await formOf(open));
      await engine.completeUserTask({ userTaskKey, ...keyedOn(open), variables, ...(completedBy === undefined ? {} : { completedBy }) });
    },
    getUserTaskForm: async (userTaskKey) => formOf(await openTask(engine, userTaskKey)),
    searchUserTaskVariables: (userTaskKey, query) => searchTaskVariables(engine, variables, userTaskKey, query),
  };
}

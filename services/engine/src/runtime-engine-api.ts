import { randomUUID } from 'node:crypto';
import type { UserTaskWait } from '@baton/core';
import { BatonError } from '@baton/errors';
import type { Engine, IndexedUserTask, MessageBus } from '@baton/runtime';
import { boundedForReading, defaultVariableLimits, scopeChainVariables } from '@baton/runtime';
import type * as Api from './engine-api.js';
import { runtimeIncidentsApi } from './runtime-incidents-api.js';
import { runtimeInstancesApi } from './runtime-instances-api.js';
import { runtimeMessagesApi } from './runtime-messages-api.js';
import { everyItem } from './search-page.js';
import { runtimeElementInstancesApi } from './runtime-element-instances-api.js';
import { runtimeJobsApi } from './runtime-jobs-api.js';
import { runtimeVariablesApi } from './runtime-variables-api.js';

const iso = (epochMs: number): string => new Date(epochMs).toISOString();
/** The `id` of a deployed form's JSON (the runtime checked it on deploy). */
function formIdOf(json: string): string {
  return String((JSON.parse(json) as { id?: unknown }).id);
}

/** `order:3` → 3; the runtime's definition keys are `${processId}:${version}`. */
function versionOf(definitionKey: string): number {
  return Number(definitionKey.slice(definitionKey.lastIndexOf(':') + 1));
}

function toUserTask(task: IndexedUserTask & UserTaskWait, lane: string | undefined): Api.UserTaskView {
  const optional = {
    ...(task.name === undefined ? {} : { name: task.name }),
    ...(task.assignee === undefined ? {} : { assignee: task.assignee }),
    ...(task.dueDate === undefined ? {} : { dueDate: task.dueDate }),
    ...(task.followUpDate === undefined ? {} : { followUpDate: task.followUpDate }),
    ...(task.formKey === undefined ? {} : { formKey: task.formKey }),
    ...(task.priority === undefined ? {} : { priority: task.priority }),
    ...(lane === undefined ? {} : { lane }),
  };
  return {
    userTaskKey: task.userTaskKey,
    state: 'CREATED',
    candidateUsers: task.candidateUsers,
    candidateGroups: task.candidateGroups,
    elementId: task.elementId,
    elementInstanceKey: task.elementInstanceId,
    processInstanceKey: task.instanceId,
    processDefinitionId: task.processId,
    processDefinitionKey: task.definitionKey,
    creationDate: iso(task.createdAt),
    ...optional,
  };
}

/** Options of {@link createRuntimeEngineApi}. */
export interface RuntimeEngineApiOptions {
  readonly engine: Engine;
  /** The bus the engine publishes committed events on; change notifications come from it. */
  readonly bus: MessageBus;
  /** The engine's `cluster` option (bus subject prefix `baton.<cluster>`). Default `default`. */
  readonly cluster?: string;
  /**
   * Reads show variables this deep in full; deeper values (stored before the door checked
   * depth, issue 12) read as a marker, so a read never overflows the stack. Default the
   * engine's default `maxDepth`; give the node's `variableLimits.maxDepth`.
   */
  readonly readableDepth?: number;
}

/** Levels an answer wraps around variables (a history entry's event, a job inside it). */
const envelopeDepth = 8;

/**
 * Adapts `@baton/runtime`'s Engine to the routes' {@link Api.EngineApi}: Camunda names
 * (`processInstanceKey` for instanceId, `processDefinitionId` for processId), ISO dates,
 * and change notifications from the engine's event subjects on the bus.
 * `close()` stops the subscription and the engine (not the adapters it runs on).
 */
export async function createRuntimeEngineApi(options: RuntimeEngineApiOptions): Promise<Api.EngineApi> {
  const { engine, bus } = options;
  const readableDepth = options.readableDepth ?? defaultVariableLimits.maxDepth;
  const readable = <T>(value: T, envelope = 0): T => boundedForReading(value, readableDepth + envelope);
  const listeners = new Set<() => void>();
  const subscription = await bus.subscribe(`baton.${options.cluster ?? 'default'}.events.>`, () => {
    for (const listener of listeners) listener();
  });
  const laneOf = async (task: IndexedUserTask): Promise<string | undefined> =>
    (await engine.getDefinition(task.definitionKey)).elements[task.elementId]?.properties['bpmn:lane'];
  const withLane = async (task: IndexedUserTask): Promise<Api.UserTaskView> => toUserTask(task, await laneOf(task));
  const definitionOf = async (key: string): Promise<{ processId: string; version: number }> => {
    const definition = await engine.getDefinition(key);
    return { processId: definition.processId, version: definition.version };
  };

  return {
    async deploy(resources, { allowNonExecutable }) {
      const deployed = await engine.deploy(resources, { allowNonExecutable });
      const processes = deployed.map((p) => ({
        processDefinitionId: p.processId,
        version: p.version,
        processDefinitionKey: p.definitionKey,
        resourceName: p.resourceName,
      }));
      const forms = resources.filter((r) => r.name.toLowerCase().endsWith('.form')).map((r) => ({ formId: formIdOf(r.xml), resourceName: r.name }));
      return { deploymentKey: randomUUID(), processes, forms };
    },
    async listDefinitions() {
      const all = await engine.listDefinitions();
      return all.map((d) => ({
        processDefinitionId: d.processId,
        version: d.version,
        processDefinitionKey: d.definitionKey,
        resourceName: d.resourceName,
        ...(d.name === undefined ? {} : { name: d.name }),
      }));
    },
    getDefinitionXml: (key) => engine.getDefinitionXml({ definitionKey: key }),
    async startInstance(request) {
      const target =
        request.processDefinitionKey === undefined
          ? { processId: request.processDefinitionId ?? '', ...(request.version === undefined ? {} : { version: request.version }) }
          : await definitionOf(request.processDefinitionKey);
      const result = await engine.startInstance({ ...target, variables: request.variables });
      return {
        processInstanceKey: result.instanceId,
        processDefinitionId: result.state.processId,
        processDefinitionKey: result.state.definitionKey,
        processDefinitionVersion: versionOf(result.state.definitionKey),
      };
    },
    async getHistory(key) {
      await engine.getInstance(key);
      const entries = await everyItem((page) => engine.getHistory(key, page));
      return entries.map((entry) => readable({ ...entry.event, position: entry.position, time: iso(entry.at), commandId: entry.commandId }, envelopeDepth));
    },
    async cancelInstance(key) {
      await engine.cancelInstance(key);
    },
    ...runtimeMessagesApi(engine),
    ...runtimeIncidentsApi(engine),
    ...runtimeJobsApi(engine, readable),
    ...runtimeElementInstancesApi(engine),
    ...runtimeVariablesApi(engine, readable),
    ...runtimeInstancesApi(engine, readable),
    async searchUserTasks(filter) {
      if (filter.state !== undefined && filter.state !== 'CREATED') return [];
      const query = {
        ...(filter.assignee === undefined ? {} : { assignee: filter.assignee }),
        ...(filter.candidateGroup === undefined ? {} : { candidateGroup: filter.candidateGroup }),
        ...(filter.candidateUser === undefined ? {} : { candidateUser: filter.candidateUser }),
        ...(filter.processInstanceKey === undefined ? {} : { instanceId: filter.processInstanceKey }),
        ...(filter.elementId === undefined ? {} : { elementId: filter.elementId }),
        ...(filter.processDefinitionId === undefined ? {} : { processId: filter.processDefinitionId }),
      };
      const tasks = await everyItem((page) => engine.searchUserTasks({ ...query, ...page }));
      return Promise.all(tasks.map(withLane));
    },
    async getUserTask(userTaskKey) {
      const wait = await engine.findWait(userTaskKey);
      if (wait?.kind !== 'userTask') {
        throw new BatonError('NOT_FOUND', `Expected an open user task "${userTaskKey}" but found none; it may already be completed.`, { userTaskKey });
      }
      return withLane(wait);
    },
    async getUserTaskForm(userTaskKey) {
      const wait = await engine.findWait(userTaskKey);
      if (wait?.kind !== 'userTask') {
        throw new BatonError('NOT_FOUND', `Expected an open user task "${userTaskKey}" but found none; it may already be completed.`, { userTaskKey });
      }
      const element = (await engine.getDefinition(wait.definitionKey)).elements[wait.elementId];
      const task = element?.type === 'userTask' ? element.userTask : undefined;
      const { state } = await engine.getInstance(wait.instanceId);
      const linked = task?.formJson === undefined && task?.formKey !== undefined ? await engine.getForm(task.formId ?? task.formKey) : undefined;
      const formJson = task?.formJson ?? linked?.json;
      return {
        userTaskKey,
        ...(task?.formKey === undefined ? {} : { formKey: task.formKey }),
        ...(formJson === undefined ? {} : { formJson }),
        formFields: task?.formFields ?? [],
        variables: readable(scopeChainVariables(state, wait.elementInstanceId)),
      };
    },
    async assignUserTask(userTaskKey, assignee) {
      await engine.assignUserTask({ userTaskKey, ...(assignee === undefined ? {} : { assignee }) });
    },
    async completeUserTask(userTaskKey, variables) {
      await engine.completeUserTask({ userTaskKey, variables });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      listeners.clear();
      await subscription.unsubscribe();
      await engine.close();
    },
  };
}

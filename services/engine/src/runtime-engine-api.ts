import type { Engine, MessageBus } from '@baton/runtime';
import { boundedForReading, defaultVariableLimits } from '@baton/runtime';
import type * as Api from './engine-api.js';
import { runtimeDecisionsApi } from './runtime-decisions-api.js';
import { runtimeIncidentsApi } from './runtime-incidents-api.js';
import { runtimeDefinitionsApi } from './runtime-definitions-api.js';
import { runtimeInstancesApi } from './runtime-instances-api.js';
import { runtimeMessagesApi } from './runtime-messages-api.js';
import { everyItem } from './search-page.js';
import { runtimeElementInstancesApi } from './runtime-element-instances-api.js';
import { runtimeJobsApi } from './runtime-jobs-api.js';
import { runtimeUserTasksApi } from './runtime-user-tasks-api.js';
import { runtimeVariablesApi } from './runtime-variables-api.js';

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

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
  /** Listeners of one instance's changes: a commit wakes its own waiters only (issue 18), whatever else waits. */
  const instanceListeners = new Map<string, Set<() => void>>();
  const subscription = await bus.subscribe(`baton.${options.cluster ?? 'default'}.events.>`, (message) => {
    for (const listener of listeners) listener();
    const instanceId = (message.data as { readonly instanceId?: unknown } | undefined)?.instanceId;
    if (typeof instanceId !== 'string') return;
    for (const listener of instanceListeners.get(instanceId) ?? []) listener();
  });
  const definitionOf = async (key: string): Promise<{ processId: string; version: number }> => {
    const definition = await engine.getDefinition(key);
    return { processId: definition.processId, version: definition.version };
  };

  const instancesApi = runtimeInstancesApi(engine, readable);
  return {
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
        processDefinitionVersion: (await engine.getDefinition(result.state.definitionKey)).version,
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
    async migrateInstance(key, instruction) {
      await engine.migrateInstance({ instanceId: key, targetDefinitionKey: instruction.targetProcessDefinitionKey, mappings: instruction.mappingInstructions });
    },
    async modifyInstance(key, instruction) {
      const ancestorOf = (key?: string) => (key === undefined || key === '-1' ? {} : { ancestorElementInstanceId: key });
      await engine.modifyInstance({
        instanceId: key,
        activate: (instruction.activateInstructions ?? []).map((a) => ({
          elementId: a.elementId,
          ...ancestorOf(a.ancestorElementInstanceKey),
          variables: (a.variableInstructions ?? []).map((v) => ({ variables: v.variables, ...(v.scopeId === undefined || v.scopeId === '' ? {} : { scopeElementId: v.scopeId }) })),
        })),
        terminate: (instruction.terminateInstructions ?? []).map((t) => ({ elementInstanceId: t.elementInstanceKey })),
      });
    },
    ...runtimeMessagesApi(engine),
    ...runtimeIncidentsApi(engine),
    ...runtimeDecisionsApi(engine),
    ...runtimeJobsApi(engine, readable),
    ...runtimeElementInstancesApi(engine),
    ...runtimeVariablesApi(engine, readable),
    ...runtimeUserTasksApi(engine, readable, runtimeVariablesApi(engine, readable)),
    ...instancesApi,
    ...runtimeDefinitionsApi(engine, instancesApi),
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onInstanceChange(processInstanceKey, listener) {
      const forInstance = instanceListeners.get(processInstanceKey) ?? new Set<() => void>();
      instanceListeners.set(processInstanceKey, forInstance.add(listener));
      return () => {
        forInstance.delete(listener);
        if (forInstance.size === 0 && instanceListeners.get(processInstanceKey) === forInstance) instanceListeners.delete(processInstanceKey);
      };
    },
    async close() {
      listeners.clear();
      instanceListeners.clear();
      await subscription.unsubscribe();
      await engine.close();
    },
  };
}

import type { InstanceEvent } from '@baton/core';
import { systemClock, sleepOn } from '../clock/system-clock.js';
import { createCommandProcessor, type ExecuteResult } from '../command-processor.js';
import { DefinitionRegistry } from '../definition-registry.js';
import { createEffectDispatcher } from '../effect-dispatcher.js';
import { createIdSource, createKeySource } from '../ids.js';
import type { ConsumerHandle } from '../ports/job-queue.js';
import type { HistoryEntry, OutboxEntry, Page } from '../ports/store-records.js';
import { defaultDecide, defaultParse, defaultVisibleVariables } from './core-bindings.js';
import { DecisionStore } from './deployed-decisions.js';
import { Deployments } from './deployments.js';
import type { EngineContext } from './engine-context.js';
import type { Engine, EngineOptions } from './engine-types.js';
import { InstanceCommands } from './instance-commands.js';
import { Jobs } from './jobs.js';
import { Messaging } from './messaging.js';
import { startOutboxSweep } from './outbox-sweep.js';
import { createHistoryProjector } from '../history/history-projector.js';
import { Queries } from './queries.js';
import { createTimerHandler } from './timers.js';
import { logIncidents } from './incident-log.js';
import { checkVariables, defaultVariableLimits } from '../variable-limits.js';

/** Builds an engine node on the given adapters, and starts its workers, timers and outbox sweep. */
export function createEngine(options: EngineOptions): Engine {
  const { store, queue, bus, clock, nodeId } = options;
  const random = options.random ?? Math.random;
  const newId = options.newId ?? createIdSource(nodeId, random);
  const keys = options.keys ?? createKeySource((count) => store.reserveKeys(count));
  const onError = options.onError ?? (() => undefined);
  const parse = options.parse ?? defaultParse;
  const registry = new DefinitionRegistry(store, parse);
  const decisionStore = new DecisionStore(store, keys);
  const wallClock = systemClock();
  const eventSubject = `baton.${options.cluster ?? 'default'}.events`;
  // Wall time: the back-off must run while a test pins the engine's clock.
  const projector = options.history === undefined ? undefined : createHistoryProjector({ store, history: options.history, clock: wallClock, ...(options.logger === undefined ? {} : { logger: options.logger }) });
  const reads = options.history ?? store;

  const subjects = new Map<string, string>();
  const subjectOf = (processId: string): string => {
    let subject = subjects.get(processId);
    if (subject === undefined) subjects.set(processId, (subject = `${eventSubject}.${subjectToken(processId)}`));
    return subject;
  };
  const publishEvents = (result: ExecuteResult): void => {
    // `v`: the payload's format version, for bus clients that subscribe (services/engine/src/bus-api/README.md).
    const data = { v: 1, instanceId: result.instanceId, version: result.version, events: result.events };
    bus.publish(subjectOf(result.state.processId), data).catch((error: unknown) =>
      onError(error, { instanceId: result.instanceId, during: 'publishEvents' }),
    );
  };
  const processor = createCommandProcessor({
    store,
    clock,
    decide: options.decide ?? defaultDecide,
    keys,
    definitionOf: (key) => registry.get(key),
    decisionsOf: (definition, extraIds) => decisionStore.lookupFor(definition, extraIds),
    latestKeyOf: (processId, fresh) => registry.latestKey(processId, fresh),
    dispatch: (entry, fresh) => dispatch(entry, fresh),
    random,
    sleep: options.sleep ?? ((ms) => sleepOn(wallClock, ms)),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(projector === undefined ? {} : { projectHistory: (notes: readonly OutboxEntry[]) => projector.offer(notes) }),
    onDispatchError: (error, entry, isPermanent) => onError(error, { outboxId: entry.outboxId, instanceId: entry.instanceId, isPermanent }),
    afterCommit: async (result) => {
      if (options.logger !== undefined) logIncidents(options.logger, nodeId, result);
      await messaging.takeBuffered(result);
      if (options.publishEvents !== false && result.events.length > 0) publishEvents(result);
    },
  });
  const visibleVariables = options.visibleVariables ?? defaultVisibleVariables;
  const variableLimits = options.variableLimits ?? defaultVariableLimits;
  const ctx: EngineContext = { store, queue, clock, nodeId, registry, processor, newId, keys, visibleVariables, onError, variableLimits };
  /** The door every variables document passes (issue 12): checked before anything is read or stored. */
  const admitted = <R extends { readonly variables?: unknown }>(request: R): R => {
    if (request.variables !== undefined) checkVariables(request.variables, variableLimits, 'variables');
    return request;
  };
  const queries = new Queries(ctx);
  const commands = new InstanceCommands(ctx, queries);
  const messaging = new Messaging(ctx, commands.startAt);
  const jobs = new Jobs(ctx);
  const deployments = new Deployments(ctx, parse, decisionStore);
  const dispatch = createEffectDispatcher({
    queue,
    clock,
    execute: (request) => processor.execute(request),
    newCommandId: newId,
    latestDefinitionKey: async (processId) => (await registry.latest(processId)).definitionKey,
    broadcastSignal: (name, variables, excludeInstanceId) =>
      messaging.broadcast({ name, variables: { ...variables }, ...(excludeInstanceId === undefined ? {} : { excludeInstanceId }) }),
    load: (instanceId) => store.load(instanceId),
  });

  const handles: ConsumerHandle[] = [queue.consumeTimers(createTimerHandler(ctx, commands.startAt))];
  const workers = jobs.startWorkers(options.handlers ?? {});
  if (workers !== undefined) handles.push(workers);
  const sweep = startOutboxSweep(processor, clock, options.sweepIntervalMs ?? 5_000, onError);

  return {
    nodeId,
    clock,
    deploy: (resources, deployOptions) => deployments.deploy(resources, deployOptions?.allowNonExecutable ?? false),
    deleteDefinition: (definitionKey) => deployments.deleteDefinition(definitionKey),
    newKey: () => keys.next(),
    startInstance: async (request) => commands.start(admitted(request)),
    execute: (request) => processor.execute(request),
    completeJob: async (request) => jobs.complete(admitted(request)),
    failJob: async (request) => jobs.fail(admitted(request)),
    throwError: async (request) => jobs.throwError(admitted(request)),
    updateJob: (request) => jobs.update(request),
    activateJobs: (request) => jobs.activate(request),
    completeUserTask: async (request) => commands.completeUserTask(admitted(request)),
    assignUserTask: (request) => commands.assignUserTask(request),
    updateUserTask: (request) => commands.updateUserTask(request),
    publishMessage: async (request) => messaging.publish(admitted(request)),
    broadcastSignal: async (request) => messaging.broadcast(admitted(request)),
    cancelInstance: (instanceId) => commands.cancel(instanceId),
    resolveIncident: (request) => commands.resolveIncident(request),
    setVariables: async (request) => commands.setVariables(admitted(request)),
    modifyInstance: async (request) => {
      for (const activation of request.activate) for (const scoped of activation.variables ?? []) admitted(scoped);
      return commands.modify(request);
    },
    migrateInstance: (request) => commands.migrate(request),
    getInstance: (instanceId) => queries.getInstance(instanceId),
    // The store holds what `decide` emitted: the core's events unless a test swapped the core.
    getHistory: async (instanceId, page) => (await reads.readHistory(instanceId, page ?? {})) as Page<HistoryEntry<InstanceEvent>>,
    searchUserTasks: (query) => store.findUserTasks(query),
    searchJobs: (query) => store.findJobs(query),
    findWait: (key) => store.findWait(key),
    searchIncidents: (query) => store.findIncidents(query),
    searchInstances: (query) => reads.findInstances(query),
    instancesOfTree: (rootInstanceId) => queries.instancesOfTree(rootInstanceId),
    listDefinitions: (query) => store.listDeployments(query ?? {}),
    getDefinition: (definitionKey) => registry.get(definitionKey),
    getForm: (formId) => store.getForm(formId),
    evaluateDecision: async (request) => decisionStore.evaluate(request, admitted(request).variables ?? {}, clock.now()),
    listDecisionDefinitions: () => decisionStore.catalog.decisions(),
    listDecisionRequirements: () => decisionStore.catalog.allRequirements(),
    getDecisionRequirements: (decisionRequirementsKey) => decisionStore.catalog.requirements(decisionRequirementsKey),
    getDefinitionXml: (query) => queries.definitionXml(query),
    sweepOutbox: () => processor.sweepOutbox(),
    startWorkers: (more) => {
      const handle = jobs.startWorkers(more);
      if (handle !== undefined) handles.push(handle);
    },
    ...(projector === undefined ? {} : { history: { lag: () => projector.lag(), idle: () => projector.idle() } }),
    close: async () => {
      sweep.stop();
      await Promise.all(handles.map((h) => h.stop()));
      await projector?.close();
    },
  };
}

/** Bus subject tokens may not hold `.`, `*`, `>` or spaces. */
function subjectToken(text: string): string {
  return text.replace(/[.*>\s]/g, '_');
}

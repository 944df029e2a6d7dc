import type { InstanceEvent, Variables } from '@baton/core';
import { BatonError } from '@baton/errors';
import { systemClock, sleepOn } from '../clock/system-clock.js';
import { createCommandProcessor, type ExecuteResult } from '../command-processor.js';
import { DefinitionRegistry } from '../definition-registry.js';
import { createEffectDispatcher } from '../effect-dispatcher.js';
import { createIdSource } from '../ids.js';
import type { ConsumerHandle } from '../ports/job-queue.js';
import type { ScheduledCallback } from '../ports/clock.js';
import type { HistoryEntry, Page, StartEventTarget } from '../ports/store-records.js';
import { defaultDecide, defaultParse, defaultVisibleVariables } from './core-bindings.js';
import { Deployments } from './deployments.js';
import { instanceOfWait, stamp, type EngineContext } from './engine-context.js';
import type { Engine, EngineOptions, StartInstanceRequest } from './engine-types.js';
import { Jobs } from './jobs.js';
import { Messaging } from './messaging.js';
import { Queries } from './queries.js';
import { createTimerHandler } from './timers.js';

/** Builds an engine node on the given adapters, and starts its workers, timers and outbox sweep. */
export function createEngine(options: EngineOptions): Engine {
  const { store, queue, bus, clock, nodeId } = options;
  const random = options.random ?? Math.random;
  const newId = options.newId ?? createIdSource(nodeId, random);
  const onError = options.onError ?? (() => undefined);
  const registry = new DefinitionRegistry(store, options.parse ?? defaultParse);
  const wallClock = systemClock();
  const subjectPrefix = `baton.${options.cluster ?? 'default'}`;

  const processor = createCommandProcessor({
    store,
    clock,
    decide: options.decide ?? defaultDecide,
    definitionOf: (key) => registry.get(key),
    dispatch: (entry) => dispatch(entry),
    random,
    sleep: options.sleep ?? ((ms) => sleepOn(wallClock, ms)),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    onDispatchError: (error, entry, isPermanent) => onError(error, { outboxId: entry.outboxId, instanceId: entry.instanceId, isPermanent }),
    afterCommit: async (result) => {
      await messaging.takeBuffered(result);
      if (options.publishEvents !== false && result.events.length > 0) publishEvents(result);
    },
  });

  const ctx: EngineContext = {
    store,
    queue,
    clock,
    nodeId,
    registry,
    processor,
    newId,
    visibleVariables: options.visibleVariables ?? defaultVisibleVariables,
    onError,
  };

  async function startAt(target: StartEventTarget, variables: Variables, instanceId = newId()): Promise<ExecuteResult> {
    return processor.execute({
      instanceId,
      definitionKey: target.definitionKey,
      command: { type: 'CreateInstance', ...stamp(ctx), instanceId, variables, startElementId: target.elementId },
    });
  }

  const messaging = new Messaging(ctx, startAt);
  const jobs = new Jobs(ctx);
  const deployments = new Deployments(ctx, options.parse ?? defaultParse);
  const queries = new Queries(ctx);
  const dispatch = createEffectDispatcher({
    queue,
    clock,
    execute: (request) => processor.execute(request),
    newCommandId: newId,
    latestDefinitionKey: async (processId) => (await registry.latest(processId)).definitionKey,
    broadcastSignal: (name, variables) => messaging.broadcast({ name, variables: { ...variables } }),
  });

  function publishEvents(result: ExecuteResult): void {
    const subject = `${subjectPrefix}.events.${subjectToken(result.state.processId)}`;
    bus.publish(subject, { instanceId: result.instanceId, version: result.version, events: result.events }).catch((error: unknown) =>
      onError(error, { instanceId: result.instanceId, during: 'publishEvents' }),
    );
  }

  async function startInstance(request: StartInstanceRequest): Promise<ExecuteResult> {
    const record =
      request.version === undefined
        ? await registry.latest(request.processId)
        : await store.getDeployment(`${request.processId}:${request.version}`);
    if (record === undefined) {
      throw new BatonError('DEFINITION_NOT_FOUND', `No version ${request.version} of process "${request.processId}" is deployed.`, {
        processId: request.processId,
      });
    }
    const instanceId = request.instanceId ?? newId();
    return processor.execute({
      instanceId,
      definitionKey: record.definitionKey,
      command: {
        type: 'CreateInstance',
        ...stamp(ctx),
        instanceId,
        variables: request.variables ?? {},
        ...(request.startElementId === undefined ? {} : { startElementId: request.startElementId }),
      },
    });
  }

  const handles: ConsumerHandle[] = [queue.consumeTimers(createTimerHandler(ctx, startAt))];
  const workers = jobs.startWorkers(options.handlers ?? {});
  if (workers !== undefined) handles.push(workers);
  const sweep = startSweep();

  function startSweep(): { stop(): void } {
    const periodMs = options.sweepIntervalMs ?? 5_000;
    let next: ScheduledCallback | undefined;
    let isStopped = false;
    const run = async (): Promise<void> => {
      await processor.sweepOutbox({ minAgeMs: periodMs }).catch((error: unknown) => onError(error, { during: 'sweepOutbox' }));
      if (!isStopped) next = clock.schedule(clock.now() + periodMs, run);
    };
    // Entries younger than a period may be mid-dispatch on a live peer; the first sweep leaves them too.
    void processor.sweepOutbox({ minAgeMs: periodMs }).catch((error: unknown) => onError(error, { during: 'sweepOutbox' }));
    if (periodMs > 0) next = clock.schedule(clock.now() + periodMs, run);
    return {
      stop() {
        isStopped = true;
        next?.cancel();
      },
    };
  }

  return {
    nodeId,
    clock,
    deploy: (resources, deployOptions) => deployments.deploy(resources, deployOptions?.allowNonExecutable ?? false),
    startInstance,
    execute: (request) => processor.execute(request),
    completeJob: (request) => jobs.complete(request),
    failJob: (request) => jobs.fail(request),
    throwError: (request) => jobs.throwError(request),
    activateJobs: (request) => jobs.activate(request),
    completeUserTask: async (request) => {
      const instanceId = await instanceOfWait(ctx, request.userTaskKey, request.instanceId, 'user task');
      const command = { type: 'CompleteUserTask', ...stamp(ctx), userTaskKey: request.userTaskKey, variables: request.variables ?? {} } as const;
      return processor.execute({ instanceId, command });
    },
    assignUserTask: async (request) => {
      const instanceId = await instanceOfWait(ctx, request.userTaskKey, request.instanceId, 'user task');
      const { userTaskKey, assignee } = request;
      const command = { type: 'AssignUserTask', ...stamp(ctx), userTaskKey, ...(assignee === undefined ? {} : { assignee }) } as const;
      return processor.execute({ instanceId, command });
    },
    publishMessage: (request) => messaging.publish(request),
    broadcastSignal: (request) => messaging.broadcast(request),
    cancelInstance: (instanceId) => processor.execute({ instanceId, command: { type: 'CancelInstance', ...stamp(ctx) } }),
    resolveIncident: async (request) => {
      const instanceId = request.instanceId ?? (await queries.instanceOfIncident(request.incidentKey));
      const { incidentKey, retries } = request;
      const command = { type: 'ResolveIncident', ...stamp(ctx), incidentKey, ...(retries === undefined ? {} : { retries }) } as const;
      return processor.execute({ instanceId, command });
    },
    getInstance: (instanceId) => queries.getInstance(instanceId),
    // The store holds what `decide` emitted: the core's events unless a test swapped the core.
    getHistory: async (instanceId, page) => (await store.readHistory(instanceId, page ?? {})) as Page<HistoryEntry<InstanceEvent>>,
    searchUserTasks: (query) => store.findUserTasks(query),
    searchJobs: (query) => store.findJobs(query),
    searchIncidents: (query) => store.findIncidents(query),
    searchInstances: (query) => store.findInstances(query),
    instancesOfTree: (rootInstanceId) => queries.instancesOfTree(rootInstanceId),
    listDefinitions: (query) => store.listDeployments(query ?? {}),
    getDefinition: (definitionKey) => registry.get(definitionKey),
    getDefinitionXml: (query) => queries.definitionXml(query),
    sweepOutbox: () => processor.sweepOutbox(),
    close: async () => {
      sweep.stop();
      await Promise.all(handles.map((h) => h.stop()));
    },
  };
}

/** Bus subject tokens may not hold `.`, `*`, `>` or spaces. */
function subjectToken(text: string): string {
  return text.replace(/[.*>\s]/g, '_');
}

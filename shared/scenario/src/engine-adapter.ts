import type { InstanceState } from '@baton/core';
import { BatonError } from '@baton/errors';
import { evaluateExpression } from '@baton/feel';
import type { ProcessDefinition } from '@baton/model';
import type { DeployedProcess, Engine } from '@baton/runtime';
import type { DeployedFile, ScenarioEngine, Started } from './scenario-engine.js';
import type { BpmnSource } from './types.js';

/** A clock the runner can move: the runtime's `VirtualClock` fits. */
export interface MovableClock {
  now(): number;
  advanceTo(at: number): Promise<void>;
}

export interface EngineAdapterOptions {
  readonly engine: Engine;
  readonly clock: MovableClock;
  /** Where one instance waits, by the spec's rules (the core's `waitingElementIds`). */
  readonly waitingElementIds: (state: InstanceState) => readonly string[];
  /**
   * Failures the engine reported through its `onError` since the last call (a
   * dispatch or timer that failed behind the caller's back); each fails the step.
   */
  readonly takeErrors?: () => readonly unknown[];
}

/** The scenario runner's view of a runtime `Engine` on a virtual clock. */
export function adaptEngine(options: EngineAdapterOptions): ScenarioEngine {
  return surfaceErrors(baseAdapter(options), options.takeErrors);
}

function baseAdapter({ engine, clock, waitingElementIds }: EngineAdapterOptions): ScenarioEngine {
  const deployedKeys = new Map<string, string>();
  return {
    async deploy(sources) {
      // As `baton validate` without flags: a file's non-executable pools are skipped, a file with none executable is refused.
      const deployed = await engine.deploy(sources.map((s) => ({ name: s.path, xml: s.xml })));
      for (const p of deployed) deployedKeys.set(p.processId, p.definitionKey);
      return describeFiles(engine, sources, deployed);
    },
    async startInstance(processId, { variables, messageName }) {
      const startElementId = messageName === undefined ? undefined : await messageStartOf(engine, deployedKeys.get(processId), processId, messageName);
      const result = await engine.startInstance({ processId, variables, ...(startElementId === undefined ? {} : { startElementId }) });
      return result.instanceId;
    },
    async completeJob(jobKey, variables) {
      await engine.completeJob({ jobKey, variables });
    },
    async failJob(jobKey, retries, errorMessage) {
      await engine.failJob({ jobKey, retries, errorMessage });
    },
    async throwError(jobKey, errorCode, errorMessage, variables) {
      await engine.throwError({ jobKey, errorCode, variables, ...(errorMessage === undefined ? {} : { errorMessage }) });
    },
    async completeUserTask(userTaskKey, variables) {
      await engine.completeUserTask({ userTaskKey, variables });
    },
    async publishMessage(message) {
      const { startedInstanceIds } = await engine.publishMessage(message);
      return { startedInstanceIds };
    },
    async broadcastSignal(name, variables) {
      const { startedInstanceIds } = await engine.broadcastSignal({ name, variables });
      return { startedInstanceIds };
    },
    now: () => clock.now(),
    async advanceTo(at) {
      const before = new Set(await rootInstanceIds(engine));
      await clock.advanceTo(at);
      return { startedInstanceIds: (await rootInstanceIds(engine)).filter((id) => !before.has(id)) } satisfies Started;
    },
    async cancelInstance(instanceId) {
      await engine.cancelInstance(instanceId);
    },
    async setVariables(instanceId, variables) {
      await engine.setVariables({ instanceId, variables, local: true });
    },
    async tree(rootInstanceId) {
      const members = await engine.instancesOfTree(rootInstanceId);
      const ids = [rootInstanceId, ...members.map((m) => m.instanceId).filter((id) => id !== rootInstanceId)];
      return Promise.all(ids.map(async (id) => (await engine.getInstance(id)).state));
    },
    waitingElementIds,
    async completedElementIds(instanceId) {
      const completed: string[] = [];
      for (let offset: number | undefined = 0; offset !== undefined; ) {
        const page = await engine.getHistory(instanceId, { offset, limit: 1000 });
        for (const { event } of page.items) if (event.type === 'ElementCompleted') completed.push(event.elementId);
        offset = page.nextOffset;
      }
      return completed;
    },
  };
}

const actionMethods = [
  'deploy',
  'startInstance',
  'completeJob',
  'failJob',
  'throwError',
  'completeUserTask',
  'publishMessage',
  'broadcastSignal',
  'advanceTo',
  'cancelInstance',
  'setVariables',
] as const;

/** Makes an action fail when the engine reported a failure while doing it, instead of passing silently. */
function surfaceErrors(inner: ScenarioEngine, takeErrors: (() => readonly unknown[]) | undefined): ScenarioEngine {
  if (takeErrors === undefined) return inner;
  const wrapped: ScenarioEngine = { ...inner };
  for (const name of actionMethods) {
    const method = inner[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      takeErrors();
      const result = await method(...args);
      const errors = takeErrors();
      if (errors.length > 0) {
        throw new Error(`the engine reported ${errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')}`);
      }
      return result;
    };
  }
  return wrapped;
}

/** Each source with the processes deployed from it (by resource name) and whether each is executable. */
async function describeFiles(engine: Engine, sources: readonly BpmnSource[], deployed: readonly DeployedProcess[]): Promise<DeployedFile[]> {
  return Promise.all(
    sources.map(async (source) => ({
      path: source.path,
      processes: await Promise.all(
        deployed
          .filter((p) => p.resourceName === source.path)
          .map(async (p) => ({ processId: p.processId, isExecutable: (await engine.getDefinition(p.definitionKey)).isExecutable })),
      ),
    })),
  );
}

/** The message start event of `processId` for `messageName`; throws NOT_FOUND naming the ones it has. */
async function messageStartOf(engine: Engine, definitionKey: string | undefined, processId: string, messageName: string): Promise<string> {
  if (definitionKey === undefined) throw new BatonError('DEFINITION_NOT_FOUND', `process "${processId}" is not deployed`, { processId });
  const definition = await engine.getDefinition(definitionKey);
  const starts = messageStarts(definition);
  const found = starts.find((s) => s.messageName === messageName);
  if (found !== undefined) return found.elementId;
  throw new BatonError(
    'NOT_FOUND',
    `process "${processId}" has no message start event for message "${messageName}"; it has [${starts.map((s) => s.messageName).join(', ')}]`,
    { processId },
  );
}

function messageStarts(definition: ProcessDefinition): { elementId: string; messageName: string }[] {
  const starts: { elementId: string; messageName: string }[] = [];
  for (const elementId of definition.startEventIds) {
    const element = definition.elements[elementId];
    if (element?.type !== 'startEvent' || element.event?.type !== 'message') continue;
    const name = evaluateExpression(element.event.messageName, {});
    if (name.ok && typeof name.value === 'string') starts.push({ elementId, messageName: name.value });
  }
  return starts;
}

/** Instances started from outside (no parent), to learn which ones a timer start event created. */
async function rootInstanceIds(engine: Engine): Promise<string[]> {
  const ids: string[] = [];
  for (let offset: number | undefined = 0; offset !== undefined; ) {
    const page = await engine.searchInstances({ offset, limit: 1000 });
    for (const summary of page.items) if (summary.parentInstanceId === undefined) ids.push(summary.instanceId);
    offset = page.nextOffset;
  }
  return ids;
}

import { createInMemoryEngine, VirtualClock, type InMemoryEngine } from '@baton/memory';
import type { ProcessDefinition } from '@baton/model';

/**
 * Drives a Baton instance the way bpmn-js-token-simulation runs a model: trigger a
 * start event, then let every token move on. The simulator completes tasks as soon
 * as they are reached, so every job and user task is completed as it appears.
 * Timers and messages are not fired unless the plan says so (the simulator waits
 * there too until its test triggers them).
 */
export interface DrivePlan {
  /** Start events to trigger, in order; each starts a new instance of its process. */
  readonly starts: readonly string[];
  /** Catch events to trigger after the starts, in order: a signal is broadcast, a message published, the clock moved to a timer. */
  readonly triggers: readonly string[];
  /** Message flows `sourceId -> targetId`: when the source completes and the target is a start event, an instance starts there. */
  readonly messageFlows: readonly { readonly sourceId: string; readonly targetId: string }[];
}

export interface DriveResult {
  /** Flow nodes Baton completed, over every instance, in history order. */
  readonly completed: readonly string[];
  /** Sequence flows Baton took, over every instance, in history order. */
  readonly flowsTaken: readonly string[];
  /** Failures the engine reported behind the caller's back (must be none). */
  readonly errors: readonly string[];
}

const maxRounds = 100;

export async function driveBaton(xml: string, processes: readonly ProcessDefinition[], plan: DrivePlan): Promise<DriveResult> {
  const errors: string[] = [];
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const engine = createInMemoryEngine({
    clock,
    nodeId: 'token-simulation',
    publishEvents: false,
    sweepIntervalMs: 0,
    onError: (error, context) => errors.push(`${error instanceof Error ? error.message : String(error)} ${JSON.stringify(context)}`),
  });
  try {
    await engine.deploy([{ name: 'model.bpmn', xml }], { allowNonExecutable: true });
    const startedFor = new Set<string>();
    for (const startId of plan.starts) {
      await startAt(engine, processes, startId);
      await settle(engine, processes, plan, startedFor);
    }
    for (const elementId of plan.triggers) {
      await trigger(engine, clock, processes, elementId);
      await settle(engine, processes, plan, startedFor);
    }
    return { ...(await recorded(engine, processes)), errors };
  } finally {
    await engine.close();
  }
}

async function startAt(engine: InMemoryEngine, processes: readonly ProcessDefinition[], startId: string): Promise<void> {
  const process = processes.find((p) => p.elements[startId] !== undefined);
  if (process === undefined) throw new Error(`no process holds start event ${startId}`);
  await engine.startInstance({ processId: process.processId, startElementId: startId });
}

/** Fires the event a waiting catch event (or boundary event) waits for. */
async function trigger(engine: InMemoryEngine, clock: VirtualClock, processes: readonly ProcessDefinition[], elementId: string): Promise<void> {
  for (const summary of await allInstances(engine)) {
    const { state } = await engine.getInstance(summary.instanceId);
    const wait = Object.values(state.waits).find((w) => w.elementId === elementId);
    if (wait === undefined) continue;
    if (wait.kind === 'signal') await engine.broadcastSignal({ name: wait.signalName });
    else if (wait.kind === 'message') await engine.publishMessage({ name: wait.messageName, ...(wait.correlationKey === undefined ? {} : { correlationKey: wait.correlationKey }) });
    else if (wait.kind === 'timer') await clock.advanceTo(wait.dueAt);
    else throw new Error(`${elementId} waits for a ${wait.kind}, not an event`);
    return;
  }
  throw new Error(`nothing waits at ${elementId} in ${processes.map((p) => p.processId).join(', ')}`);
}

/** Completes jobs and user tasks, and follows message flows into start events, until nothing moves. */
async function settle(engine: InMemoryEngine, processes: readonly ProcessDefinition[], plan: DrivePlan, startedFor: Set<string>): Promise<void> {
  for (let round = 0; round < maxRounds; round += 1) {
    let moved = false;
    for (const summary of await allInstances(engine)) {
      const { state } = await engine.getInstance(summary.instanceId);
      for (const wait of Object.values(state.waits)) {
        if (wait.kind === 'job') await engine.completeJob({ jobKey: wait.jobKey, instanceId: state.instanceId });
        else if (wait.kind === 'userTask') await engine.completeUserTask({ userTaskKey: wait.userTaskKey, instanceId: state.instanceId });
        else continue;
        moved = true;
      }
    }
    moved = (await followMessageFlows(engine, processes, plan, startedFor)) || moved;
    if (!moved) return;
  }
  throw new Error(`the model still moves after ${maxRounds} rounds of completing work`);
}

async function followMessageFlows(engine: InMemoryEngine, processes: readonly ProcessDefinition[], plan: DrivePlan, startedFor: Set<string>): Promise<boolean> {
  let moved = false;
  for (const summary of await allInstances(engine)) {
    for (const entry of await history(engine, summary.instanceId)) {
      if (entry.event.type !== 'ElementCompleted') continue;
      const completion = `${summary.instanceId}/${entry.event.elementInstanceId}`;
      if (startedFor.has(completion)) continue;
      startedFor.add(completion);
      for (const flow of plan.messageFlows) {
        if (flow.sourceId !== entry.event.elementId || !isStartEvent(processes, flow.targetId)) continue;
        await startAt(engine, processes, flow.targetId);
        moved = true;
      }
    }
  }
  return moved;
}

function isStartEvent(processes: readonly ProcessDefinition[], elementId: string): boolean {
  return processes.some((p) => p.elements[elementId]?.type === 'startEvent');
}

async function allInstances(engine: InMemoryEngine) {
  const page = await engine.searchInstances({ limit: 1000 });
  return page.items;
}

async function history(engine: InMemoryEngine, instanceId: string) {
  const entries = [];
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const page = await engine.getHistory(instanceId, { offset, limit: 500 });
    entries.push(...page.items);
    offset = page.nextOffset;
  }
  return entries;
}

async function recorded(engine: InMemoryEngine, processes: readonly ProcessDefinition[]): Promise<Pick<DriveResult, 'completed' | 'flowsTaken'>> {
  const completed: string[] = [];
  const flowsTaken: string[] = [];
  const isFlowNode = (id: string) => processes.some((p) => p.elements[id] !== undefined);
  for (const summary of await allInstances(engine)) {
    for (const { event } of await history(engine, summary.instanceId)) {
      if (event.type === 'ElementCompleted' && isFlowNode(event.elementId)) completed.push(event.elementId);
      if (event.type === 'FlowTaken') flowsTaken.push(event.flowId);
    }
  }
  return { completed, flowsTaken };
}

import { parseBpmn, type ProcessDefinition } from '@baton/model';
import { decide, type DecideOptions } from '../decide.js';
import { replay } from '../state/apply.js';
import { waitingElementIds } from '../queries.js';
import type { Command, Variables } from '../types/commands.js';
import type { Effect } from '../types/effects.js';
import type { Rejection } from '../types/decision.js';
import type { InstanceEvent } from '../types/events.js';
import type { InstanceState, Wait } from '../types/state.js';

type Commandless<C> = C extends Command ? Omit<C, 'commandId' | 'at'> : never;

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
}

/** Parse BPMN XML and return its processes by id; any error problem fails the test. */
export async function deploy(xml: string): Promise<Record<string, ProcessDefinition>> {
  const { processes, problems } = await parseBpmn(xml, { allowNonExecutable: true });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`model problems: ${errors.map((p) => `${p.code} ${p.elementId ?? ''}: ${p.message}`).join('; ')}`);
  return Object.fromEntries(processes.map((p) => [p.processId, p]));
}

/**
 * A tiny synchronous shell for core tests: instances in a map, a virtual clock,
 * effects between instances (call activities, signals) run at once. After every
 * decision it checks that replaying the whole history rebuilds the state exactly.
 */
export class TestEngine {
  readonly states = new Map<string, InstanceState>();
  readonly history = new Map<string, InstanceEvent[]>();
  readonly effects: Effect[] = [];
  readonly rejections: Rejection[] = [];
  now = 1767225600000; // 2026-01-01T00:00:00Z
  private commandSeq = 0;
  private instanceSeq = 0;
  rootInstanceId = '';
  /** The node's configuration every decision runs under (expression limits). */
  decideOptions: DecideOptions = {};

  constructor(readonly definitions: Record<string, ProcessDefinition>) {}

  static async of(xml: string | string[]): Promise<TestEngine> {
    const all: Record<string, ProcessDefinition> = {};
    for (const text of Array.isArray(xml) ? xml : [xml]) Object.assign(all, await deploy(text));
    return new TestEngine(all);
  }

  /** Start an instance (the instance under test). */
  start(processId: string, variables: Variables = {}, startElementId?: string): string {
    const instanceId = `i${++this.instanceSeq}`;
    this.rootInstanceId = instanceId;
    this.run(instanceId, { type: 'CreateInstance', instanceId, variables, ...(startElementId ? { startElementId } : {}) });
    return instanceId;
  }

  get state(): InstanceState {
    return this.stateOf(this.rootInstanceId);
  }

  stateOf(instanceId: string): InstanceState {
    const state = this.states.get(instanceId);
    if (state === undefined) throw new Error(`no instance ${instanceId}`);
    return state;
  }

  /** Run a command; returns the rejection when refused (and keeps the state). */
  run(instanceId: string, partial: Commandless<Command>): Rejection | undefined {
    const command = { ...partial, commandId: `c${++this.commandSeq}`, at: this.now } as Command;
    const before = this.states.get(instanceId);
    const processId = before?.processId ?? this.processOf(command);
    const definition = this.definitions[processId];
    if (definition === undefined) throw new Error(`no definition ${processId}`);
    const decision = decide(before, command, definition, this.decideOptions);
    if (!decision.ok) {
      this.rejections.push(decision.rejection);
      return decision.rejection;
    }
    // Frozen, so a later decide that changed a shared value in place would throw.
    deepFreeze(decision.state);
    deepFreeze(decision.events);
    const events = [...(this.history.get(instanceId) ?? []), ...decision.events];
    this.history.set(instanceId, events);
    this.states.set(instanceId, decision.state);
    const rebuilt = replay(undefined, events);
    if (JSON.stringify(rebuilt) !== JSON.stringify(decision.state)) throw new Error(`replay of ${instanceId} differs from the decided state`);
    this.effects.push(...decision.effects);
    for (const effect of decision.effects) this.runEffect(effect);
    return undefined;
  }

  private pendingChildProcess = new Map<string, string>();

  private processOf(command: Command): string {
    if (command.type !== 'CreateInstance') throw new Error('unknown instance');
    const child = this.pendingChildProcess.get(command.instanceId);
    if (child !== undefined) return child;
    const only = Object.keys(this.definitions)[0];
    return this.startProcessId ?? (only as string);
  }

  startProcessId?: string;

  private runEffect(effect: Effect): void {
    switch (effect.type) {
      case 'StartChildInstance':
        if (this.definitions[effect.processId] === undefined) {
          const outcome = { type: 'notStarted' as const, errorMessage: `no process '${effect.processId}' is deployed` };
          this.run(effect.parent.instanceId, { type: 'CompleteCallActivity', elementInstanceId: effect.parent.elementInstanceId, childInstanceId: effect.childInstanceId, outcome });
          return;
        }
        this.pendingChildProcess.set(effect.childInstanceId, effect.processId);
        this.run(effect.childInstanceId, { type: 'CreateInstance', instanceId: effect.childInstanceId, variables: effect.variables, parent: effect.parent });
        return;
      case 'NotifyParent':
        this.run(effect.parent.instanceId, {
          type: 'CompleteCallActivity',
          elementInstanceId: effect.parent.elementInstanceId,
          childInstanceId: effect.childInstanceId,
          outcome: effect.outcome,
        });
        return;
      case 'CancelChildInstance':
        this.run(effect.childInstanceId, { type: 'CancelInstance' });
        return;
      case 'BroadcastSignal':
        this.broadcast(effect.signalName, effect.variables, effect.excludeInstanceId);
        return;
      default:
        return;
    }
  }

  /** Every open wait in all instances, oldest first. */
  waits(): Wait[] {
    const all: Wait[] = [];
    for (const state of this.states.values()) if (state.status === 'active') all.push(...Object.values(state.waits));
    return all.sort((a, b) => a.createdAt - b.createdAt);
  }

  private instanceOfWait(wait: Wait): string {
    for (const [id, state] of this.states) if (Object.values(state.waits).includes(wait)) return id;
    throw new Error('wait without instance');
  }

  private findWait(kind: Wait['kind'], elementId: string): { instanceId: string; wait: Wait } {
    const wait = this.waits().find((w) => w.kind === kind && w.elementId === elementId);
    if (wait === undefined) throw new Error(`no open ${kind} at ${elementId}; waits: ${JSON.stringify(this.waits().map((w) => [w.kind, w.elementId]))}`);
    return { instanceId: this.instanceOfWait(wait), wait };
  }

  jobKeyOf(elementId: string): { instanceId: string; jobKey: string } {
    const { instanceId, wait } = this.findWait('job', elementId);
    return { instanceId, jobKey: (wait as Extract<Wait, { kind: 'job' }>).jobKey };
  }

  completeJob(elementId: string, variables: Variables = {}): Rejection | undefined {
    const { instanceId, jobKey } = this.jobKeyOf(elementId);
    return this.run(instanceId, { type: 'CompleteJob', jobKey, variables });
  }

  failJob(elementId: string, retries: number, errorMessage = 'boom', retryBackOffMs?: number): Rejection | undefined {
    const { instanceId, jobKey } = this.jobKeyOf(elementId);
    return this.run(instanceId, { type: 'FailJob', jobKey, retries, errorMessage, ...(retryBackOffMs === undefined ? {} : { retryBackOffMs }) });
  }

  throwError(elementId: string, errorCode: string, variables: Variables = {}): Rejection | undefined {
    const { instanceId, jobKey } = this.jobKeyOf(elementId);
    return this.run(instanceId, { type: 'ThrowError', jobKey, errorCode, variables });
  }

  completeUserTask(elementId: string, variables: Variables = {}): Rejection | undefined {
    const { instanceId, wait } = this.findWait('userTask', elementId);
    return this.run(instanceId, { type: 'CompleteUserTask', userTaskKey: (wait as Extract<Wait, { kind: 'userTask' }>).userTaskKey, variables });
  }

  /** Publish a message: the oldest subscription of that name and key takes it. Returns false when none did. */
  publish(messageName: string, correlationKey: string | undefined, variables: Variables = {}): boolean {
    const wait = this.waits().find(
      (w) => w.kind === 'message' && w.messageName === messageName && (w.correlationKey === undefined || w.correlationKey === correlationKey),
    );
    if (wait === undefined || wait.kind !== 'message') return false;
    this.run(this.instanceOfWait(wait), { type: 'CorrelateMessage', subscriptionKey: wait.subscriptionKey, messageName, variables });
    return true;
  }

  /** Every signal subscription of that name reacts, except those of `excludeInstanceId` (the thrower, which reacted itself). */
  broadcast(signalName: string, variables: Variables = {}, excludeInstanceId?: string): void {
    const matching = this.waits().filter((w) => w.kind === 'signal' && w.signalName === signalName);
    for (const wait of matching) {
      if (wait.kind !== 'signal') continue;
      const instanceId = [...this.states].find(([, state]) => state.status === 'active' && state.waits[wait.subscriptionKey] === wait)?.[0];
      if (instanceId === undefined || instanceId === excludeInstanceId) continue;
      this.run(instanceId, { type: 'TriggerSignal', subscriptionKey: wait.subscriptionKey, signalName, variables });
    }
  }

  /** Move the clock, firing every timer due by then in due order, each at its own due time. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.waits()
        .filter((w): w is Extract<Wait, { kind: 'timer' }> => w.kind === 'timer' && w.dueAt <= until)
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (due === undefined) break;
      this.now = Math.max(this.now, due.dueAt);
      this.run(this.instanceOfWait(due), { type: 'FireTimer', timerKey: due.timerKey });
    }
    this.now = until;
  }

  cancel(): Rejection | undefined {
    return this.run(this.rootInstanceId, { type: 'CancelInstance' });
  }

  /** Waiting element ids over the whole tree, sorted. */
  waiting(): string[] {
    return [...this.states.values()].flatMap((s) => (s.status === 'active' ? waitingElementIds(s) : [])).sort();
  }

  /** Completed element ids over the whole tree (multiset), sorted. */
  completed(): string[] {
    return [...this.history.values()].flatMap((events) => events.flatMap((e) => (e.type === 'ElementCompleted' ? [e.elementId] : []))).sort();
  }

  /** All events of the instance under test, or of one instance. */
  events(instanceId = this.rootInstanceId): InstanceEvent[] {
    return this.history.get(instanceId) ?? [];
  }

  get variables(): Variables {
    return this.state.variables['root'] ?? {};
  }
}

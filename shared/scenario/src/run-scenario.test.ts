import type { InstanceState, Wait } from '@baton/core';
import { BatonError } from '@baton/errors';
import { describe, expect, it } from 'vitest';
import { runScenario } from './run-scenario.js';
import type { DeployedFile, ScenarioEngine, Started } from './scenario-engine.js';
import type { Scenario, Step } from './types.js';

/**
 * A scripted stand-in for the engine, to test the runner's own logic (which wait a
 * step picks, refusal handling, numbering) apart from the engine's behaviour. It
 * holds one instance with the waits a test gives it; completing a wait removes it.
 */
class ScriptedEngine implements ScenarioEngine {
  readonly calls: string[] = [];
  state: InstanceState | undefined;
  completed: string[] = [];
  clockMs = 0;
  constructor(
    private readonly waits: readonly Wait[],
    private readonly files: readonly DeployedFile[] = [{ path: 'order.bpmn', processes: [{ processId: 'order', isExecutable: true }] }],
  ) {}
  async deploy(): Promise<readonly DeployedFile[]> {
    return this.files;
  }
  async startInstance(processId: string): Promise<string> {
    this.calls.push(`start ${processId}`);
    const waits = Object.fromEntries(this.waits.map((w) => [w.kind === 'job' ? w.jobKey : w.kind === 'userTask' ? w.userTaskKey : 'k', w]));
    this.state = { instanceId: 'i1', processId, definitionKey: `${processId}:1`, status: 'active', seq: 0, startedAt: 0, elementInstances: {}, variables: { root: { a: 1 } }, waits, incidents: {} };
    return 'i1';
  }
  private resolve(key: string): void {
    const state = this.state;
    const wait = state?.waits[key];
    if (state === undefined || wait === undefined) throw new BatonError('JOB_NOT_OPEN', `no wait ${key}`);
    const { [key]: _gone, ...rest } = state.waits;
    this.state = { ...state, waits: rest };
    this.completed.push(wait.elementId);
  }
  async completeJob(jobKey: string): Promise<void> {
    this.calls.push(`completeJob ${jobKey}`);
    this.resolve(jobKey);
  }
  async failJob(jobKey: string): Promise<void> {
    this.calls.push(`failJob ${jobKey}`);
    throw new BatonError('JOB_NOT_OPEN', `job ${jobKey} cannot fail`);
  }
  async throwError(jobKey: string): Promise<void> {
    this.calls.push(`throwError ${jobKey}`);
    const state = this.state;
    if (state !== undefined) this.state = { ...state, seq: state.seq + 1 };
    throw new BatonError('STALE_COMMAND', 'refused after changing state');
  }
  async completeUserTask(userTaskKey: string): Promise<void> {
    this.calls.push(`completeUserTask ${userTaskKey}`);
    this.resolve(userTaskKey);
  }
  async publishMessage(): Promise<Started> {
    return { startedInstanceIds: [] };
  }
  async broadcastSignal(): Promise<Started> {
    throw new Error('boom');
  }
  now(): number {
    return this.clockMs;
  }
  async advanceTo(at: number): Promise<Started> {
    this.clockMs = at;
    return { startedInstanceIds: [] };
  }
  async cancelInstance(): Promise<void> {
    if (this.state !== undefined) this.state = { ...this.state, status: 'terminated' };
  }
  async setVariables(_instanceId: string, variables: Record<string, unknown>): Promise<void> {
    if (this.state === undefined) return;
    this.state = { ...this.state, variables: { ...this.state.variables, root: { ...this.state.variables['root'], ...variables } } };
  }
  async tree(): Promise<readonly InstanceState[]> {
    return this.state === undefined ? [] : [this.state];
  }
  waitingElementIds(state: InstanceState): readonly string[] {
    return Object.values(state.waits).map((w) => w.elementId);
  }
  async completedElementIds(): Promise<readonly string[]> {
    return this.completed;
  }
}

const job = (jobKey: string, elementId: string, createdAt: number, state: 'activatable' | 'failed' = 'activatable'): Wait => ({
  kind: 'job', jobKey, elementId, elementInstanceId: `ei-${jobKey}`, createdAt, jobType: elementId, retries: 3, customHeaders: {}, state,
});
const userTask = (userTaskKey: string, elementId: string, createdAt: number): Wait => ({
  kind: 'userTask', userTaskKey, elementId, elementInstanceId: `ei-${userTaskKey}`, createdAt, candidateUsers: [], candidateGroups: [],
});

const scenario = (steps: Step[], extra: Partial<Scenario> = {}): Scenario => ({ name: 'demo', bpmn: [], clockMs: 0, steps, ...extra });
const start: Step = { kind: 'action', action: { type: 'start', variables: {} }, expectRejected: false };
const act = (action: Step & { kind: 'action' }, expectRejected = false): Step => ({ ...action, expectRejected });
const completeJob = (element: string, expectRejected = false): Step =>
  act({ kind: 'action', action: { type: 'completeJob', element, variables: {} }, expectRejected: false }, expectRejected);

async function runOn(engine: ScriptedEngine, steps: Step[], extra: Partial<Scenario> = {}) {
  return runScenario(scenario(steps, extra), { createEngine: () => engine });
}

describe('runScenario', () => {
  it('completes the oldest open job of the element, skipping one that failed', async () => {
    // given two jobs of "charge", the older one failed with no retries left
    const engine = new ScriptedEngine([job('j3', 'charge', 5), job('j1', 'charge', 1, 'failed'), job('j2', 'charge', 2)]);
    // when
    const result = await runOn(engine, [start, completeJob('charge'), completeJob('charge')]);
    // then
    expect(result).toMatchObject({ name: 'demo', passed: true });
    expect(engine.calls).toEqual(['start order', 'completeJob j2', 'completeJob j3']);
  });

  it('completes the oldest open user task of the element', async () => {
    const engine = new ScriptedEngine([userTask('u2', 'approve', 9), userTask('u1', 'approve', 3)]);
    const result = await runOn(engine, [start, { kind: 'action', action: { type: 'completeUserTask', element: 'approve', variables: {} }, expectRejected: false }]);
    expect(result.passed).toBe(true);
    expect(engine.calls).toEqual(['start order', 'completeUserTask u1']);
  });

  it('fails at a refused step, naming step number, kind and the refusal', async () => {
    const engine = new ScriptedEngine([job('j1', 'charge', 1)]);
    const result = await runOn(engine, [start, completeJob('ship')]);
    expect(result).toMatchObject({
      passed: false,
      failedStep: 2,
      failedStepKind: 'completeJob',
      message: 'refused: JOB_NOT_OPEN: expected an open job of element "ship" in the tree but found none',
    });
  });

  it('passes a refused step that expects it, and fails one that was accepted', async () => {
    const engine = new ScriptedEngine([job('j1', 'charge', 1)]);
    const passes = await runOn(engine, [start, completeJob('ship', true)]);
    expect(passes.passed).toBe(true);
    const accepted = await runOn(new ScriptedEngine([job('j1', 'charge', 1)]), [start, completeJob('charge', true)]);
    expect(accepted).toMatchObject({ passed: false, failedStep: 2, message: 'expected the engine to refuse completeJob but it was accepted' });
  });

  it('fails an expected refusal that changed the instance', async () => {
    const engine = new ScriptedEngine([job('j1', 'charge', 1)]);
    const result = await runOn(engine, [start, act({ kind: 'action', action: { type: 'throwError', element: 'charge', code: 'X', variables: {} }, expectRejected: false }, true)]);
    expect(result).toMatchObject({ passed: false, failedStep: 2, message: 'refused (STALE_COMMAND: refused after changing state) but the instance changed' });
  });

  it('reports an engine bug as a failed step, not a refusal', async () => {
    const engine = new ScriptedEngine([]);
    const result = await runOn(engine, [start, act({ kind: 'action', action: { type: 'broadcastSignal', name: 's', variables: {} }, expectRejected: false }, true)]);
    expect(result).toMatchObject({ passed: false, failedStep: 2, failedStepKind: 'broadcastSignal', message: 'engine error: boom' });
  });

  it('checks expectations on the tree and says what it found', async () => {
    const engine = new ScriptedEngine([job('j1', 'charge', 1), userTask('u1', 'approve', 2)]);
    const result = await runOn(engine, [
      start,
      { kind: 'expectation', expectation: { type: 'expectWaiting', elementIds: ['approve', 'charge'] } },
      { kind: 'expectation', expectation: { type: 'expectVariables', variables: { a: 1 } } },
      { kind: 'expectation', expectation: { type: 'expectState', state: 'active' } },
      completeJob('charge'),
      { kind: 'expectation', expectation: { type: 'expectCompleted', elementIds: ['charge'] } },
      { kind: 'expectation', expectation: { type: 'expectNotCompleted', elementIds: ['approve'] } },
      { kind: 'expectation', expectation: { type: 'expectWaiting', elementIds: ['charge'] } },
    ]);
    expect(result).toMatchObject({ passed: false, failedStep: 8, failedStepKind: 'expectWaiting', message: 'expected waiting [charge] but found [approve]' });
  });

  it('maps a terminated instance to cancelled', async () => {
    const engine = new ScriptedEngine([]);
    const result = await runOn(engine, [start, { kind: 'action', action: { type: 'cancel' }, expectRejected: false }, { kind: 'expectation', expectation: { type: 'expectState', state: 'cancelled' } }]);
    expect(result.passed).toBe(true);
  });

  it('fails an expectation about the instance before any start', async () => {
    const result = await runOn(new ScriptedEngine([]), [{ kind: 'expectation', expectation: { type: 'expectState', state: 'active' } }]);
    expect(result).toMatchObject({ failedStep: 1, message: 'there is no instance under test yet; a "start" step comes first' });
  });

  it('starts the process the scenario names, and refuses one not deployed', async () => {
    const files: DeployedFile[] = [{ path: 'a.bpmn', processes: [{ processId: 'a', isExecutable: true }, { processId: 'b', isExecutable: true }] }];
    const engine = new ScriptedEngine([], files);
    expect((await runOn(engine, [start], { process: 'b' })).passed).toBe(true);
    expect(engine.calls).toEqual(['start b']);
    const missing = await runOn(new ScriptedEngine([], files), [start], { process: 'c' });
    expect(missing).toMatchObject({ passed: false, message: 'cannot deploy: process "c" is not in the deployed files; they hold [a, b]' });
    expect(missing.failedStep).toBeUndefined();
  });

  it('needs "process" when the first file has several executable processes', async () => {
    const files: DeployedFile[] = [{ path: 'a.bpmn', processes: [{ processId: 'a', isExecutable: true }, { processId: 'b', isExecutable: true }, { processId: 'c', isExecutable: false }] }];
    const result = await runOn(new ScriptedEngine([], files), [start]);
    expect(result.message).toBe('cannot deploy: "process" is not set and a.bpmn holds 2 executable processes [a, b]; name one with "process"');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { InstanceEvent, InstanceState } from '@baton/core';
import { createInMemoryEngine, VirtualClock, type InMemoryEngine } from '@baton/memory';
import { createMemoryScenarioEngine, loadScenario, runScenario } from '@baton/scenario';

/** One instance of a golden history: its events as Baton wrote them, and the state it had then. */
export interface GoldenInstance {
  readonly instanceId: string;
  readonly processId: string;
  readonly events: readonly InstanceEvent[];
  readonly state: InstanceState;
}

/** A golden history file: `<family>.history.json` in this folder. Its events are never edited. */
export interface GoldenHistory {
  readonly family: string;
  readonly recordedWith: string;
  /** The scenarios (under test/scenarios) and scripts the instances come from. */
  readonly sources: readonly string[];
  readonly instances: readonly GoldenInstance[];
}

export const goldenFolder = new URL('./', import.meta.url);
const scenarios = new URL('../../scenarios/', import.meta.url);

/**
 * The element families and the scenarios that record their events (issue 16). A
 * new element family or event type adds an entry here and records it (see README.md);
 * a file already recorded is never recorded again.
 */
export const families: Readonly<Record<string, readonly string[]>> = {
  tasks: ['tasks/service-task-job', 'tasks/user-task-completion', 'tasks/feel-script-task', 'tasks/receive-task-message', 'tasks/manual-and-plain-tasks-pass-through'],
  gateways: ['gateways/parallel/fork-and-join-counts-once', 'gateways/inclusive/join-fires-once-other-token-left', 'gateways/exclusive/loop-until-condition-holds', 'gateways/event-based/timer-wins'],
  events: [
    'events/boundary/error-caught-by-code',
    'events/boundary/interrupting-timer-cancels-task',
    'events/boundary/completed-task-removes-its-timer',
    'events/boundary/non-interrupting-message-keeps-task',
    'events/boundary/signal-boundary-cancels-job',
    'events/intermediate/signal-moves-catch-on',
    'events/end/escalation-end-non-interrupting-counts',
    'events/end/terminate-cancels-parallel-branch',
    'events/start/published-message-starts-instance',
  ],
  containers: [
    'containers/subprocess/input-mapping-makes-local-variable',
    'containers/call-activity/two-levels-deep',
    'containers/call-activity/called-process-from-expression',
    'containers/event-subprocess/interrupting-message-replaces-main-flow',
    'cancel/cancel-ends-everything',
  ],
  'multi-instance': ['multi-instance/parallel-one-job-per-item', 'multi-instance/sequential-runs-every-item', 'multi-instance/call-activity-per-item'],
  incidents: ['incidents/failed-job-without-retries', 'gateways/exclusive/no-match-no-default-incident', 'incidents/called-process-not-deployed', 'script:job-and-user-task-commands'],
  swimlanes: ['swimlanes/swimlane-tasks-run-in-order'],
  conditional: [
    'events/conditional/catch-waits-until-set-variables',
    'events/conditional/boundary-non-interrupting-edge-triggered',
    'events/conditional/event-subprocess-interrupting-on-set-variables',
  ],
  operations: ['script:modification'],
  compensation: ['compensation/throw-compensates-every-completed-activity', 'compensation/multi-instance-compensates-each-inner-instance', 'compensation/completed-subprocess-is-compensated-inside', 'transactions/c7-cancel-end-compensates-then-leaves-by-cancel-boundary', 'compensation/c7-compensation-event-subprocess'],
  migration: ['script:migration'],
  decisions: ['dmn/decision-table-unique', 'dmn/required-decision', 'dmn/c7-map-decision-result', 'dmn/decision-unique-two-matches-incident'],
  // DecisionEvaluated version 2: decision evaluation and decision instance keys, failures recorded.
  'decision-instances': ['dmn/decision-table-unique', 'dmn/required-decision', 'dmn/decision-unique-two-matches-incident'],
};

/** Records every family that has no file yet; returns the families written. */
export async function recordMissingFamilies(): Promise<string[]> {
  const written: string[] = [];
  for (const [family, sources] of Object.entries(families)) {
    const file = new URL(`${family}.history.json`, goldenFolder);
    if (existsSync(file)) continue;
    const instances: GoldenInstance[] = [];
    for (const source of sources) instances.push(...(await recordSource(source)));
    const history: GoldenHistory = { family, recordedWith: bakedBy(), sources, instances };
    writeFileSync(file, `${JSON.stringify(history, null, 1)}\n`);
    written.push(family);
  }
  return written;
}

export function readGolden(family: string): GoldenHistory {
  return JSON.parse(readFileSync(new URL(`${family}.history.json`, goldenFolder), 'utf8')) as GoldenHistory;
}

async function recordSource(source: string): Promise<GoldenInstance[]> {
  if (source === 'script:job-and-user-task-commands') return jobAndUserTaskCommands();
  if (source === 'script:modification') return modification();
  if (source === 'script:migration') return migration();
  const scenario = await loadScenario(new URL(`${source}.scenario.json`, scenarios).pathname);
  let captured: GoldenInstance[] = [];
  const result = await runScenario(scenario, {
    createEngine: (clockMs) => createMemoryScenarioEngine(clockMs, { beforeClose: async (engine) => void (captured = await capture(engine)) }),
  });
  if (!result.passed) throw new Error(`scenario ${source} failed while recording: ${result.message ?? ''}`);
  return captured;
}

/** Every instance of an engine, its whole history and its state. */
async function capture(engine: InMemoryEngine): Promise<GoldenInstance[]> {
  const { items } = await engine.searchInstances({ limit: 1000 });
  const instances: GoldenInstance[] = [];
  for (const summary of items) {
    const events: InstanceEvent[] = [];
    for (let offset: number | undefined = 0; offset !== undefined; ) {
      const page = await engine.getHistory(summary.instanceId, { offset, limit: 1000 });
      events.push(...page.items.map((entry) => entry.event));
      offset = page.nextOffset;
    }
    const { state } = await engine.getInstance(summary.instanceId);
    instances.push({ instanceId: summary.instanceId, processId: summary.processId, events, state: JSON.parse(JSON.stringify(state)) as InstanceState });
  }
  return instances.sort((a, b) => a.instanceId.localeCompare(b.instanceId));
}

/** Runs `script` on an in-memory engine with the c7 external-and-user model deployed and one instance started; captures every instance. */
async function onStartedInstance(script: (engine: InMemoryEngine, instanceId: string) => Promise<void>): Promise<GoldenInstance[]> {
  const clock = new VirtualClock(Date.parse('2026-01-01T00:00:00Z'));
  const engine = createInMemoryEngine({ clock, nodeId: 'golden', sweepIntervalMs: 0, publishEvents: false, random: () => 0.5 });
  try {
    const xml = readFileSync(new URL('tasks/c7-external-and-user.bpmn', scenarios), 'utf8');
    await engine.deploy([{ name: 'c7-external-and-user.bpmn', xml }]);
    const { instanceId } = await engine.startInstance({ processId: 'c7_external_and_user', variables: { amount: 10 } });
    await script(engine, instanceId);
    return await capture(engine);
  } finally {
    await engine.close();
  }
}

/** The commands no scenario step sends: job retries and timeout, incident resolution, user task assignment and update, variables set. */
function jobAndUserTaskCommands(): Promise<GoldenInstance[]> {
  return onStartedInstance(async (engine, instanceId) => {
    const job = await only(engine.searchJobs({ instanceId }));
    await engine.updateJob({ jobKey: job.jobKey, timeoutMs: 60_000 });
    await engine.failJob({ jobKey: job.jobKey, retries: 0, errorMessage: 'card declined' });
    const incident = await only(engine.searchIncidents({ instanceId }));
    await engine.updateJob({ jobKey: job.jobKey, retries: 2 });
    await engine.resolveIncident({ incidentKey: incident.incidentKey });
    await engine.setVariables({ instanceId, variables: { amount: 12 }, local: false });
    await engine.completeJob({ jobKey: job.jobKey, variables: { paid: true } });
    const task = await only(engine.searchUserTasks({ instanceId }));
    await engine.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'ada' });
    await engine.updateUserTask({ userTaskKey: task.userTaskKey, changes: { priority: 80, candidateGroups: ['finance'], dueDate: '2026-01-02T00:00:00.000Z' } });
    await engine.assignUserTask({ userTaskKey: task.userTaskKey });
    await engine.completeUserTask({ userTaskKey: task.userTaskKey, variables: { ok: true } });
  });
}

/** An operator's process instance modification (issue 19): the token moved from the job to the user task, with a variable. */
function modification(): Promise<GoldenInstance[]> {
  return onStartedInstance(async (engine, instanceId) => {
    await engine.modifyInstance({ instanceId, activate: [{ elementId: 'approve', variables: [{ variables: { skipped: 'charge' } }] }], terminate: [{ elementId: 'charge' }] });
  });
}

/** A migration to version 2 (issue 19): the job element renamed, the instance moved there. */
function migration(): Promise<GoldenInstance[]> {
  return onStartedInstance(async (engine, instanceId) => {
    const xml = readFileSync(new URL('tasks/c7-external-and-user.bpmn', scenarios), 'utf8').replaceAll('"charge"', '"charge-v2"');
    const [v2] = await engine.deploy([{ name: 'c7-external-and-user.bpmn', xml }]);
    await engine.migrateInstance({ instanceId, targetDefinitionKey: v2?.definitionKey ?? '', mappings: [{ sourceElementId: 'charge', targetElementId: 'charge-v2' }] });
  });
}

async function only<T>(page: Promise<{ readonly items: readonly T[] }>): Promise<T> {
  const { items } = await page;
  if (items.length !== 1 || items[0] === undefined) throw new Error(`expected one item, found ${items.length}`);
  return items[0];
}

function bakedBy(): string {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return `Baton 0.1.0 at ${commit}, ${new Date().toISOString().slice(0, 10)}`;
}

import { isBatonError } from '@baton/errors';
import { isStepFailure, performAction, treeOf, type RunContext } from './actions.js';
import { checkExpectation } from './expectations.js';
import { createMemoryScenarioEngine } from './memory-scenario-engine.js';
import type { DeployedFile, ScenarioEngine } from './scenario-engine.js';
import { stepType, type Scenario, type ScenarioResult, type Step } from './types.js';

export interface RunScenarioOptions {
  /** Builds the fresh engine a scenario runs on, its virtual clock at `clockMs`; default: the in-memory engine. */
  readonly createEngine?: (clockMs: number) => ScenarioEngine | Promise<ScenarioEngine>;
}

/**
 * Runs a loaded scenario on a fresh engine: deploys its BPMN files, then runs the
 * steps in order and stops at the first that fails. Never throws for a failing
 * scenario or a refused deployment; the result says why.
 */
export async function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): Promise<ScenarioResult> {
  const startedAt = performance.now();
  const finish = (fields: Omit<ScenarioResult, 'name' | 'durationMs'>): ScenarioResult => ({
    name: scenario.name,
    ...fields,
    durationMs: Math.round(performance.now() - startedAt),
  });
  let engine: ScenarioEngine;
  try {
    engine = await (options.createEngine ?? createMemoryScenarioEngine)(scenario.clockMs);
  } catch (err) {
    return finish({ passed: false, message: `cannot start an engine: ${describeError(err)}` });
  }
  try {
    return finish(await runOnEngine(scenario, engine));
  } finally {
    await engine.close?.();
  }
}

async function runOnEngine(scenario: Scenario, engine: ScenarioEngine): Promise<Omit<ScenarioResult, 'name' | 'durationMs'>> {
  let ctx: RunContext;
  try {
    ctx = { engine, processId: chooseProcess(scenario, await engine.deploy(scenario.bpmn)) };
  } catch (err) {
    return { passed: false, message: `cannot deploy: ${describeError(err)}` };
  }
  for (const [i, step] of scenario.steps.entries()) {
    const why = await runStep(ctx, step).catch((err: unknown) => `engine error: ${describeError(err)}`);
    if (why !== undefined) return { passed: false, failedStep: i + 1, failedStepKind: stepType(step), message: why };
  }
  return { passed: true };
}

/** Runs one step: undefined when it did what the scenario says, else why not. */
async function runStep(ctx: RunContext, step: Step): Promise<string | undefined> {
  if (step.kind === 'expectation') return checkExpectation(ctx, step.expectation);
  const before = step.expectRejected ? await snapshot(ctx) : undefined;
  const refusal = await performAction(ctx, step.action).then(
    () => undefined,
    (err: unknown) => {
      if (isStepFailure(err)) return { failure: err.message };
      if (isBatonError(err) && err.code !== 'INTERNAL') return { refused: `${err.code}: ${err.message}` };
      throw err;
    },
  );
  if (refusal !== undefined && 'failure' in refusal) return refusal.failure;
  if (!step.expectRejected) return refusal === undefined ? undefined : `refused: ${refusal.refused}`;
  if (refusal === undefined) return `expected the engine to refuse ${step.action.type} but it was accepted`;
  if ((await snapshot(ctx)) !== before) return `refused (${refusal.refused}) but the instance changed`;
  return undefined;
}

/** The tree's states as one string, to check a refused step changed nothing. */
async function snapshot(ctx: RunContext): Promise<string> {
  return JSON.stringify(await treeOf(ctx));
}

/** `process`, or the only executable process of the first file that holds processes (`.dmn` and `.form` files hold none: v1.1). */
function chooseProcess(scenario: Scenario, deployed: readonly DeployedFile[]): string {
  const all = deployed.flatMap((file) => file.processes.map((p) => p.processId));
  if (scenario.process !== undefined) {
    if (!all.includes(scenario.process)) {
      throw new Error(`process "${scenario.process}" is not in the deployed files; they hold [${all.join(', ')}]`);
    }
    return scenario.process;
  }
  const first = deployed.find((file) => file.processes.length > 0) ?? deployed[0];
  const executable = first?.processes.filter((p) => p.isExecutable).map((p) => p.processId) ?? [];
  if (executable.length !== 1 || executable[0] === undefined) {
    throw new Error(
      `"process" is not set and ${first?.path ?? 'the first file'} holds ${executable.length} executable processes ` +
        `[${executable.join(', ')}]; name one with "process"`,
    );
  }
  return executable[0];
}

function describeError(err: unknown): string {
  if (isBatonError(err)) {
    const problems = (err.details as { problems?: unknown }).problems;
    const list = Array.isArray(problems) ? problems.map(describeProblem).join('; ') : '';
    return `${err.code}: ${err.message}${list === '' ? '' : ` (${list})`}`;
  }
  return err instanceof Error ? err.message : String(err);
}

function describeProblem(problem: unknown): string {
  const p = problem as { code?: string; elementId?: string; message?: string };
  return [p.code, p.elementId, p.message].filter((s) => s !== undefined).join(' ');
}

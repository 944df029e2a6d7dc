import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBpmn, type ProcessDefinition } from '@baton/model';
import { describe, expect, it } from 'vitest';
import { knownDifferences, notReproducible, startsByModel, triggersByModel, type KnownDifference } from './token-simulation-cases.js';
import { driveBaton, type DrivePlan } from './token-simulation-driver.js';
import { completeEventDetails } from './token-simulation-patch.js';
import { completedInTrace, flowNodesOf, flowsInTrace, multisetDiff, parseTrace } from './token-simulation-trace.js';

/**
 * Runs the models of bpmn-io/bpmn-js-token-simulation (copied to
 * /work/shared/corpus/token-simulation with that project's expected traces) on Baton
 * and compares the flow nodes Baton completes, and the sequence flows it takes, with
 * those of the simulator. How traces are read and why each difference is judged the
 * way it is: test/corpus/README.md.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/token-simulation');
const present = existsSync(corpusDir);

interface Case {
  readonly name: string;
  /** Deployed only after `completeEventDetails` named its unnamed errors, escalations and signals. */
  readonly isCompleted: boolean;
  readonly xml: string;
  readonly processes: readonly ProcessDefinition[];
  readonly trace: readonly string[];
}

interface Inventory {
  readonly cases: readonly Case[];
  readonly models: number;
  readonly refusedByCode: Readonly<Record<string, number>>;
  readonly refused: number;
  /** Refused as they are, deployed once their event details were completed. */
  readonly completed: number;
  readonly withoutTrace: readonly string[];
}

async function inventory(): Promise<Inventory> {
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.bpmn'))
    .sort();
  const cases: Case[] = [];
  const refusedByCode: Record<string, number> = {};
  const withoutTrace: string[] = [];
  let refused = 0;
  let completed = 0;
  for (const file of files) {
    const name = file.replace(/^Simulator\./, '').replace(/\.bpmn$/, '');
    const original = readFileSync(path.join(corpusDir, file), 'utf8');
    const deployed = await deployable(original);
    if (deployed === undefined) {
      refused += 1;
      continue;
    }
    if (deployed.isCompleted) completed += 1;
    const trace = traceOf(name);
    if (trace === undefined) withoutTrace.push(name);
    else cases.push({ name, ...deployed, trace });
  }
  return { cases, models: files.length, refusedByCode, refused, completed, withoutTrace };

  async function deployable(original: string) {
    const result = await parseBpmn(original, { allowNonExecutable: true });
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (errors.length === 0) return { xml: original, processes: result.processes, isCompleted: false };
    const xml = completeEventDetails(original);
    const retried = xml === undefined ? undefined : await parseBpmn(xml, { allowNonExecutable: true });
    if (xml !== undefined && retried !== undefined && retried.problems.every((p) => p.severity !== 'error')) {
      return { xml, processes: retried.processes, isCompleted: true };
    }
    for (const code of new Set(errors.map((e) => e.code))) refusedByCode[code] = (refusedByCode[code] ?? 0) + 1;
    return undefined;
  }
}

/** `<name>.json`, else `<name>-1.json`, `<name>-2.json`... (one per trigger of the test), joined in order. */
function traceOf(name: string): string[] | undefined {
  const read = (file: string) => JSON.parse(readFileSync(path.join(corpusDir, file), 'utf8')) as string[];
  const whole = `Simulator.${name}.json`;
  if (existsSync(path.join(corpusDir, whole))) return read(whole);
  const parts = readdirSync(corpusDir)
    .filter((f) => f.startsWith(`Simulator.${name}-`) && /^\d+\.json$/.test(f.slice(`Simulator.${name}-`.length)))
    .sort();
  return parts.length === 0 ? undefined : parts.flatMap(read);
}

function planFor(testCase: Case): DrivePlan {
  const hasElement = (id: string) => testCase.processes.some((p) => p.elements[id] !== undefined);
  const starts = startsByModel[testCase.name] ?? [hasElement('START') ? 'START' : 'StartEvent_1'];
  return { starts, triggers: triggersByModel[testCase.name] ?? [], messageFlows: messageFlowsOf(testCase.xml) };
}

/** Message flows are not part of a ProcessDefinition (they do not run in Camunda 8); the driver follows those into start events. */
function messageFlowsOf(xml: string): DrivePlan['messageFlows'] {
  return [...xml.matchAll(/<(?:\w+:)?messageFlow\b([^>]*)>/g)].map(([, attributes = '']) => ({
    sourceId: /\bsourceRef="([^"]*)"/.exec(attributes)?.[1] ?? '',
    targetId: /\btargetRef="([^"]*)"/.exec(attributes)?.[1] ?? '',
  }));
}

function summary(found: Inventory, compared: number, differences: Readonly<Record<string, Pick<KnownDifference, 'elements' | 'flows'>>>): string {
  const byCode = Object.entries(found.refusedByCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  const byKind: Record<string, number> = {};
  for (const name of Object.keys(differences)) {
    const kind = knownDifferences[name]?.kind ?? 'unjudged';
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  const kinds = Object.entries(byKind)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return (
    `token-simulation: ${found.models} models, ${found.completed} deployed after naming their events, ${found.refused} refused (models per code: ${byCode}), ` +
    `${found.withoutTrace.length} without trace, ` +
    `${Object.keys(notReproducible).length} not reproducible; ${compared} compared: ${compared - Object.keys(differences).length} match, ` +
    `${Object.keys(differences).length} differ (${kinds || 'none'})\n`
  );
}

describe.runIf(present)('bpmn-js-token-simulation models run on Baton', { timeout: 120_000 }, () => {
  it('complete the flow nodes the simulator completes, except the judged differences', async () => {
    // given every model Baton deploys that has an expected trace
    const found = await inventory();
    expect(found.cases.length).toBeGreaterThan(0);
    const differences: Record<string, Pick<KnownDifference, 'elements' | 'flows'>> = {};
    let compared = 0;
    for (const testCase of found.cases) {
      if (notReproducible[testCase.name] !== undefined) continue;
      compared += 1;
      // when Baton runs it the way the simulator's test does
      const result = await driveBaton(testCase.xml, testCase.processes, planFor(testCase));
      expect(result.errors, testCase.name).toEqual([]);
      // then it completes the same flow nodes and takes the same flows (multisets: parallel tokens interleave differently)
      const trace = parseTrace(testCase.trace);
      const elements = multisetDiff(completedInTrace(trace, flowNodesOf(testCase.processes)), result.completed);
      const flows = multisetDiff(flowsInTrace(trace, testCase.processes), result.flowsTaken);
      if (elements !== '' || flows !== '') differences[testCase.name] = { elements, flows };
    }
    process.stdout.write(summary(found, compared, differences));
    const judged = Object.fromEntries(Object.entries(knownDifferences).map(([name, { elements, flows }]) => [name, { elements, flows }]));
    expect(differences).toEqual(judged);
  });
});

import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { BatonError, isBatonError } from '@baton/errors';
import { describeJson, invalid, onlyKeys, requireObject, type JsonObject } from './json-fields.js';
import { parseStep } from './parse-step.js';
import type { BpmnSource, Scenario } from './types.js';

/** The clock a scenario starts at when it names none (spec: "clock"). */
export const defaultClock = '2026-01-01T00:00:00Z';

const topLevelKeys = ['name', 'bpmn', 'process', 'clock', 'steps', 'description'];

/**
 * Reads and checks a `*.scenario.json` file and the BPMN files it names.
 * Throws a `BatonError` (`VALIDATION_FAILED`, or `NOT_FOUND` for a missing file)
 * whose message names the file and the field, and whose `details.scenarioName`
 * is the scenario's name when the file got far enough to have one.
 */
export async function loadScenario(file: string): Promise<Scenario> {
  const absolute = resolve(file);
  const text = await readText(absolute, `scenario file ${file}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BatonError('VALIDATION_FAILED', `${file} is not valid JSON: ${(err as Error).message}`, { file });
  }
  const name = nameOf(json, absolute);
  try {
    return await parseScenario(json, absolute, name);
  } catch (err) {
    if (isBatonError(err)) throw new BatonError(err.code, err.message, { ...err.details, file, scenarioName: name }, { cause: err });
    throw err;
  }
}

/** The scenario's `name`, or the file name without `.scenario.json` when it has none. */
function nameOf(json: unknown, file: string): string {
  if (typeof json === 'object' && json !== null && typeof (json as JsonObject)['name'] === 'string') {
    return (json as JsonObject)['name'] as string;
  }
  return basename(file).replace(/\.scenario\.json$/, '');
}

async function parseScenario(json: unknown, file: string, name: string): Promise<Scenario> {
  const obj = requireObject(json, 'scenario');
  onlyKeys(
    Object.fromEntries(Object.entries(obj).filter(([k]) => !k.startsWith('$'))),
    topLevelKeys,
    'scenario',
  );
  if (obj['name'] !== undefined && (typeof obj['name'] !== 'string' || obj['name'] === '')) {
    throw invalid('name', `expected a non-empty string but found ${describeJson(obj['name'])}`);
  }
  const bpmn = await readBpmn(obj['bpmn'], dirname(file));
  const process = obj['process'];
  if (process !== undefined && (typeof process !== 'string' || process === '')) {
    throw invalid('process', `expected a process id but found ${describeJson(process)}`);
  }
  const steps = obj['steps'];
  if (!Array.isArray(steps)) throw invalid('steps', `expected a list of steps but found ${describeJson(steps)}`);
  const base = { name, file, bpmn, clockMs: parseClock(obj['clock']), steps: steps.map((s: unknown, i) => parseStep(s, `steps[${i + 1}]`)) };
  return process === undefined ? base : { ...base, process };
}

function parseClock(value: unknown): number {
  if (value === undefined) return Date.parse(defaultClock);
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalid('clock', `expected an ISO 8601 date-time such as "${defaultClock}" but found ${describeJson(value)}`);
  return ms;
}

async function readBpmn(value: unknown, dir: string): Promise<BpmnSource[]> {
  const paths = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(paths) || paths.length === 0) {
    throw invalid('bpmn', `expected a path or a non-empty list of paths but found ${describeJson(value)}`);
  }
  const sources: BpmnSource[] = [];
  for (const [i, path] of paths.entries()) {
    if (typeof path !== 'string' || path === '') throw invalid(`bpmn[${i}]`, `expected a path but found ${describeJson(path)}`);
    const file = resolve(dir, path);
    sources.push({ path, file, xml: await readText(file, `BPMN file ${path}`) });
  }
  return sources;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw new BatonError('NOT_FOUND', `${what} not found (looked at ${file})`, { file }, { cause: err });
    throw new BatonError('VALIDATION_FAILED', `cannot read ${what}: ${(err as Error).message}`, { file }, { cause: err });
  }
}

import { relative } from 'node:path';
import { isBatonError } from '@baton/errors';
import { findFiles } from './find-files.js';
import { loadScenario } from './load-scenario.js';
import { runScenario, type RunScenarioOptions } from './run-scenario.js';
import type { ScenarioResult } from './types.js';

/** The suffix that marks a scenario file. */
export const scenarioSuffix = '.scenario.json';

export interface RunScenarioFilesOptions extends RunScenarioOptions {
  /** Called with each result as soon as its scenario ends, for streaming output. */
  readonly onResult?: (result: ScenarioResult) => void;
}

/**
 * Runs every `*.scenario.json` under the given files or folders (folders searched
 * recursively, in path order), one after another. A path that does not exist or a
 * file that cannot be loaded counts as a failed scenario with the reason.
 */
export async function runScenarioFiles(paths: readonly string[], options: RunScenarioFilesOptions = {}): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const report = (result: ScenarioResult): void => {
    results.push(result);
    options.onResult?.(result);
  };
  for (const found of await findFiles(paths, scenarioSuffix)) {
    if (found.type === 'missing') {
      report({ name: found.path, passed: false, message: `cannot load: ${found.path} does not exist`, durationMs: 0 });
      continue;
    }
    for (const file of found.files) report(await runScenarioFile(file, options));
  }
  return results;
}

/** Loads and runs one scenario file; a load failure is a failed result, never a throw. */
export async function runScenarioFile(file: string, options: RunScenarioOptions = {}): Promise<ScenarioResult> {
  const startedAt = performance.now();
  try {
    const scenario = await loadScenario(file);
    return await runScenario(scenario, options);
  } catch (err) {
    const details = isBatonError(err) ? err.details : {};
    const name = typeof details['scenarioName'] === 'string' ? details['scenarioName'] : relative(process.cwd(), file);
    const why = err instanceof Error ? err.message : String(err);
    return { name, passed: false, message: `cannot load: ${why}`, durationMs: Math.round(performance.now() - startedAt) };
  }
}

import type { ScenarioResult } from './types.js';

/** The text after `FAIL NAME: `: `step K (kind): why`, or the load failure's reason. */
export function failureReason(result: ScenarioResult): string {
  const why = result.message ?? 'failed';
  return result.failedStep === undefined ? why : `step ${result.failedStep} (${result.failedStepKind ?? 'step'}): ${why}`;
}

/** One report line: `ok NAME` or `FAIL NAME: step K (kind): why` (spec, `baton test`). */
export function formatResultLine(result: ScenarioResult): string {
  return result.passed ? `ok ${result.name}` : `FAIL ${result.name}: ${oneLine(failureReason(result))}`;
}

/** One `--json` line: exactly name, passed, failedStep, message, durationMs (absent ones left out). */
export function formatResultJson(result: ScenarioResult): string {
  const { name, passed, failedStep, durationMs } = result;
  const message = result.passed ? undefined : failureReason(result);
  return JSON.stringify({ name, passed, failedStep, message, durationMs });
}

/** The closing line: `N passed, N failed`. */
export function formatSummary(results: readonly ScenarioResult[]): string {
  const passed = results.filter((r) => r.passed).length;
  return `${passed} passed, ${results.length - passed} failed`;
}

/** Keeps one scenario on one line: a multi-line reason (a model's problem list) is joined with ` | `. */
function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' | ');
}

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatResultLine, runScenarioFile, scenarioSuffix } from '@baton/scenario';

/**
 * The conformance suite: every `*.scenario.json` under test/scenarios is one test
 * case, run through the scenario runner on a fresh in-memory engine (no build needed).
 * `npx baton test test/scenarios` runs the same files from the command line.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const scenarioDir = join(root, 'test', 'scenarios');

function findScenarios(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : findScenarios(full);
      return entry.name.endsWith(scenarioSuffix) ? [full] : [];
    })
    .sort();
}

const files = findScenarios(scenarioDir);

describe('conformance scenarios (test/scenarios)', () => {
  it('finds scenario files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [relative(scenarioDir, file), file] as const))('%s', async (_name, file) => {
    const result = await runScenarioFile(file);
    if (!result.passed) expect.fail(formatResultLine(result));
  });
});

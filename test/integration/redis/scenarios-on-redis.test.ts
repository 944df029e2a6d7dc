import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRedisProcessStore } from '@baton/redis';
import { createStoreScenarioEngine, formatResultLine, runScenarioFile, scenarioSuffix } from '@baton/scenario';
import { describe, expect, inject, it } from 'vitest';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

/**
 * The whole conformance suite on a real Redis store (issue 16): every instance's
 * state (compensation records and condition subscriptions included) goes through the
 * store's commit and load on each step. Jobs and timers stay on the scenario's
 * virtual clock (in memory).
 */
const scenarioDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
/** Every family folder of test/scenarios. */
const families = readdirSync(scenarioDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

function scenariosIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? scenariosIn(join(dir, entry.name)) : entry.name.endsWith(scenarioSuffix) ? [join(dir, entry.name)] : []))
    .sort();
}

const files = families.flatMap((family) => scenariosIn(join(scenarioDir, family)));

describe('scenarios on Redis', { timeout: 60_000 }, () => {
  it('finds the scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(175);
  });

  it.each(files.map((file) => [relative(scenarioDir, file), file] as const))('%s', async (_name, file) => {
    const prefix = uniquePrefix();
    try {
      const result = await runScenarioFile(file, {
        createEngine: async (clockMs) => createStoreScenarioEngine(clockMs, await createRedisProcessStore({ url: inject('redisUrl'), prefix, onWarning: () => undefined })),
      });
      if (!result.passed) expect.fail(formatResultLine(result));
    } finally {
      await deletePrefix(prefix);
    }
  });
});

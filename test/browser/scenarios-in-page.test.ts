import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFiles, loadScenario, runScenario, type Scenario, type ScenarioResult } from '@baton/scenario';
import { bundlePage, chromiumFlags, servePage, type ServedPage } from './harness/page-harness.js';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const scenarioDir = fileURLToPath(new URL('../scenarios/', import.meta.url));
/** Every how-many-th scenario file (sorted by path) the sample takes. */
const every = 8;

const outcome = ({ name, passed, failedStep, message }: ScenarioResult) => ({ name, passed, failedStep, message });

/** A sample of test/scenarios on the engine in a page, on its localStorage: the same results as in Node (issue 17). */
describe('scenarios in Chromium, on the engine as the page assembles it', () => {
  let browser: Browser;
  let served: ServedPage;
  let scenarios: Scenario[];

  beforeAll(async () => {
    if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: run "apt-get install chromium" or set CHROMIUM_PATH.`);
    const files = (await findFiles([scenarioDir], '.scenario.json')).flatMap((found) => (found.type === 'files' ? found.files : [])).sort();
    scenarios = await Promise.all(files.filter((_file, i) => i % every === 0).map((file) => loadScenario(file)));
    served = await servePage(await bundlePage('scenarios.page.ts'));
    browser = await chromium.launch({ executablePath, args: chromiumFlags });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('a sample of test/scenarios gives the same results in the page as in Node', async () => {
    // given
    const inNode = await Promise.all(scenarios.map((scenario) => runScenario(scenario)));
    const page = await browser.newPage();
    await page.goto(served.url);
    await page.waitForFunction(() => 'runScenarios' in globalThis);
    // when
    const inPage = await page.evaluate((sample) => (globalThis as unknown as { runScenarios: (s: Scenario[]) => Promise<ScenarioResult[]> }).runScenarios(sample), scenarios);
    // then
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
    expect(inPage.map(outcome)).toEqual(inNode.map(outcome));
    expect(inNode.filter((r) => r.passed).length).toBeGreaterThan(0);
  });
});

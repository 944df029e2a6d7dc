import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestResult } from './harness/mini-vitest.js';
import { bundlePage, chromiumFlags, servePage, type ServedPage } from './harness/page-harness.js';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The ProcessStore contract (shared/testkit) in real Chromium on the Web Storage store: its localStorage, its Web Locks (issue 17). */
describe('the ProcessStore contract in Chromium on the Web Storage store', () => {
  let browser: Browser;
  let served: ServedPage;

  beforeAll(async () => {
    if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: run "apt-get install chromium" or set CHROMIUM_PATH.`);
    served = await servePage(await bundlePage('process-store-contract.page.ts'));
    browser = await chromium.launch({ executablePath, args: chromiumFlags });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('passes every test of the suite', async () => {
    // given
    const page = await browser.newPage();
    await page.goto(served.url);
    await page.waitForFunction(() => 'runContract' in globalThis);
    // when
    const results = await page.evaluate(() => (globalThis as unknown as { runContract: () => Promise<TestResult[]> }).runContract());
    // then: as many tests as the suite has in Node (26), none failed
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
    expect(results.length).toBe(26);
    // and the store wrote to the page's real localStorage
    const keys = await page.evaluate(() => Object.keys((globalThis as unknown as { localStorage: Record<string, string> }).localStorage));
    expect(keys.filter((key) => key.startsWith('contract-')).length).toBeGreaterThan(26);
  });
});

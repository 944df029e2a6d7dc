import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer, createRuntimeEngineApi } from '@baton/engine';
import { createInMemoryEngine } from '@baton/memory';
import type { BrowserEngine } from '@baton/browser';
import type { EngineApi } from '@baton/engine';

/** The standalone page exposes its engine as `window.baton`. */
type PageWindow = { readonly baton: BrowserEngine };

/** Debian's Chromium (issue 7); `apt-get install chromium` where it is missing. */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const artifacts = new URL('../../test-results/browser/', import.meta.url).pathname;

/** What a test reads through the page's engine (`window.baton`, the same BatonClient as the REST client's). */
interface PageInstance {
  readonly state: string;
  readonly history: readonly { readonly type: string; readonly dueAt?: number }[];
}

/**
 * The standalone page (issue 17): the task list and operations view on the engine in the
 * page, its data in localStorage; served by a node (what `npm start` serves) from the
 * built static files, with no engine behind the page's requests.
 */
describe('the standalone page in Chromium', () => {
  let outDir: string;
  let node: EngineApi;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: run "apt-get install chromium" or set CHROMIUM_PATH.`);
    mkdirSync(artifacts, { recursive: true });
    outDir = await mkdtemp(join(tmpdir(), 'baton-standalone-'));
    await build({ root: dirname(createRequire(import.meta.url).resolve('@baton/web/package.json')), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    // The node only serves the files: the page's engine answers every request of the page.
    const runtime = createInMemoryEngine({ nodeId: 'static-node' });
    node = await createRuntimeEngineApi({ engine: runtime, bus: runtime.bus });
    app = await buildServer({ engine: node, nodeId: 'static-node', webRoot: outDir });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    browser = await chromium.launch({ executablePath, args: chromiumFlags });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await node?.close();
    if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    // A fresh context per test: its own localStorage, so each test starts with no data.
    await context?.close();
    context = await browser.newContext();
  });

  const openPage = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${url}/standalone.html`);
    await page.waitForSelector('#page-engine');
    return page;
  };
  const logIn = async (page: Page, username: string): Promise<void> => {
    if (await page.locator('#logout').isVisible()) {
      await page.click('#logout');
    }
    await page.waitForSelector('form#login:not([hidden])');
    await page.fill('input[name=username]', username);
    await page.click('form#login button[type=submit]');
    await page.waitForSelector('#tasks:not([hidden])');
  };
  const instanceIn = (page: Page, key: string): Promise<PageInstance> =>
    page.evaluate(async (processInstanceKey) => {
      const baton = (globalThis as unknown as PageWindow).baton;
      baton.identity?.signIn('ada');
      const instance = await baton.getProcessInstance(processInstanceKey);
      const { items } = await baton.getProcessInstanceHistory(processInstanceKey);
      return {
        state: instance.state,
        history: items.map((e) => {
          const timer = e['timer'] as { dueAt?: number } | undefined;
          return { type: e.type, ...(timer?.dueAt === undefined ? {} : { dueAt: timer.dueAt }) };
        }),
      };
    }, key);
  /** As ada: deploys the example from the toolbar and starts an instance; returns its key. */
  const deployAndStart = async (page: Page): Promise<string> => {
    await logIn(page, 'ada');
    await page.click('#load-example');
    await page.waitForSelector('#page-message:has-text("Deployed leave v1")');
    await page.fill('#start-variables', '{"days": 3}');
    await page.click('#start-instance');
    const message = await page.waitForSelector('#page-message:has-text("Started leave")');
    return /instance (\S+)\./.exec((await message.textContent()) ?? '')?.[1] ?? '';
  };

  it('deploys, starts, completes a task through its generated form; after a reload the state and history are there and the timer fires', async () => {
    // given
    const page = await openPage();
    const key = await deployAndStart(page);
    // when: mia (managers) claims the task and completes its generated form
    await logIn(page, 'mia');
    const task = page.locator('#offered li[data-user-task-key]', { hasText: 'Approve leave' });
    await task.locator('button:has-text("Claim")').click();
    await page.locator('#mine li[data-user-task-key]', { hasText: 'Approve leave' }).locator('button:has-text("Open")').click();
    await page.waitForSelector('#task-form:not([hidden]) .fjs-form');
    await page.getByLabel('Comment').fill('enjoy');
    await page.getByLabel('Approved').check();
    await page.screenshot({ path: join(artifacts, 'standalone-1-form.png'), fullPage: true });
    await page.click('.fjs-form button[type=submit]');
    await page.waitForSelector('#tasks:not([hidden])');
    // then: after a reload the instance is there with its history, and the 3 s timer fires
    await page.reload();
    await page.waitForSelector('#tasks:not([hidden])');
    const reloaded = await instanceIn(page, key);
    expect(reloaded.history.map((e) => e.type)).toEqual(expect.arrayContaining(['InstanceCreated', 'UserTaskCompleted', 'TimerScheduled']));
    await logIn(page, 'ada');
    await page.goto(`${url}/index.html?standalone#/ops/${encodeURIComponent(key)}`);
    await page.waitForSelector(`#instance-title:has-text("COMPLETED")`, { timeout: 30_000 });
    const steps = (elementId: string): Promise<string[]> => page.locator(`#history > li[data-element-id="${elementId}"] .history-steps li`).allTextContents();
    expect(await steps('approve')).toEqual(expect.arrayContaining([expect.stringMatching(/^user task completed · /)]));
    expect(await steps('cool-off')).toEqual(expect.arrayContaining([expect.stringMatching(/^timer fired · /)]));
    expect(await page.locator('#history > li:not([data-element-id]) .history-steps li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^instance completed · /)]));
    expect(await page.locator('#variables').textContent()).toContain('"comment": "enjoy"');
    await page.screenshot({ path: join(artifacts, 'standalone-2-completed.png'), fullPage: true });
  });

  it('a timer due while the tab was closed fires once when the page opens again', async () => {
    // given: the task completed, the tab closed before the cool-off timer is due
    const page = await openPage();
    const key = await deployAndStart(page);
    await page.evaluate(async (processInstanceKey) => {
      const baton = (globalThis as unknown as PageWindow).baton;
      baton.identity?.signIn('mia');
      const [task] = (await baton.searchUserTasks({ filter: { processInstanceKey } })).items;
      await baton.completeUserTask(task?.userTaskKey ?? '', { approved: true, comment: 'ok' });
    }, key);
    const before = await instanceIn(page, key);
    await page.close();
    const dueAt = before.history.find((e) => e.type === 'TimerScheduled')?.dueAt ?? Number.NaN;
    expect(dueAt).toBeGreaterThan(0);
    expect(before.history.map((e) => e.type)).not.toContain('TimerFired');
    // when: the page opens after the due time
    await expect.poll(() => Date.now() > dueAt, { timeout: 30_000 }).toBe(true);
    const again = await openPage();
    // then: it fired once, and the instance went on to its end
    await expect.poll(async () => (await instanceIn(again, key)).state, { timeout: 30_000 }).toBe('COMPLETED');
    expect((await instanceIn(again, key)).history.filter((e) => e.type === 'TimerFired')).toHaveLength(1);
  });

  it('two tabs racing to complete the same task: one wins, the other is refused', async () => {
    // given: two tabs of the origin, both signed in as mia, both seeing the task
    const tabA = await openPage();
    const key = await deployAndStart(tabA);
    const tabB = await openPage();
    await logIn(tabA, 'mia');
    await logIn(tabB, 'mia');
    await tabB.waitForSelector('#offered li[data-user-task-key]');
    const userTaskKey = await tabB.locator('#offered li[data-user-task-key]').first().getAttribute('data-user-task-key');
    const complete = (tab: Page, comment: string): Promise<string> =>
      tab.evaluate(
        async ([taskKey, text]) => {
          const baton = (globalThis as unknown as PageWindow).baton;
          try {
            await baton.completeUserTask(taskKey, { approved: true, comment: text });
            return 'completed';
          } catch (error) {
            return (error as { code?: string }).code ?? String(error);
          }
        },
        [userTaskKey ?? '', comment] as const,
      );
    // when
    const outcomes = await Promise.all([complete(tabA, 'A'), complete(tabB, 'B')]);
    // then
    expect(outcomes.filter((o) => o === 'completed')).toHaveLength(1);
    expect(outcomes.find((o) => o !== 'completed')).toMatch(/^(NOT_FOUND|STALE_COMMAND|FORBIDDEN)$/);
    const history = (await instanceIn(tabA, key)).history;
    expect(history.filter((e) => e.type === 'UserTaskCompleted')).toHaveLength(1);
    expect((await instanceIn(tabB, key)).history).toEqual(history);
  });

  it('a user without the group neither sees nor completes the task', async () => {
    // given
    const page = await openPage();
    const key = await deployAndStart(page);
    // when: sam (clerks) signs in
    await logIn(page, 'sam');
    // then: his list has no task, and completing it by its key is refused
    expect(await page.locator('#offered li[data-user-task-key]').count()).toBe(0);
    expect(await page.locator('#mine li[data-user-task-key]').count()).toBe(0);
    const refused = await page.evaluate(async (processInstanceKey) => {
      const baton = (globalThis as unknown as PageWindow).baton;
      baton.identity?.signIn('ada');
      const [task] = (await baton.searchUserTasks({ filter: { processInstanceKey } })).items;
      baton.identity?.signIn('sam');
      try {
        await baton.completeUserTask(task?.userTaskKey ?? '', { approved: true, comment: 'not mine' });
        return 'completed';
      } catch (error) {
        return (error as { code?: string }).code ?? String(error);
      }
    }, key);
    expect(refused).toBe('FORBIDDEN');
    expect((await instanceIn(page, key)).history.map((e) => e.type)).not.toContain('UserTaskCompleted');
  });
});

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInMemoryEngine } from '@baton/memory';
import { password, testIdentity } from './auth/__fixtures__/auth-harness.js';
import type { EngineApi } from './engine-api.js';
import { createRuntimeEngineApi } from './runtime-engine-api.js';
import { buildServer } from './server.js';

/** Debian's Chromium (issue 7); `apt-get install chromium` where it is missing. */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const artifacts = new URL('../../../test-results/browser/', import.meta.url).pathname;

const fixture = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The task list in a real browser, against a node with authentication on (issue 7). */
describe('the task list in Chromium', () => {
  let outDir: string;
  let engine: EngineApi;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: run "apt-get install chromium" or set CHROMIUM_PATH.`);
    mkdirSync(artifacts, { recursive: true });
    outDir = await mkdtemp(join(tmpdir(), 'baton-web-browser-'));
    await build({ root: dirname(createRequire(import.meta.url).resolve('@baton/web/package.json')), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const runtime = createInMemoryEngine({ nodeId: 'browser-node' });
    engine = await createRuntimeEngineApi({ engine: runtime, bus: runtime.bus });
    const resources = [{ name: 'camunda-form.bpmn', xml: fixture('./forms/__fixtures__/camunda-form.bpmn') }, { name: 'auth.bpmn', xml: fixture('./auth/__fixtures__/auth.bpmn') }];
    await engine.deploy(resources, { allowNonExecutable: false });
    app = await buildServer({ engine, nodeId: 'browser-node', webRoot: outDir, auth: { identity: await testIdentity() } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    browser = await chromium.launch({ executablePath, args: chromiumFlags });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await engine?.close();
    if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
  });

  const logIn = async (username: string): Promise<void> => {
    await page.goto(`${url}/`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', password);
    await page.click('form#login button[type=submit]');
    await page.waitForSelector('#tasks:not([hidden])');
  };
  const titles = (list: string): Promise<string[]> => page.locator(`#${list} li[data-user-task-key] strong`).allTextContents();
  const startReview = async (): Promise<{ key: string; userTaskKey: string }> => {
    const { processInstanceKey } = await engine.startInstance({ processDefinitionId: 'review', variables: { customer: 'ACME' } });
    return { key: processInstanceKey, userTaskKey: (await engine.searchUserTasks({ filter: { processInstanceKey } })).items[0]?.userTaskKey ?? '' };
  };

  it('a manager sees only her tasks, claims one, is shown a validation error, then completes it', async () => {
    // given: a review task for managers and a lane task for clerks
    const { key, userTaskKey } = await startReview();
    const pay = await engine.startInstance({ processDefinitionId: 'pay', variables: {} });
    const [job] = await engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await engine.completeJob(job?.jobKey ?? '', {});
    // when
    await logIn('mia');
    await page.waitForSelector(`#offered li[data-user-task-key="${userTaskKey}"]`);
    await page.screenshot({ path: join(artifacts, '1-task-list.png'), fullPage: true });
    // then: her group's tasks, not the clerks' lane task
    expect((await titles('offered')).sort()).toEqual(['Approve', 'Fill in the review']);
    // when: she claims and opens it, and submits it empty
    await page.click(`#offered li[data-user-task-key="${userTaskKey}"] button:has-text("Claim")`);
    await page.click(`#mine li[data-user-task-key="${userTaskKey}"] button:has-text("Open")`);
    await page.waitForSelector('#task-form:not([hidden]) .fjs-form');
    expect(await page.locator('.fjs-powered-by-link').isVisible()).toBe(true);
    await page.click('.fjs-form button[type=submit]');
    // then: the form says what is missing and nothing was sent
    expect(await page.locator('.fjs-form-field-error').allTextContents()).toContain('Field is required.');
    await page.screenshot({ path: join(artifacts, '2-validation-error.png'), fullPage: true });
    expect((await engine.getInstance(key)).state).toBe('ACTIVE');
    // when: she fills it in and completes it
    await page.getByLabel('Comment').fill('looks good');
    await page.click('.fjs-form button[type=submit]');
    await page.waitForSelector('#tasks:not([hidden])');
    // then
    expect(await engine.getInstance(key)).toMatchObject({ state: 'COMPLETED', variables: { customer: 'ACME', comment: 'looks good' } });
    await page.screenshot({ path: join(artifacts, '3-completed.png'), fullPage: true });
    await engine.cancelInstance(pay.processInstanceKey);
  });

  it('filters the task list by process and by assignment to me', async () => {
    // given: a review task and, in the managers' lane, an approval of pay
    const review = await startReview();
    const pay = await engine.startInstance({ processDefinitionId: 'pay', variables: {} });
    const [job] = await engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await engine.completeJob(job?.jobKey ?? '', {});
    await logIn('mia');
    await page.waitForSelector(`#offered li[data-user-task-key="${review.userTaskKey}"]`);
    expect((await titles('offered')).sort()).toEqual(['Approve', 'Fill in the review']);
    // when: she shows only the review process
    await page.selectOption('#task-process', 'review');
    // then
    expect(await titles('offered')).toEqual(['Fill in the review']);
    // when: she claims it and shows only what is assigned to her, across processes
    await page.click(`#offered li[data-user-task-key="${review.userTaskKey}"] button:has-text("Claim")`);
    await page.waitForSelector(`#mine li[data-user-task-key="${review.userTaskKey}"]`);
    await page.selectOption('#task-process', '');
    await page.selectOption('#task-show', 'mine');
    // then: her claimed task only; nothing offered
    expect(await titles('mine')).toEqual(['Fill in the review']);
    expect(await titles('offered')).toEqual([]);
    // when: her groups' tasks
    await page.selectOption('#task-show', 'groups');
    expect(await titles('offered')).toEqual(['Approve']);
    await engine.cancelInstance(review.key);
    await engine.cancelInstance(pay.processInstanceKey);
  }, 30_000);

  it('shows a new task at once, without a reload (server-sent events)', async () => {
    await logIn('mia');
    const { key, userTaskKey } = await startReview();
    await page.waitForSelector(`#offered li[data-user-task-key="${userTaskKey}"]`);
    await engine.cancelInstance(key);
    await page.waitForSelector(`#offered li[data-user-task-key="${userTaskKey}"]`, { state: 'detached' });
  });

  it('an operator sees the instance on its diagram and retries its incident', async () => {
    // given: an instance whose charge-card job failed without retries
    const { processInstanceKey: key } = await engine.startInstance({ processDefinitionId: 'pay', variables: { amount: 5 } });
    const [job] = await engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await engine.failJob(job?.jobKey ?? '', { retries: 0, errorMessage: 'card declined', retryBackOffMs: 0 });
    // when
    await logIn('oscar');
    await page.click('#ops-link');
    await page.click(`#instances a:has-text("${key}")`);
    await page.waitForSelector('#diagram .baton-incident');
    // then: the incident is on its element, with the bpmn.io watermark kept
    expect(await page.locator('.baton-incident-badge').textContent()).toContain('card declined');
    expect(await page.locator('.bjs-powered-by').isVisible()).toBe(true);
    await page.screenshot({ path: join(artifacts, '5-incident.png'), fullPage: true });
    // and: the badge carries the message and a Retry button; the history is grouped per element
    const badge = page.locator('#diagram .baton-incident-badge');
    expect(await badge.getAttribute('data-incident-key')).toBe((await engine.getInstance(key)).incidents[0]?.incidentKey);
    expect(await page.locator('#history > li[data-element-id="charge"] .history-steps li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^activated · \d\d:\d\d:\d\d$/)]));
    // when: the operator retries it from the badge
    await badge.locator('button:has-text("Retry")').click();
    await page.waitForSelector('#diagram .baton-waiting');
    // then
    expect((await engine.getInstance(key)).hasIncident).toBe(false);
    expect(await engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1 })).toHaveLength(1);
    await page.screenshot({ path: join(artifacts, '6-retried.png'), fullPage: true });
    await engine.cancelInstance(key);
  }, 30_000);

  it('an operator opens the process definitions and views one on its diagram', async () => {
    // given: the fixtures' processes are deployed, and one instance of pay waits on its charge job
    const pay = (await engine.searchProcessDefinitions({})).items.find((d) => d.processDefinitionId === 'pay');
    const waiting = await engine.startInstance({ processDefinitionId: 'pay', variables: {} });
    // when
    await logIn('oscar');
    await page.click('#definitions-link');
    await page.waitForSelector('#definition-rows tr');
    // then: each definition with its id, name and version
    const rows = await page.locator('#definition-rows tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['pay', 'Pay', '1 (latest)'],
      ['review', 'Review', '1 (latest)'],
      ['ship', 'Ship', '1 (latest)'],
    ]);
    await page.screenshot({ path: join(artifacts, '7-definitions.png'), fullPage: true });
    // when: the operator opens the diagram of pay
    await page.click(`#definition-rows tr[data-process-definition-key="${pay?.processDefinitionKey ?? ''}"] a:has-text("Diagram")`);
    // then: bpmn-js drew its tasks, with the bpmn.io watermark kept
    await page.waitForSelector('#definition-diagram svg [data-element-id="charge"]');
    expect(await page.locator('#definition-diagram svg [data-element-id="approve"]').count()).toBe(1);
    expect(await page.locator('#definition-title').textContent()).toBe('Pay · pay v1');
    expect(await page.locator('#definition-diagram .bjs-powered-by').isVisible()).toBe(true);
    // and: the element counts are drawn on the diagram (the other tests cancel or finish theirs)
    await page.waitForSelector('#definition-diagram .baton-counts[data-element-id="charge"]');
    expect(await page.locator('#definition-diagram .baton-counts[data-element-id="charge"] .baton-count-active').textContent()).toBe('1');
    expect(await page.locator('#definition-diagram .baton-counts[data-element-id="charge"] .baton-count-active').getAttribute('title')).toBe('1 active');
    await page.screenshot({ path: join(artifacts, '8-definition-diagram.png'), fullPage: true });
    await engine.cancelInstance(waiting.processInstanceKey);
  }, 30_000);

  it('does not offer operations or definitions to a user', async () => {
    await logIn('mia');
    expect(await page.locator('#ops-link').isVisible()).toBe(false);
    expect(await page.locator('#definitions-link').isVisible()).toBe(false);
  });

  it('a user of another group sees none of them and cannot complete one through the API', async () => {
    // given
    const { key, userTaskKey } = await startReview();
    // when
    await logIn('uma');
    await page.screenshot({ path: join(artifacts, '4-other-group.png'), fullPage: true });
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'baton_csrf')?.value ?? '';
    const status = await page.evaluate(
      async ({ taskKey, token }) => {
        const res = await fetch(`./v2/user-tasks/${taskKey}/completion`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ variables: { comment: 'sneaky' } }),
        });
        return res.status;
      },
      { taskKey: userTaskKey, token: csrf },
    );
    // then
    expect(await titles('offered')).toEqual([]);
    expect(await titles('mine')).toEqual([]);
    expect(status).toBe(403);
    expect((await engine.getInstance(key)).state).toBe('ACTIVE');
  });

  it('completes a task without a form, sending only the changed variable under its own dotted name (issue 12)', async () => {
    // given: an approve task (no form) whose instance has a variable named "a.b"
    const { processInstanceKey: key } = await engine.startInstance({ processDefinitionId: 'pay', variables: { amount: 10, 'a.b': 'x' } });
    const [job] = await engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await engine.completeJob(job?.jobKey ?? '', {});
    const approve = (await engine.searchUserTasks({ filter: { processInstanceKey: key } })).items.find((t) => t.elementId === 'approve')?.userTaskKey ?? '';
    // when: mia opens its generated form, changes "a.b" and completes it
    await logIn('mia');
    await page.click(`#offered li[data-user-task-key="${approve}"] button:has-text("Claim")`);
    await page.click(`#mine li[data-user-task-key="${approve}"] button:has-text("Open")`);
    await page.waitForSelector('#task-form:not([hidden]) .fjs-form');
    expect(await page.getByLabel('A.b').inputValue()).toBe('x');
    await page.getByLabel('A.b').fill('y');
    await page.click('.fjs-form button[type=submit]');
    await page.waitForSelector('#tasks:not([hidden])');
    // then: the list shows once the completion is done; "a.b" changed as itself (no "a" object), amount untouched
    expect((await engine.getInstance(key)).variables).toEqual({ amount: 10, 'a.b': 'y' });
    await engine.cancelInstance(key);
  }, 60_000);
});

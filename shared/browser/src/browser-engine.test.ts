import { readFileSync } from 'node:fs';
import { VirtualClock } from '@baton/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { MapStorage } from './__fixtures__/map-storage.js';
import { createBrowserEngine, type BrowserEngine, type BrowserEngineOptions } from './create-browser-engine.js';

const leave = readFileSync(new URL('../examples/leave.bpmn', import.meta.url), 'utf8');
const identity = {
  users: [
    { username: 'mia', roles: ['user' as const], groups: ['managers'] },
    { username: 'sam', roles: ['user' as const], groups: ['clerks'] },
    { username: 'ada', roles: ['admin' as const] },
    { username: 'bot', roles: ['worker' as const], jobTypes: ['notify-hr'] },
  ],
  user: 'ada',
};

describe('createBrowserEngine (in Node, on a Map behind the Storage interface)', () => {
  const open: BrowserEngine[] = [];
  const engineOn = async (storage: MapStorage, clock: VirtualClock, options: Partial<BrowserEngineOptions> = {}): Promise<BrowserEngine> => {
    const page = await createBrowserEngine({ storage, clock, identity: { ...identity, session: new MapStorage() }, handlers: { 'notify-hr': async () => ({}) }, onError: () => undefined, ...options });
    open.push(page);
    return page;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((page) => page.close()));
  });

  it('deploys, starts and completes a user task through the BatonClient interface; a reload sees state and history', async () => {
    // given
    const storage = new MapStorage();
    const clock = new VirtualClock(Date.parse('2026-12-01T09:00:00Z'));
    const page = await engineOn(storage, clock);
    await page.deployResources({ resources: [{ name: 'leave.bpmn', content: leave }] });
    const { processInstanceKey } = await page.createProcessInstance({ processDefinitionId: 'leave', variables: { days: 3 } });
    // when: mia (managers) completes the approval
    page.identity?.signIn('mia');
    const [task] = (await page.searchUserTasks({ filter: { processInstanceKey } })).items;
    await page.completeUserTask(task?.userTaskKey ?? '', { approved: true, comment: 'enjoy' });
    // then: a second engine on the same storage (a reload) sees the instance waiting on the timer, and its history
    const reloaded = await engineOn(storage, clock, { identity: { ...identity, session: new MapStorage() } });
    const instance = await reloaded.getProcessInstance(processInstanceKey);
    expect(instance.state).toBe('ACTIVE');
    expect(instance.variables).toMatchObject({ days: 3, approved: true, comment: 'enjoy' });
    const types = (await reloaded.getProcessInstanceHistory(processInstanceKey)).items.map((e) => e.type);
    expect(types).toContain('UserTaskCompleted');
    expect(types).toContain('TimerScheduled');
  });

  it('a user without the group neither sees nor completes the task', async () => {
    // given
    const page = await engineOn(new MapStorage(), new VirtualClock(0));
    await page.deployResources({ resources: [{ name: 'leave.bpmn', content: leave }] });
    const { processInstanceKey } = await page.createProcessInstance({ processDefinitionId: 'leave', variables: {} });
    const [task] = (await page.searchUserTasks({ filter: { processInstanceKey } })).items;
    // when
    page.identity?.signIn('sam');
    // then
    expect((await page.searchUserTasks({ filter: { processInstanceKey } })).items).toEqual([]);
    await expect(page.completeUserTask(task?.userTaskKey ?? '', { approved: true, comment: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    page.identity?.signIn('ada');
    expect((await page.getProcessInstance(processInstanceKey)).state).toBe('ACTIVE');
  });

  it('a timer due while the page was closed fires once when it opens again', async () => {
    // given: the instance waits on its 3 s cool-off timer, then the page closes
    const storage = new MapStorage();
    const clock = new VirtualClock(Date.parse('2026-12-01T09:00:00Z'));
    const first = await engineOn(storage, clock);
    await first.deployResources({ resources: [{ name: 'leave.bpmn', content: leave }] });
    const { processInstanceKey } = await first.createProcessInstance({ processDefinitionId: 'leave', variables: {} });
    const [task] = (await first.searchUserTasks({ filter: { processInstanceKey } })).items;
    first.identity?.signIn('mia');
    await first.completeUserTask(task?.userTaskKey ?? '', { approved: false, comment: 'no' });
    await first.close();
    open.splice(open.indexOf(first), 1);
    // when: it opens after the due time
    await clock.advanceBy(60_000);
    const second = await engineOn(storage, clock);
    await clock.advanceBy(0);
    // then
    await expect.poll(async () => (await second.getProcessInstance(processInstanceKey)).state).toBe('COMPLETED');
    const fired = (await second.getProcessInstanceHistory(processInstanceKey)).items.filter((e) => e.type === 'TimerFired');
    expect(fired).toHaveLength(1);
  });

  it('two tabs racing to complete one task: one wins, the other is refused and nothing is written twice', async () => {
    // given: two engines (tabs) on one storage, both seeing the open task
    const storage = new MapStorage();
    const clock = new VirtualClock(0);
    const tabA = await engineOn(storage, clock, { identity: { ...identity, user: 'mia', session: new MapStorage() } });
    tabA.identity?.signIn('ada');
    await tabA.deployResources({ resources: [{ name: 'leave.bpmn', content: leave }] });
    const { processInstanceKey } = await tabA.createProcessInstance({ processDefinitionId: 'leave', variables: {} });
    tabA.identity?.signIn('mia');
    const tabB = await engineOn(storage, clock, { identity: { ...identity, user: 'mia', session: new MapStorage() } });
    const [task] = (await tabB.searchUserTasks({ filter: { processInstanceKey } })).items;
    const key = task?.userTaskKey ?? '';
    // when
    const outcomes = await Promise.allSettled([tabA.completeUserTask(key, { approved: true, comment: 'A' }), tabB.completeUserTask(key, { approved: false, comment: 'B' })]);
    // then
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/^(NOT_FOUND|STALE_COMMAND|USER_TASK_NOT_OPEN|TASK_NOT_OPEN)$/) });
    tabA.identity?.signIn('ada');
    const completed = (await tabA.getProcessInstanceHistory(processInstanceKey)).items.filter((e) => e.type === 'UserTaskCompleted');
    expect(completed).toHaveLength(1);
  });

  it('a worker of the page activates and completes jobs of its types through the BatonClient, and no others', async () => {
    // given: an instance at its service task, with no in-page handler for it
    const clock = new VirtualClock(0);
    const page = await engineOn(new MapStorage(), clock, { handlers: {} });
    await page.deployResources({ resources: [{ name: 'leave.bpmn', content: leave }] });
    const { processInstanceKey } = await page.createProcessInstance({ processDefinitionId: 'leave', variables: {} });
    page.identity?.signIn('mia');
    const [task] = (await page.searchUserTasks({ filter: { processInstanceKey } })).items;
    await page.completeUserTask(task?.userTaskKey ?? '', { approved: true, comment: 'ok' });
    await clock.advanceBy(5_000);
    // when: the worker takes it
    page.identity?.signIn('bot');
    await expect(page.activateJobs({ type: 'other', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [job] = await page.activateJobs({ type: 'notify-hr', maxJobsToActivate: 1, timeout: 60_000, worker: 'page' });
    await page.completeJob(job?.jobKey ?? '', { notified: true });
    // then
    page.identity?.signIn('ada');
    expect(await page.getProcessInstance(processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { notified: true } });
  });

  it('a full storage refuses the commit with STORE_FULL and writes nothing of it', async () => {
    // given: room for the deployment and little more
    const storage = new MapStorage(leave.length * 2 + 2_000);
    const page = await engineOn(storage, new VirtualClock(0));
    await page.deployResources({ resources: [{ name: 'leave.bpmn', content: leave }] });
    const before = storage.length;
    // when
    const big = 'x'.repeat(leave.length * 2);
    const started = page.createProcessInstance({ processDefinitionId: 'leave', variables: { big } });
    // then
    await expect(started).rejects.toMatchObject({ code: 'STORE_FULL' });
    expect(storage.length).toBe(before);
    expect((await page.searchProcessInstances({})).items).toEqual([]);
  });
});

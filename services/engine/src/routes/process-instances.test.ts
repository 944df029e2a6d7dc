import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';

describe('process instance routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('starts an instance and shows its state, variables and what it waits on', async () => {
    // when
    const key = await h.startSimple({ amount: 150 });
    const res = await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` });
    // then
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      processInstanceKey: key,
      processDefinitionId: 'simple',
      state: 'ACTIVE',
      hasIncident: false,
      variables: { amount: 150 },
      waiting: [{ elementId: 'charge', kind: 'job', jobKey: expect.any(String) }],
    });
  });

  it('answers 400 naming the field for a bad body', async () => {
    const missing = await h.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { variables: {} } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'processDefinitionId' } });
    expect(missing.json().detail).toContain('processDefinitionId');

    const wrongType = await h.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'simple', variables: [1] } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'variables' } });
  });

  const search = (body: unknown) => h.app.inject({ method: 'POST', url: '/v2/process-instances/search', payload: body as object });

  it('searches instances by process and state, a page at a time, without variables or waits', async () => {
    // given: two instances of `simple`, the first cancelled
    const first = await h.startSimple({ amount: 1 });
    const second = await h.startSimple({ amount: 2 });
    await h.app.inject({ method: 'POST', url: `/v2/process-instances/${first}/cancellation` });
    const processDefinitionKey = (await h.engine.searchProcessDefinitions({})).items[0]?.processDefinitionKey;
    expect(processDefinitionKey).toMatch(/^[0-9]+$/);
    // when
    const all = await search({});
    // then
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({
      items: [
        {
          processInstanceKey: first,
          processDefinitionId: 'simple',
          processDefinitionName: 'Simple',
          processDefinitionKey,
          processDefinitionVersion: 1,
          state: 'TERMINATED',
          hasIncident: false,
          startDate: expect.any(String),
          endDate: expect.any(String),
          tenantId: '<default>',
        },
        expect.objectContaining({ processInstanceKey: second, state: 'ACTIVE' }),
      ],
      page: { totalItems: 2, startCursor: expect.any(String), endCursor: expect.any(String), hasMoreTotalItems: false },
    });
    const active = (await search({ filter: { processDefinitionId: 'simple', state: 'ACTIVE' } })).json();
    expect(active).toMatchObject({ items: [{ processInstanceKey: second }], page: { totalItems: 1 } });
    expect((await search({ filter: { processDefinitionId: 'other' } })).json()).toEqual({ items: [], page: { totalItems: 0, hasMoreTotalItems: false } });
    expect((await search({ filter: { parentProcessInstanceKey: second } })).json().items).toEqual([]);
    const secondPage = (await search({ page: { from: 1, limit: 1 } })).json();
    expect(secondPage).toMatchObject({ items: [{ processInstanceKey: second }], page: { totalItems: 2 } });
    expect(secondPage.items).toHaveLength(1);
  });

  it('answers 400 naming the field for a bad search filter or page', async () => {
    const state = await search({ filter: { state: 'RUNNING' } });
    expect(state.statusCode).toBe(400);
    expect(state.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'filter.state' } });
    const limit = await search({ page: { limit: 0 } });
    expect(limit.statusCode).toBe(400);
    expect(limit.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'page.limit' } });
  });

  it('answers 404 for an unknown process or instance, 400 naming processInstanceKey for one that is not a key', async () => {
    const start = await h.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'nope' } });
    expect(start.statusCode).toBe(404);
    expect(start.json().code).toBe('DEFINITION_NOT_FOUND');
    for (const url of ['/v2/process-instances/99999999999999', '/v2/process-instances/99999999999999/history']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'INSTANCE_NOT_FOUND', instance: url });
    }
    const cancel = await h.app.inject({ method: 'POST', url: '/v2/process-instances/99999999999999/cancellation' });
    expect(cancel.statusCode).toBe(404);
    expect(cancel.json().code).toBe('INSTANCE_NOT_FOUND');
    for (const [method, url] of [['GET', '/v2/process-instances/nope'], ['GET', '/v2/process-instances/nope/history'], ['POST', '/v2/process-instances/order-1/cancellation']] as const) {
      const res = await h.app.inject({ method, url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { part: 'params', field: 'processInstanceKey' } });
    }
  });

  it('cancels an instance once; a second cancellation is a 409 and changes nothing', async () => {
    const key = await h.startSimple();
    const first = await h.app.inject({ method: 'POST', url: `/v2/process-instances/${key}/cancellation` });
    expect(first.statusCode).toBe(204);
    const historyLength = (await h.engine.getHistory(key)).length;

    const second = await h.app.inject({ method: 'POST', url: `/v2/process-instances/${key}/cancellation` });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('INSTANCE_NOT_ACTIVE');
    expect((await h.engine.getInstance(key)).state).toBe('TERMINATED');
    expect((await h.engine.getHistory(key)).length).toBe(historyLength);
  });

  it('returns the history in order', async () => {
    const key = await h.startSimple();
    await h.app.inject({ method: 'POST', url: `/v2/process-instances/${key}/cancellation` });
    const res = await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}/history` });
    expect(res.statusCode).toBe(200);
    const types = res.json().items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('InstanceCreated');
    expect(types.at(-1)).toBe('InstanceTerminated');
  });

  it('with awaitCompletion, answers once the instance has ended, with its variables', async () => {
    // given: a worker that completes the job and the user task as soon as they appear
    await h.deploySimple();
    let driving = Promise.resolve();
    const unsubscribe = h.engine.onChange(() => {
      driving = driving.then(drive);
    });
    async function drive(): Promise<void> {
      const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'w', timeoutMs: 1000, maxJobsToActivate: 1 });
      if (job) await h.engine.completeJob(job.jobKey, { receipt: 'r-1' });
      const [task] = (await h.engine.searchUserTasks({})).items;
      if (task) await h.engine.completeUserTask(task.userTaskKey, { approved: true });
    }
    // when
    const res = await h.app.inject({
      method: 'POST',
      url: '/v2/process-instances',
      payload: { processDefinitionId: 'simple', variables: { amount: 1 }, awaitCompletion: true, requestTimeout: 20_000 },
    });
    unsubscribe();
    await driving;
    // then
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'COMPLETED', variables: { amount: 1, receipt: 'r-1', approved: true } });
  });

  it('with awaitCompletion, answers with the state reached when the wait ends: ACTIVE on timeout', async () => {
    await h.deploySimple();
    const res = await h.app.inject({
      method: 'POST',
      url: '/v2/process-instances',
      payload: { processDefinitionId: 'simple', variables: { amount: 1 }, awaitCompletion: true, requestTimeout: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'ACTIVE', hasIncident: false, variables: { amount: 1 } });
  });

  it('starts by processDefinitionKey too', async () => {
    await h.deploySimple();
    const [definition] = (await h.engine.searchProcessDefinitions({})).items;
    const res = await h.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionKey: definition?.processDefinitionKey } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ processDefinitionId: 'simple', processDefinitionVersion: 1 });
  });

  it('modifies an instance (8.8 modification): the token moves from the job to the user task, the job is gone, the history records it', async () => {
    // given an instance waiting at the charge job
    const key = await h.startSimple({ amount: 1 });
    const charge = (await h.engine.searchElementInstances({ filter: { processInstanceKey: key, elementId: 'charge' } })).items[0]?.elementInstanceKey ?? '';
    // when
    const res = await h.app.inject({
      method: 'POST',
      url: `/v2/process-instances/${key}/modification`,
      payload: { activateInstructions: [{ elementId: 'approve', variableInstructions: [{ variables: { skipped: 'charge' } }] }], terminateInstructions: [{ elementInstanceKey: charge }] },
    });
    // then
    expect(res.statusCode).toBe(204);
    const after = (await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json();
    expect(after).toMatchObject({ state: 'ACTIVE', variables: { amount: 1, skipped: 'charge' }, waiting: [{ elementId: 'approve', kind: 'userTask' }] });
    expect((await h.engine.searchJobs({ filter: { processInstanceKey: key } })).items.filter((job) => job.state === 'CREATED')).toEqual([]);
    const history = (await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}/history` })).json() as { items: { type: string }[] };
    expect(history.items.map((e) => e.type)).toContain('InstanceModified');
  });

  it('refuses a modification with 400 listing every bad instruction, and changes nothing', async () => {
    // given
    const key = await h.startSimple({ amount: 1 });
    // when
    const res = await h.app.inject({
      method: 'POST',
      url: `/v2/process-instances/${key}/modification`,
      payload: { activateInstructions: [{ elementId: 'nowhere' }, { elementId: 'start' }], terminateInstructions: [{ elementInstanceKey: '123' }] },
    });
    // then
    expect(res.statusCode).toBe(400);
    const problem = res.json() as { code: string; detail: string; problems: { field: string }[] };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.problems.map((p) => p.field)).toEqual(['activateInstructions[0]', 'activateInstructions[1]', 'terminateInstructions[0]']);
    expect(problem.detail).toContain("No element 'nowhere'");
    expect((await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json()).toMatchObject({ waiting: [{ elementId: 'charge' }] });
  });

  it('migrates an instance to a new version (8.8 migration): the job moves to the renamed task, search and history show the new version', async () => {
    // given an instance of simple v1 at its charge job, and v2 where the task is `charge-v2`
    const key = await h.startSimple({ amount: 1 });
    const v2 = readFileSync(new URL('../__fixtures__/simple.bpmn', import.meta.url), 'utf8').replaceAll('"charge"', '"charge-v2"').replaceAll('sourceRef="charge"', 'sourceRef="charge-v2"');
    const deployed = await h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: v2 });
    const target = deployed.json<{ deployments: { processDefinition: { processDefinitionKey: string; processDefinitionVersion: number } }[] }>().deployments[0]?.processDefinition;
    expect(target?.processDefinitionVersion).toBe(2);
    // when a mapping misses the active task, then when it maps it
    const url = `/v2/process-instances/${key}/migration`;
    const refused = await h.app.inject({ method: 'POST', url, payload: { targetProcessDefinitionKey: target?.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'approve', targetElementId: 'approve' }] } });
    const res = await h.app.inject({ method: 'POST', url, payload: { targetProcessDefinitionKey: target?.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'charge', targetElementId: 'charge-v2' }] } });
    // then the first is refused naming the element, the second moves the instance
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ elementId: 'charge', message: expect.stringContaining('no mapping instruction') }] });
    expect(res.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json()).toMatchObject({
      processDefinitionKey: target?.processDefinitionKey,
      processDefinitionVersion: 2,
      waiting: [{ elementId: 'charge-v2', kind: 'job' }],
    });
    const found = await search({ filter: { processDefinitionKey: target?.processDefinitionKey } });
    expect(found.json()).toMatchObject({ items: [{ processInstanceKey: key }] });
    const history = (await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}/history` })).json() as { items: { type: string }[] };
    expect(history.items.map((e) => e.type)).toContain('InstanceMigrated');
  });
});

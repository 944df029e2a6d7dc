import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture, harness, multipart, type Harness } from './__fixtures__/harness.js';

/** The routes end to end on the real runtime with in-memory adapters (harness()'s default engine). */
describe('HTTP API on @baton/runtime (in-memory)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  const post = (url: string, payload?: object) => h.app.inject({ method: 'POST', url, ...(payload === undefined ? {} : { payload }) });

  it('deploys, runs a job and a user task through HTTP, and shows the instance COMPLETED with its history', async () => {
    // given
    const key = await h.startSimple({ amount: 150 });
    const started = (await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json();
    expect(started).toMatchObject({ state: 'ACTIVE', hasIncident: false, variables: { amount: 150 }, waiting: [{ elementId: 'charge', kind: 'job' }] });
    // when: a worker takes and completes the job
    const { jobs } = (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 })).json();
    expect(jobs).toMatchObject([{ processInstanceKey: key, elementId: 'charge', customHeaders: { currency: 'EUR' }, variables: { amount: 150 } }]);
    expect((await post(`/v2/jobs/${jobs[0].jobKey}/completion`, { variables: { receipt: 'r-1' } })).statusCode).toBe(204);
    const second = await post(`/v2/jobs/${jobs[0].jobKey}/completion`, { variables: { receipt: 'r-2' } });
    // then: the second completion is refused
    expect([404, 409]).toContain(second.statusCode);
    // when: a manager claims and completes the user task
    const tasks = (await post('/v2/user-tasks/search', { filter: { candidateGroup: 'managers', processInstanceKey: key } })).json().items;
    expect(tasks).toMatchObject([{ elementId: 'approve', processInstanceKey: key, candidateGroups: ['managers'], state: 'CREATED' }]);
    expect((await post(`/v2/user-tasks/${tasks[0].userTaskKey}/assignment`, { assignee: 'ann' })).statusCode).toBe(204);
    expect((await post(`/v2/user-tasks/${tasks[0].userTaskKey}/completion`, { variables: { approved: true } })).statusCode).toBe(204);
    // then
    const done = (await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json();
    expect(done).toMatchObject({ state: 'COMPLETED', variables: { amount: 150, receipt: 'r-1', approved: true }, waiting: [] });
    const history = (await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}/history` })).json().items;
    expect(history.length).toBeGreaterThan(3);
    expect(history.map((e: { position: number }) => e.position)).toEqual([...history.keys()]);
  });

  it('wakes the listeners of one instance on its changes only (awaitCompletion waits cost nothing when others change)', async () => {
    // given: three instances, a listener on each
    const [first, second, barrier] = [await h.startSimple(), await h.startSimple(), await h.startSimple()];
    const heard = new Map<string, number>();
    const offs = [first, second, barrier].map((key) => h.engine.onInstanceChange(key, () => heard.set(key, (heard.get(key) ?? 0) + 1)));
    const heardOf = (key: string): number => heard.get(key) ?? 0;
    // and: every change published before the barrier's cancellation delivered (the bus keeps publish order)
    await post(`/v2/process-instances/${barrier}/cancellation`);
    await vi.waitFor(() => expect(heardOf(barrier)).toBeGreaterThan(0));
    const [firstBefore, secondBefore] = [heardOf(first), heardOf(second)];
    // when: the second instance changes
    await post(`/v2/process-instances/${second}/cancellation`);
    await vi.waitFor(() => expect(heardOf(second)).toBeGreaterThan(secondBefore));
    // then: the first's listener was not called
    expect(heardOf(first)).toBe(firstBefore);
    // when: the first changes, its listener hears it
    await post(`/v2/process-instances/${first}/cancellation`);
    await vi.waitFor(() => expect(heardOf(first)).toBeGreaterThan(firstBefore));
    for (const off of offs) off();
  });

  it('refuses an invalid model listing every problem with its element id, and deploys nothing', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name: 'invalid.bpmn', xml: fixture('invalid') }, { name: 'simple.bpmn', xml: fixture('simple') }]) });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('MODEL_INVALID');
    expect(problem.problems.map((p: { elementId?: string }) => p.elementId)).toEqual(expect.arrayContaining(['wait', 'split']));
    expect((await h.app.inject({ method: 'GET', url: '/v2/process-definitions' })).json().items).toEqual([]);
  });

  it('refuses a non-executable process without the flag, with the hint', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: fixture('not-executable') });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MODEL_NOT_EXECUTABLE');
    expect(res.json().detail).toContain('?allowNonExecutable=true');
    const flagged = await h.app.inject({ method: 'POST', url: '/v2/deployments?allowNonExecutable=true', headers: { 'content-type': 'application/xml' }, payload: fixture('not-executable') });
    expect(flagged.statusCode).toBe(200);
  });

  it('answers 404 for unknown keys, and 400 naming the field for a key that is no number', async () => {
    // A key no store minted: numeric, within 64 bits.
    const unknown = '99999999999999';
    expect((await h.app.inject({ method: 'GET', url: `/v2/process-instances/${unknown}` })).json().code).toBe('INSTANCE_NOT_FOUND');
    expect((await post(`/v2/jobs/${unknown}/completion`, {})).statusCode).toBe(404);
    expect((await post(`/v2/user-tasks/${unknown}/completion`, {})).statusCode).toBe(404);
    expect((await post(`/v2/incidents/${unknown}/resolution`)).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/v2/process-definitions/${unknown}/xml` })).statusCode).toBe(404);
    const notAKey = await h.app.inject({ method: 'GET', url: '/v2/process-instances/order-1' });
    expect(notAKey.statusCode).toBe(400);
    expect(notAKey.json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringContaining('processInstanceKey') });
    expect((await post('/v2/process-instances', { processDefinitionId: 'nope' })).statusCode).toBe(404);
  });

  it('fails a job into an incident and resolves it', async () => {
    const key = await h.startSimple();
    const { jobs } = (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 })).json();
    expect((await post(`/v2/jobs/${jobs[0].jobKey}/failure`, { retries: 0, errorMessage: 'card declined' })).statusCode).toBe(204);
    const instance = (await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json();
    expect(instance).toMatchObject({ state: 'ACTIVE', hasIncident: true });
    const [incident] = (await post('/v2/incidents/search', { filter: { processInstanceKey: key } })).json().items;
    expect(incident).toMatchObject({ elementId: 'charge', errorMessage: 'card declined', state: 'ACTIVE' });
    expect((await post(`/v2/incidents/${incident.incidentKey}/resolution`, {})).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json().hasIncident).toBe(false);
  });

  it('cancels an instance; a second cancellation is refused', async () => {
    const key = await h.startSimple();
    expect((await post(`/v2/process-instances/${key}/cancellation`)).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json().state).toBe('TERMINATED');
    const again = await post(`/v2/process-instances/${key}/cancellation`);
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
    expect(again.statusCode).toBeLessThan(500);
  });

  it('searches instances by state and incident, and by parent: direct children only', async () => {
    // given: a `simple` instance with an incident, a cancelled one, and a call tree top → middle → leaf
    const failing = await h.startSimple();
    const { jobs } = (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 })).json();
    await post(`/v2/jobs/${jobs[0].jobKey}/failure`, { retries: 0, errorMessage: 'card declined' });
    const cancelled = await h.startSimple();
    await post(`/v2/process-instances/${cancelled}/cancellation`);
    await h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: fixture('calls') });
    const top = (await post('/v2/process-instances', { processDefinitionId: 'top' })).json().processInstanceKey;
    const search = async (body: object) => (await post('/v2/process-instances/search', body)).json();
    // when / then
    expect(await search({ filter: { processDefinitionId: 'simple' } })).toMatchObject({
      items: [
        { processInstanceKey: failing, state: 'ACTIVE', hasIncident: true, processDefinitionVersion: 1 },
        { processInstanceKey: cancelled, state: 'TERMINATED', hasIncident: false, endDate: expect.any(String) },
      ],
      page: { totalItems: 2 },
    });
    expect((await search({ filter: { state: 'TERMINATED' } })).items.map((i: { processInstanceKey: string }) => i.processInstanceKey)).toEqual([cancelled]);
    const [middle] = (await search({ filter: { parentProcessInstanceKey: top } })).items;
    expect(middle).toMatchObject({ processDefinitionId: 'middle', parentProcessInstanceKey: top, state: 'ACTIVE' });
    expect(await search({ filter: { parentProcessInstanceKey: middle.processInstanceKey } })).toMatchObject({
      items: [{ processDefinitionId: 'leaf', parentProcessInstanceKey: middle.processInstanceKey }],
      page: { totalItems: 1 },
    });
    expect(await search({ filter: { parentProcessInstanceKey: 'nope' } })).toEqual({ items: [], page: { totalItems: 0, hasMoreTotalItems: false } });
    expect((await search({ page: { from: 4, limit: 10 } })).page.totalItems).toBe(5);
  });

  it('long-polls activation until a job appears, woken by the engine events', async () => {
    await h.deploySimple();
    const pending = post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 30_000 });
    const key = await h.startSimple();
    expect((await pending).json().jobs.map((j: { processInstanceKey: string }) => j.processInstanceKey)).toEqual([key]);
  });

  it('publishes messages and broadcasts signals', async () => {
    expect((await post('/v2/messages/publication', { name: 'paid', correlationKey: 'o-1', timeToLive: 1000 })).statusCode).toBe(200);
    expect((await post('/v2/messages/correlation', { name: 'paid', correlationKey: 'o-1' })).statusCode).toBe(404);
    expect((await post('/v2/signals/broadcast', { signalName: 'stop' })).statusCode).toBe(200);
  });
});

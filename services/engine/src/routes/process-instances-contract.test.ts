import { CreateProcessInstanceResult, IncidentSearchQueryResult, ProcessInstanceElementStatisticsQueryResult, ProcessInstanceCallHierarchy, ProcessInstanceDetail, ProcessInstanceSearchQueryResult, ProcessInstanceSequenceFlowsQueryResult } from '@baton/api';
import { describe, expect, it } from 'vitest';
import { fixture, harness } from '../__fixtures__/harness.js';
import { errorsOf, runtimeSuite } from '../__fixtures__/contract-harness.js';

type Item = { processInstanceKey: string };
const keysOf = (body: { items: Item[] }): string[] => body.items.map((i) => i.processInstanceKey);

/** Issue 13: the process-instance family in Camunda 8.8's shapes, from the contract (@baton/api), on the runtime. */
describe('process-instance operations of the contract (runtime, in-memory)', () => {
  const suite = runtimeSuite();

  const post = (url: string, payload: object) => suite.h.app.inject({ method: 'POST', url, payload });
  const get = (url: string) => suite.h.app.inject({ method: 'GET', url });
  const search = async (body: object) => {
    const res = await post('/v2/process-instances/search', body);
    expect(res.statusCode, res.body).toBe(200);
    const json = res.json();
    expect(errorsOf(ProcessInstanceSearchQueryResult, json)).toEqual([]);
    return json;
  };
  const deployCalls = () => suite.h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: fixture('calls') });

  it('creates an instance with the 8.8 result: tenantId and variables ({} unless awaited)', async () => {
    // given
    const processDefinitionKey = await suite.h.deploySimple();
    // when
    const res = await post('/v2/process-instances', { processDefinitionId: 'simple', variables: { amount: 3 }, tenantId: '<default>', operationReference: 7, startInstructions: [], tags: [] });
    // then
    expect(res.statusCode).toBe(200);
    expect(errorsOf(CreateProcessInstanceResult, res.json())).toEqual([]);
    expect(processDefinitionKey).toMatch(/^[0-9]+$/);
    expect(res.json()).toEqual({ processInstanceKey: expect.stringMatching(/^[0-9]+$/), processDefinitionId: 'simple', processDefinitionKey, processDefinitionVersion: 1, tenantId: '<default>', variables: {} });
  });

  it('refuses start instructions, runtime instructions and tags it cannot honour, naming the field, and starts nothing', async () => {
    // given
    await suite.h.deploySimple();
    const asks = { startInstructions: [{ elementId: 'approve' }], runtimeInstructions: [{ type: 'TERMINATE_PROCESS_INSTANCE', afterElementId: 'charge' }], tags: ['vip'] };
    for (const [field, value] of Object.entries(asks)) {
      // when
      const res = await post('/v2/process-instances', { processDefinitionId: 'simple', [field]: value });
      // then
      expect(res.statusCode, field).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
      expect(res.json().detail).toContain(field);
    }
    expect((await search({})).page.totalItems).toBe(0);
  });

  it('GET answers 8.8\'s ProcessInstanceResult (name, tenant, parent element) plus Baton\'s variables, waits and incidents', async () => {
    // given: top → middle → leaf, waiting on the leaf's user task
    await deployCalls();
    const top = (await post('/v2/process-instances', { processDefinitionId: 'top' })).json().processInstanceKey;
    const [middle] = (await search({ filter: { parentProcessInstanceKey: top } })).items;
    // when
    const res = await get(`/v2/process-instances/${middle.processInstanceKey}`);
    // then
    expect(res.statusCode).toBe(200);
    expect(errorsOf(ProcessInstanceDetail, res.json())).toEqual([]);
    expect(res.json()).toMatchObject({
      processDefinitionId: 'middle',
      processDefinitionName: 'middle',
      tenantId: '<default>',
      parentProcessInstanceKey: top,
      parentElementInstanceKey: expect.any(String),
      variables: {},
      waiting: [],
      incidents: [],
    });
    expect(middle.parentElementInstanceKey).toBe(res.json().parentElementInstanceKey);
  });

  it('call hierarchy: the callers root first, ending with the instance; 404 for an unknown one', async () => {
    // given
    const deployed: { processDefinition: { processDefinitionId: string; processDefinitionKey: string } }[] = (await deployCalls()).json().deployments;
    const keyOf = (processDefinitionId: string) => deployed.find((d) => d.processDefinition.processDefinitionId === processDefinitionId)?.processDefinition.processDefinitionKey;
    const top = (await post('/v2/process-instances', { processDefinitionId: 'top' })).json().processInstanceKey;
    const [middle] = (await search({ filter: { parentProcessInstanceKey: top } })).items;
    const [leaf] = (await search({ filter: { parentProcessInstanceKey: middle.processInstanceKey } })).items;
    // when
    const res = await get(`/v2/process-instances/${leaf.processInstanceKey}/call-hierarchy`);
    // then
    expect(res.statusCode).toBe(200);
    expect(errorsOf(ProcessInstanceCallHierarchy, res.json())).toEqual([]);
    expect(res.json()).toEqual([
      { processInstanceKey: top, processDefinitionKey: keyOf('top'), processDefinitionName: 'top' },
      { processInstanceKey: middle.processInstanceKey, processDefinitionKey: keyOf('middle'), processDefinitionName: 'middle' },
      { processInstanceKey: leaf.processInstanceKey, processDefinitionKey: keyOf('leaf'), processDefinitionName: 'leaf' },
    ]);
    expect(new Set(['top', 'middle', 'leaf'].map(keyOf)).size).toBe(3);
    const unknown = await get('/v2/process-instances/99999999999999/call-hierarchy');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
  });

  it('sequence flows: the flows the history shows taken, each once', async () => {
    // given: simple ran its job; the token waits on the user task
    const key = await suite.h.startSimple();
    const processDefinitionKey = await suite.h.deploySimple();
    const { jobs } = (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 })).json();
    await post(`/v2/jobs/${jobs[0].jobKey}/completion`, {});
    const history: { type: string; flowId?: string }[] = (await get(`/v2/process-instances/${key}/history`)).json().items;
    const taken = [...new Set(history.filter((e) => e.type === 'FlowTaken').map((e) => e.flowId))];
    // when
    const res = await get(`/v2/process-instances/${key}/sequence-flows`);
    // then
    expect(res.statusCode).toBe(200);
    expect(errorsOf(ProcessInstanceSequenceFlowsQueryResult, res.json())).toEqual([]);
    expect(taken.length).toBeGreaterThan(1);
    expect(res.json().items).toEqual(
      taken.map((flowId) => ({ sequenceFlowId: `${key}_${flowId}`, processInstanceKey: key, processDefinitionKey, processDefinitionId: 'simple', elementId: flowId, tenantId: '<default>' })),
    );
  });

  it('element statistics: per element, active, with incident, completed and cancelled instances', async () => {
    // given: one instance past its job, then waiting on approve; one whose job failed with no retries left
    const [passed, failed] = [await suite.h.startSimple(), await suite.h.startSimple()];
    const { jobs } = (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 2, requestTimeout: -1 })).json();
    const jobOf = (key: string) => jobs.find((j: { processInstanceKey: string }) => j.processInstanceKey === key).jobKey;
    await post(`/v2/jobs/${jobOf(passed)}/completion`, {});
    await post(`/v2/jobs/${jobOf(failed)}/failure`, { retries: 0, errorMessage: 'declined' });
    const statistics = async (key: string) => {
      const res = await get(`/v2/process-instances/${key}/statistics/element-instances`);
      expect(res.statusCode, res.body).toBe(200);
      expect(errorsOf(ProcessInstanceElementStatisticsQueryResult, res.json())).toEqual([]);
      return res.json().items;
    };
    // when / then
    expect(await statistics(passed)).toEqual(
      expect.arrayContaining([
        { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 1 },
        { elementId: 'charge', active: 0, canceled: 0, incidents: 0, completed: 1 },
        { elementId: 'approve', active: 1, canceled: 0, incidents: 0, completed: 0 },
      ]),
    );
    expect(await statistics(failed)).toContainEqual({ elementId: 'charge', active: 0, canceled: 0, incidents: 1, completed: 0 });
    await post(`/v2/process-instances/${passed}/cancellation`, {});
    expect(await statistics(passed)).toContainEqual({ elementId: 'approve', active: 0, canceled: 1, incidents: 0, completed: 0 });
    expect((await statistics(passed)).map((row: { elementId: string }) => row.elementId)).not.toContain('simple');
  });

  it('incidents of an instance: its open ones in 8.8\'s shape (errorType from 8.8\'s enum, tenantId), sorted and paged', async () => {
    // given: two instances whose jobs failed with no retries left
    const keys = [await suite.h.startSimple(), await suite.h.startSimple()];
    const { jobs } = (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 2, requestTimeout: -1 })).json();
    for (const job of jobs) await post(`/v2/jobs/${job.jobKey}/failure`, { retries: 0, errorMessage: `declined ${job.processInstanceKey}` });
    // when
    const res = await post(`/v2/process-instances/${keys[1]}/incidents/search`, { sort: [{ field: 'creationTime', order: 'DESC' }], page: { limit: 5 } });
    // then
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(IncidentSearchQueryResult, res.json())).toEqual([]);
    expect(res.json().items).toEqual([
      expect.objectContaining({ processInstanceKey: keys[1], elementId: 'charge', errorType: 'JOB_NO_RETRIES', errorMessage: `declined ${keys[1]}`, state: 'ACTIVE', tenantId: '<default>' }),
    ]);
    expect(res.json().page).toMatchObject({ totalItems: 1, hasMoreTotalItems: false });
    const unknown = await post('/v2/process-instances/99999999999999/incidents/search', {});
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    const notAKey = await post('/v2/process-instances/nope/incidents/search', {});
    expect(notAKey.statusCode).toBe(400);
    expect(notAKey.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { part: 'params', field: 'processInstanceKey' } });
    expect((await post(`/v2/process-instances/${keys[0]}/incidents/search`, { filter: {} })).json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'filter' } });
  });

  it('searches by definition key, version, incident and start date range, sorted, with 8.8 items', async () => {
    // given: three instances a minute apart, the second with an incident
    const first = await suite.h.startSimple();
    await suite.clock.advanceBy(60_000);
    const second = await suite.h.startSimple();
    const { jobs } = (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 2, requestTimeout: -1 })).json();
    const secondJob = jobs.find((j: { processInstanceKey: string }) => j.processInstanceKey === second);
    await post(`/v2/jobs/${secondJob.jobKey}/failure`, { retries: 0, errorMessage: 'declined' });
    await suite.clock.advanceBy(60_000);
    const third = await suite.h.startSimple();
    const secondStart = new Date(1_700_000_060_000).toISOString();
    const processDefinitionKey = await suite.h.deploySimple();
    // when / then
    expect(keysOf(await search({ filter: { processDefinitionKey, processDefinitionVersion: 1 } }))).toEqual([first, second, third]);
    expect(keysOf(await search({ filter: { processDefinitionKey: { $eq: '99999999999999' } } }))).toEqual([]);
    expect(keysOf(await search({ filter: { hasIncident: true } }))).toEqual([second]);
    expect(keysOf(await search({ filter: { hasIncident: false } }))).toEqual([first, third]);
    expect(keysOf(await search({ filter: { startDate: { $gte: secondStart } } }))).toEqual([second, third]);
    expect(keysOf(await search({ filter: { startDate: { $lt: secondStart } } }))).toEqual([first]);
    expect(keysOf(await search({ filter: { startDate: secondStart } }))).toEqual([second]);
    expect(keysOf(await search({ filter: { endDate: { $exists: true } } }))).toEqual([]);
    expect(keysOf(await search({ filter: { processInstanceKey: third } }))).toEqual([third]);
    expect(keysOf(await search({ filter: { tenantId: 'other' } }))).toEqual([]);
    expect(keysOf(await search({ sort: [{ field: 'startDate', order: 'DESC' }] }))).toEqual([third, second, first]);
    expect(keysOf(await search({ sort: [{ field: 'hasIncident', order: 'DESC' }, { field: 'startDate' }] }))).toEqual([second, first, third]);
    const [item] = (await search({ filter: { processInstanceKey: second } })).items;
    expect(item).toEqual({
      processInstanceKey: second,
      processDefinitionId: 'simple',
      processDefinitionName: 'Simple',
      processDefinitionVersion: 1,
      processDefinitionKey,
      startDate: secondStart,
      state: 'ACTIVE',
      hasIncident: true,
      tenantId: '<default>',
    });
  });

  it('pages with from/limit and with after/before cursors, sorted or not', async () => {
    // given
    const keys = [await suite.h.startSimple(), await suite.h.startSimple(), await suite.h.startSimple()];
    for (const sort of [[], [{ field: 'processDefinitionId' }]]) {
      // when
      const firstPage = await search({ sort, page: { limit: 2 } });
      const after = await search({ sort, page: { limit: 2, after: firstPage.page.endCursor } });
      const before = await search({ sort, page: { limit: 2, before: after.page.startCursor } });
      // then
      expect(firstPage.page).toMatchObject({ totalItems: 3, hasMoreTotalItems: false });
      expect(keysOf(firstPage)).toEqual(keys.slice(0, 2));
      expect(keysOf(after)).toEqual(keys.slice(2));
      expect(keysOf(before)).toEqual(keys.slice(0, 2));
      expect(keysOf(await search({ sort, page: { from: 1, limit: 1 } }))).toEqual([keys[1]]);
    }
  });

  it('refuses filters Baton does not keep and unknown sort fields, naming the field', async () => {
    for (const [body, field] of [
      [{ filter: { variables: [{ name: 'a', value: '1' }] } }, 'filter'],
      [{ filter: { errorMessage: 'x' } }, 'filter'],
      [{ sort: [{ field: 'amount' }] }, 'sort'],
      [{ filter: { startDate: { $between: 'x' } } }, 'filter.startDate'],
    ] as const) {
      const res = await post('/v2/process-instances/search', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(String(res.json().details.field)).toContain(field);
    }
  });
});

describe('/openapi.json takes the process-instance operations from the contract', () => {
  it('lists create, search, call hierarchy and sequence flows with the 8.8 schemas', async () => {
    // given
    const h = await harness();
    try {
      // when
      const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      // then
      const json = (operation: { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content: Record<string, { schema: unknown }> }> }) =>
        operation.responses['200']?.content['application/json']?.schema as { required?: string[]; properties: Record<string, { items: { required: string[] } }> };
      expect(doc.paths['/v2/process-instances'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('startInstructions');
      expect(json(doc.paths['/v2/process-instances'].post).required).toEqual(expect.arrayContaining(['tenantId', 'variables']));
      expect(json(doc.paths['/v2/process-instances/search'].post).properties['items']?.items.required).toEqual(expect.arrayContaining(['processDefinitionName', 'tenantId']));
      expect(doc.paths['/v2/process-instances/{processInstanceKey}/call-hierarchy'].get.tags).toEqual(['process instances']);
      expect(doc.paths['/v2/process-instances/{processInstanceKey}/sequence-flows'].get.tags).toEqual(['process instances']);
    } finally {
      await h.close();
    }
  });
});

import { IncidentResult, IncidentSearchQueryResult } from '@baton/api';
import { describe, expect, it } from 'vitest';
import { errorsOf, runtimeSuite } from '../__fixtures__/contract-harness.js';

type Incident = { incidentKey: string; processInstanceKey: string; creationTime: string };

/** Issue 13: the incident family in Camunda 8.8's shapes, from the contract (@baton/api), on the runtime. */
describe('incident operations of the contract (runtime, in-memory)', () => {
  const suite = runtimeSuite();
  const post = (url: string, payload?: object) => suite.h.app.inject({ method: 'POST', url, ...(payload === undefined ? {} : { payload }) });
  const get = (url: string) => suite.h.app.inject({ method: 'GET', url });
  const activate = async (): Promise<{ jobKey: string; retries: number }[]> =>
    (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 5, requestTimeout: -1 })).json().jobs;
  /** Starts `simple` and fails its job with no retries left: an incident. Returns the instance key. */
  const withIncident = async (errorMessage = 'card declined'): Promise<string> => {
    const key = await suite.h.startSimple();
    const job = (await activate())[0];
    expect((await post(`/v2/jobs/${job?.jobKey ?? ''}/failure`, { retries: 0, errorMessage })).statusCode).toBe(204);
    return key;
  };
  const search = async (body: object = {}) => {
    const res = await post('/v2/incidents/search', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(IncidentSearchQueryResult, res.json())).toEqual([]);
    return res.json() as { items: Incident[]; page: { totalItems: number; endCursor?: string } };
  };

  it('searches open incidents in 8.8\'s IncidentResult shape: errorType, state, tenantId, filters, sort, cursors', async () => {
    // given: two incidents, the second a second later
    const first = await withIncident('card declined');
    await suite.clock.advanceBy(1_000);
    const second = await withIncident('card expired');
    // when
    const all = await search();
    const ofOne = await search({ filter: { processInstanceKey: second } });
    const byType = await search({ filter: { errorType: 'JOB_NO_RETRIES', errorMessage: { $eq: 'card declined' } } });
    const since = await search({ filter: { creationTime: { $gt: all.items[0]?.creationTime ?? '' } } });
    const newestFirst = await search({ sort: [{ field: 'creationTime', order: 'DESC' }] });
    const page1 = await search({ page: { limit: 1 } });
    const page2 = await search({ page: { limit: 1, after: page1.page.endCursor } });
    const resolved = await search({ filter: { state: 'RESOLVED' } });
    const otherTenant = await search({ filter: { tenantId: 'acme' } });
    // then
    expect(all.page.totalItems).toBe(2);
    expect(all.items[0]).toEqual({
      incidentKey: expect.any(String),
      processDefinitionId: 'simple',
      processDefinitionKey: expect.any(String),
      processInstanceKey: first,
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'card declined',
      elementId: 'charge',
      elementInstanceKey: expect.any(String),
      creationTime: new Date(suite.clock.now() - 1_000).toISOString(),
      state: 'ACTIVE',
      tenantId: '<default>',
      jobKey: expect.any(String),
    });
    expect(ofOne.items.map((i) => i.processInstanceKey)).toEqual([second]);
    expect(byType.items.map((i) => i.processInstanceKey)).toEqual([first]);
    expect(since.items.map((i) => i.processInstanceKey)).toEqual([second]);
    expect(newestFirst.items.map((i) => i.processInstanceKey)).toEqual([second, first]);
    expect([...page1.items, ...page2.items]).toEqual(all.items);
    expect(resolved).toEqual({ items: [], page: { totalItems: 0, hasMoreTotalItems: false } });
    expect(otherTenant.items).toEqual([]);
  });

  it('GET /v2/incidents/{incidentKey} answers the incident, and 404 for a key that is not an open incident', async () => {
    // given
    await withIncident();
    const [listed] = (await search()).items;
    // when
    const res = await get(`/v2/incidents/${listed?.incidentKey ?? ''}`);
    const unknown = await get('/v2/incidents/424242');
    // then
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(IncidentResult, res.json())).toEqual([]);
    expect(res.json()).toEqual(listed);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: expect.stringContaining('424242') });
  });

  it('resolves an incident: its job is activatable again with the given retries; the incident is gone; a second resolution is 404', async () => {
    // given
    const key = await withIncident();
    const [incident] = (await search()).items;
    const path = `/v2/incidents/${incident?.incidentKey ?? ''}`;
    // when
    const resolved = await post(`${path}/resolution`, { retries: 2, operationReference: 7 });
    // then
    expect(resolved.statusCode, resolved.body).toBe(204);
    expect((await get(`/v2/process-instances/${key}`)).json()).toMatchObject({ hasIncident: false, incidents: [] });
    expect((await activate()).map((j) => j.retries)).toEqual([2]);
    expect((await search()).items).toEqual([]);
    expect((await get(path)).statusCode).toBe(404);
    expect((await post(`${path}/resolution`)).statusCode).toBe(404);
  });

  it('refuses a bad filter, retries below 1 and an unknown field, naming the field', async () => {
    // when
    const state = await post('/v2/incidents/search', { filter: { state: 'GONE' } });
    const unknownFilter = await post('/v2/incidents/search', { filter: { errorKind: 'x' } });
    const retries = await post('/v2/incidents/424242/resolution', { retries: 0 });
    const unknownField = await post('/v2/incidents/424242/resolution', { retriez: 2 });
    // then
    expect(state.statusCode).toBe(400);
    expect(state.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'filter.state' } });
    expect(unknownFilter.statusCode).toBe(400);
    expect(unknownFilter.json().detail).toContain('errorKind');
    expect(retries.statusCode).toBe(400);
    expect(retries.json().details.field).toBe('retries');
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().detail).toContain('retriez');
  });
});

import { JobActivationResult, JobSearchQueryResult } from '@baton/api';
import { VirtualClock } from '@baton/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';
import { errorsOf, runtimeHarness } from '../__fixtures__/contract-harness.js';

/** Issue 13: the jobs family in Camunda 8.8's shapes, from the contract (@baton/api), on the runtime. */
describe('jobs operations of the contract (runtime, in-memory)', () => {
  let h: Harness;
  let clock: VirtualClock;
  beforeEach(async () => {
    clock = new VirtualClock(1_700_000_000_000);
    h = await runtimeHarness(clock);
  });
  afterEach(() => h.close());

  const post = (url: string, payload: object) => h.app.inject({ method: 'POST', url, payload });
  const patch = (jobKey: string, payload: object) => h.app.inject({ method: 'PATCH', url: `/v2/jobs/${jobKey}`, payload });
  const activate = async (extra: object = {}) =>
    (await post('/v2/jobs/activation', { type: 'charge-card', worker: 'w1', timeout: 60_000, maxJobsToActivate: 5, requestTimeout: -1, ...extra })).json();

  it('activates jobs with every field 8.8 requires (tenantId, processDefinitionVersion, kind) and only the fetched variables', async () => {
    // given
    const key = await h.startSimple({ amount: 7, secret: 's' });
    // when
    const body = await activate({ fetchVariable: ['amount', 'missing'] });
    // then
    expect(errorsOf(JobActivationResult, body)).toEqual([]);
    expect(body.jobs).toEqual([
      expect.objectContaining({ processInstanceKey: key, tenantId: '<default>', processDefinitionVersion: 1, kind: 'BPMN_ELEMENT', listenerEventType: 'UNSPECIFIED', variables: { amount: 7 } }),
    ]);
  });

  it('PATCH /v2/jobs/{jobKey} sets the retries the next activation and the search show', async () => {
    // given
    await h.startSimple();
    const [job] = (await activate()).jobs;
    // when
    const res = await patch(job.jobKey, { changeset: { retries: 9 } });
    // then
    expect(res.statusCode).toBe(204);
    const found = (await post('/v2/jobs/search', { filter: { jobKey: job.jobKey } })).json();
    expect(found.items).toMatchObject([{ jobKey: job.jobKey, retries: 9, state: 'CREATED' }]);
  });

  it('PATCH timeout ends the activation that many ms from now: the job goes to another worker then, not at the old deadline', async () => {
    // given
    await h.startSimple();
    const [job] = (await activate()).jobs;
    expect((await activate({ worker: 'w2' })).jobs).toEqual([]);
    // when
    expect((await patch(job.jobKey, { changeset: { timeout: 1_000 } })).statusCode).toBe(204);
    // then: not before the new timeout, and at it (long before the old 60 s deadline)
    await clock.advanceBy(999);
    expect((await activate({ worker: 'w2' })).jobs).toEqual([]);
    await clock.advanceBy(1);
    expect((await activate({ worker: 'w2' })).jobs).toMatchObject([{ jobKey: job.jobKey, worker: 'w2' }]);
  });

  it('PATCH refuses an empty changeset, an unknown field and a closed job, naming what is wrong', async () => {
    // given
    await h.startSimple();
    const [job] = (await activate()).jobs;
    // when
    const empty = await patch(job.jobKey, { changeset: {} });
    const unknown = await patch(job.jobKey, { changeset: { retries: 2, retriez: 3 } });
    await post(`/v2/jobs/${job.jobKey}/completion`, {});
    const closed = await patch(job.jobKey, { changeset: { retries: 2 } });
    // then
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(unknown.json().detail).toContain('retriez');
    expect(closed.json()).toMatchObject({ code: 'JOB_NOT_OPEN' });
  });

  it('POST /v2/jobs/search answers 8.8 pages: filter, limit, cursors after/before, totalItems', async () => {
    // given: two open jobs, one failed with no retries left
    const first = await h.startSimple();
    const second = await h.startSimple();
    const jobs = (await activate()).jobs as { jobKey: string; processInstanceKey: string }[];
    const failed = jobs.find((j) => j.processInstanceKey === second)!;
    await post(`/v2/jobs/${failed.jobKey}/failure`, { retries: 0, errorMessage: 'card declined' });
    // when
    const page1 = (await post('/v2/jobs/search', { filter: { type: 'charge-card' }, page: { limit: 1 } })).json();
    const page2 = (await post('/v2/jobs/search', { filter: { type: 'charge-card' }, page: { limit: 1, after: page1.page.endCursor } })).json();
    const back = (await post('/v2/jobs/search', { filter: { type: 'charge-card' }, page: { limit: 1, before: page2.page.startCursor } })).json();
    const failedOnly = (await post('/v2/jobs/search', { filter: { state: { $eq: 'FAILED' } } })).json();
    const otherTenant = (await post('/v2/jobs/search', { filter: { tenantId: 'acme' } })).json();
    // then
    for (const body of [page1, page2, back, failedOnly, otherTenant]) expect(errorsOf(JobSearchQueryResult, body)).toEqual([]);
    expect(page1).toMatchObject({ items: [{ processInstanceKey: first, tenantId: '<default>' }], page: { totalItems: 2, hasMoreTotalItems: false } });
    expect(page2.items.map((j: { processInstanceKey: string }) => j.processInstanceKey)).toEqual([second]);
    expect(back.items).toEqual(page1.items);
    expect(failedOnly.items).toMatchObject([{ jobKey: failed.jobKey, state: 'FAILED', retries: 0, errorMessage: 'card declined', hasFailedWithRetriesLeft: false }]);
    expect(otherTenant).toEqual({ items: [], page: { totalItems: 0, hasMoreTotalItems: false } });
  });

  it('search refuses a cursor it did not give and a sort it cannot honour, naming the field', async () => {
    // when
    const cursor = await post('/v2/jobs/search', { page: { after: 'not-a-cursor' } });
    const sort = await post('/v2/jobs/search', { sort: [{ field: 'retries', order: 'DESC' }] });
    // then
    expect(cursor.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'page.after' } });
    expect(sort.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'sort' } });
  });
});

describe('/openapi.json takes the jobs operations from the contract', () => {
  it('lists PATCH /v2/jobs/{jobKey} and the search, with the contract schemas', async () => {
    // given
    const h = await harness();
    try {
      // when
      const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      // then
      expect(doc.paths['/v2/jobs/{jobKey}'].patch.requestBody.content['application/json'].schema.properties.changeset.properties).toHaveProperty('timeout');
      expect(doc.paths['/v2/jobs/search'].post.responses['200'].content['application/json'].schema.properties.page.required).toContain('hasMoreTotalItems');
      expect(doc.paths['/v2/jobs/activation'].post.responses['200'].content['application/json'].schema.properties.jobs.items.required).toContain('tenantId');
    } finally {
      await h.close();
    }
  });
});

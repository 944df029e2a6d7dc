import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';

describe('incident routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  async function withIncident(): Promise<string> {
    const key = await h.startSimple();
    const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'w', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await h.engine.failJob(job?.jobKey ?? '', { retries: 0, errorMessage: 'card declined', retryBackOffMs: 0 });
    return key;
  }

  it('lists open incidents and resolves one, after which the job can be activated again', async () => {
    // given
    const key = await withIncident();
    // when
    const found = await h.app.inject({ method: 'POST', url: '/v2/incidents/search', payload: { filter: { processInstanceKey: key } } });
    // then
    expect(found.statusCode).toBe(200);
    const [incident] = found.json().items;
    expect(incident).toMatchObject({ processInstanceKey: key, elementId: 'charge', errorType: 'JOB_NO_RETRIES', errorMessage: 'card declined', state: 'ACTIVE' });

    const resolved = await h.app.inject({ method: 'POST', url: `/v2/incidents/${incident.incidentKey}/resolution`, payload: { retries: 2 } });
    expect(resolved.statusCode).toBe(204);
    expect((await h.engine.getInstance(key)).hasIncident).toBe(false);
    const jobs = await h.engine.activateJobs({ type: 'charge-card', worker: 'w', timeoutMs: 60_000, maxJobsToActivate: 1 });
    expect(jobs.map((j) => j.retries)).toEqual([2]);

    const again = await h.app.inject({ method: 'POST', url: `/v2/incidents/${incident.incidentKey}/resolution` });
    expect(again.statusCode).toBe(404);
  });

  it('searches with no body, and answers 400 for a bad filter', async () => {
    await withIncident();
    const all = await h.app.inject({ method: 'POST', url: '/v2/incidents/search' });
    expect(all.json().page.totalItems).toBe(1);
    const bad = await h.app.inject({ method: 'POST', url: '/v2/incidents/search', payload: { filter: { state: 'GONE' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('filter.state');
  });

  it('answers 400 for retries below 1', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/incidents/x/resolution', payload: { retries: 0 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('retries');
  });
});

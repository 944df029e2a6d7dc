import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';

const activation = { type: 'charge-card', worker: 'w1', timeout: 60_000, maxJobsToActivate: 5 };

describe('job routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  async function activateOne(): Promise<{ jobKey: string; processInstanceKey: string }> {
    const res = await h.app.inject({ method: 'POST', url: '/v2/jobs/activation', payload: { ...activation, requestTimeout: -1 } });
    const [job] = res.json().jobs;
    return job;
  }

  it('activates a waiting job with its variables, headers and deadline', async () => {
    const key = await h.startSimple({ amount: 7 });
    const res = await h.app.inject({ method: 'POST', url: '/v2/jobs/activation', payload: activation });
    expect(res.statusCode).toBe(200);
    expect(res.json().jobs).toEqual([
      expect.objectContaining({
        type: 'charge-card',
        processInstanceKey: key,
        elementId: 'charge',
        variables: { amount: 7 },
        customHeaders: { currency: 'EUR' },
        retries: 3,
        worker: 'w1',
        deadline: expect.any(Number),
      }),
    ]);
  });

  it('long-polls: a request made before the job exists receives it', async () => {
    await h.deploySimple();
    const pending = h.app.inject({ method: 'POST', url: '/v2/jobs/activation', payload: { ...activation, requestTimeout: 30_000 } });
    const key = await h.startSimple();
    const res = await pending;
    expect(res.json().jobs.map((j: { processInstanceKey: string }) => j.processInstanceKey)).toEqual([key]);
  });

  it('answers at once with no jobs when requestTimeout is negative', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/jobs/activation', payload: { ...activation, requestTimeout: -1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ jobs: [] });
  });

  it('answers 400 naming the field for a bad activation body', async () => {
    const { type: _omit, ...noType } = activation;
    const res = await h.app.inject({ method: 'POST', url: '/v2/jobs/activation', payload: noType });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'type' } });

    const zero = await h.app.inject({ method: 'POST', url: '/v2/jobs/activation', payload: { ...activation, maxJobsToActivate: 0 } });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().details.field).toBe('maxJobsToActivate');
  });

  it('completes a job once; a second completion is refused and changes nothing', async () => {
    // given
    const key = await h.startSimple();
    const { jobKey } = await activateOne();
    // when
    const first = await h.app.inject({ method: 'POST', url: `/v2/jobs/${jobKey}/completion`, payload: { variables: { receipt: 'r-1' } } });
    const afterFirst = await h.engine.getInstance(key);
    const historyLength = (await h.engine.getHistory(key)).length;
    const second = await h.app.inject({ method: 'POST', url: `/v2/jobs/${jobKey}/completion`, payload: { variables: { receipt: 'r-2' } } });
    // then
    expect(first.statusCode).toBe(204);
    expect(afterFirst.variables).toEqual({ receipt: 'r-1' });
    expect([404, 409]).toContain(second.statusCode);
    expect(second.json().code).toMatch(/JOB_NOT_OPEN|STALE_COMMAND/);
    expect(await h.engine.getInstance(key)).toEqual(afterFirst);
    expect((await h.engine.getHistory(key)).length).toBe(historyLength);
  });

  it('completes a job sent without a body', async () => {
    await h.startSimple();
    const { jobKey } = await activateOne();
    const res = await h.app.inject({ method: 'POST', url: `/v2/jobs/${jobKey}/completion` });
    expect(res.statusCode).toBe(204);
  });

  it('answers 404 for an unknown job, and 400 naming jobKey for one that is not a key, on every outcome route', async () => {
    for (const [path, payload] of [
      ['completion', { variables: {} }],
      ['failure', { retries: 1, errorMessage: 'x' }],
      ['error', { errorCode: 'E' }],
    ] as const) {
      const res = await h.app.inject({ method: 'POST', url: `/v2/jobs/99999999999999/${path}`, payload });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'JOB_NOT_OPEN', details: { jobKey: '99999999999999' } });
      const notAKey = await h.app.inject({ method: 'POST', url: `/v2/jobs/nope/${path}`, payload });
      expect(notAKey.statusCode).toBe(400);
      expect(notAKey.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { part: 'params', field: 'jobKey' } });
    }
  });

  it('fails a job with retries left, then without: an incident opens', async () => {
    const key = await h.startSimple();
    const { jobKey } = await activateOne();
    const retry = await h.app.inject({ method: 'POST', url: `/v2/jobs/${jobKey}/failure`, payload: { retries: 1, errorMessage: 'card declined' } });
    expect(retry.statusCode).toBe(204);
    expect((await h.engine.getInstance(key)).hasIncident).toBe(false);

    const again = await activateOne();
    const last = await h.app.inject({ method: 'POST', url: `/v2/jobs/${again.jobKey}/failure`, payload: { retries: 0, errorMessage: 'card declined' } });
    expect(last.statusCode).toBe(204);
    expect(await h.engine.getInstance(key)).toMatchObject({ hasIncident: true, incidents: [{ errorType: 'JOB_NO_RETRIES', elementId: 'charge' }] });
  });

  it('answers 400 for a failure with negative retries', async () => {
    await h.startSimple();
    const { jobKey } = await activateOne();
    const res = await h.app.inject({ method: 'POST', url: `/v2/jobs/${jobKey}/failure`, payload: { retries: -1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('retries');
  });

  it('throws a BPMN error; errorCode is required', async () => {
    await h.startSimple();
    const { jobKey } = await activateOne();
    const bad = await h.app.inject({ method: 'POST', url: `/v2/jobs/${jobKey}/error`, payload: { errorMessage: 'no code' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('errorCode');
    const res = await h.app.inject({ method: 'POST', url: `/v2/jobs/${jobKey}/error`, payload: { errorCode: 'DECLINED', variables: { reason: 'x' } } });
    expect(res.statusCode).toBe(204);
  });
});

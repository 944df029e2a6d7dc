import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';

describe('user task routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  /** Starts an instance and completes its job, so it waits on user task `approve`. */
  async function atUserTask(variables: Record<string, unknown> = {}): Promise<{ key: string; userTaskKey: string }> {
    const key = await h.startSimple(variables);
    const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'w', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await h.engine.completeJob(job?.jobKey ?? '', {});
    const userTaskKey = (await h.engine.getInstance(key)).waiting[0]?.userTaskKey ?? '';
    return { key, userTaskKey };
  }

  const search = (body: unknown) => h.app.inject({ method: 'POST', url: '/v2/user-tasks/search', payload: body as object });

  it('searches by candidate group, assignee and instance', async () => {
    const { key, userTaskKey } = await atUserTask();
    const byGroup = await search({ filter: { candidateGroup: 'managers' } });
    expect(byGroup.statusCode).toBe(200);
    expect(byGroup.json()).toMatchObject({ items: [{ userTaskKey, elementId: 'approve', processInstanceKey: key, state: 'CREATED' }], page: { totalItems: 1 } });
    expect((await search({ filter: { candidateGroup: 'clerks' } })).json().items).toEqual([]);
    expect((await search({ filter: { assignee: 'ann' } })).json().items).toEqual([]);
    expect((await search({ filter: { processInstanceKey: key } })).json().items).toHaveLength(1);
    expect((await search({})).json().items).toHaveLength(1);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const res = await search({ filter: { state: 'DONE' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'filter.state' } });
  });

  it('claims and unclaims a task', async () => {
    const { userTaskKey } = await atUserTask();
    const claim = await h.app.inject({ method: 'POST', url: `/v2/user-tasks/${userTaskKey}/assignment`, payload: { assignee: 'ann' } });
    expect(claim.statusCode).toBe(204);
    expect((await search({ filter: { assignee: 'ann' } })).json().items).toMatchObject([{ userTaskKey, assignee: 'ann' }]);

    const unclaim = await h.app.inject({ method: 'DELETE', url: `/v2/user-tasks/${userTaskKey}/assignee` });
    expect(unclaim.statusCode).toBe(204);
    expect((await search({ filter: { assignee: 'ann' } })).json().items).toEqual([]);
  });

  it('answers 400 for an assignment without assignee', async () => {
    const { userTaskKey } = await atUserTask();
    const res = await h.app.inject({ method: 'POST', url: `/v2/user-tasks/${userTaskKey}/assignment`, payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('assignee');
  });

  it('completes a task once with variables; a second completion is a 404 and changes nothing', async () => {
    const { key, userTaskKey } = await atUserTask({ amount: 150 });
    const first = await h.app.inject({ method: 'POST', url: `/v2/user-tasks/${userTaskKey}/completion`, payload: { variables: { approved: true } } });
    expect(first.statusCode).toBe(204);
    const after = await h.engine.getInstance(key);
    expect(after).toMatchObject({ state: 'COMPLETED', variables: { amount: 150, approved: true } });

    const second = await h.app.inject({ method: 'POST', url: `/v2/user-tasks/${userTaskKey}/completion`, payload: { variables: { approved: false } } });
    expect([404, 409]).toContain(second.statusCode);
    expect(await h.engine.getInstance(key)).toEqual(after);
  });

  it('answers 404 for an unknown task on every route', async () => {
    const claim = await h.app.inject({ method: 'POST', url: '/v2/user-tasks/nope/assignment', payload: { assignee: 'ann' } });
    const unclaim = await h.app.inject({ method: 'DELETE', url: '/v2/user-tasks/nope/assignee' });
    const complete = await h.app.inject({ method: 'POST', url: '/v2/user-tasks/nope/completion', payload: {} });
    for (const res of [claim, unclaim, complete]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

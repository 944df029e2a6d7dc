import { UserTaskFormResult, UserTaskResult, UserTaskSearchQueryResult, VariableSearchQueryResult } from '@baton/api';
import { describe, expect, it } from 'vitest';
import { errorsOf, runtimeSuite } from '../__fixtures__/contract-harness.js';

/** Issue 13: the user-task family in Camunda 8.8's shapes, from the contract (@baton/api), on the runtime. Access by role and task: auth/route-matrix.test.ts, auth/user-task-access.test.ts. */
describe('user-task operations of the contract (runtime, in-memory)', () => {
  const suite = runtimeSuite();

  /** Starts `simple` and completes its job, so the instance waits on user task `approve`; keys come from the answers. */
  async function atUserTask(variables: Record<string, unknown> = {}): Promise<{ key: string; userTaskKey: string }> {
    const { h } = suite;
    const key = await h.startSimple(variables);
    const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'w', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await h.engine.completeJob(job?.jobKey ?? '', {});
    const userTaskKey = (await h.engine.getInstance(key)).waiting.find((w) => w.kind === 'userTask')?.userTaskKey ?? '';
    return { key, userTaskKey };
  }

  /** The key of a task that was completed: no open task has it (keys come from answers, never built). */
  async function closedTaskKey(): Promise<string> {
    const { userTaskKey } = await atUserTask();
    await suite.h.engine.completeUserTask(userTaskKey, {});
    return userTaskKey;
  }

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    suite.h.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
  const search = (body: object) => call('POST', '/v2/user-tasks/search', body);
  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, fields: object) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, ...fields });
  };

  it('searches open tasks in 8.8\'s UserTaskResult shape, by candidate group, assignee, instance, state and priority', async () => {
    // given
    const { key, userTaskKey } = await atUserTask();
    // when
    const byGroup = await search({ filter: { candidateGroup: 'managers', state: 'CREATED' } });
    // then
    expect(byGroup.statusCode).toBe(200);
    expect(errorsOf(UserTaskSearchQueryResult, byGroup.json())).toEqual([]);
    expect(byGroup.json()).toMatchObject({
      items: [{ userTaskKey, name: 'Approve', state: 'CREATED', elementId: 'approve', processInstanceKey: key, processDefinitionId: 'simple', processDefinitionVersion: 1, candidateGroups: ['managers'], tenantId: '<default>', priority: 50 }],
      page: { totalItems: 1, hasMoreTotalItems: false },
    });
    expect((await search({ filter: { candidateGroup: 'clerks' } })).json().items).toEqual([]);
    expect((await search({ filter: { assignee: { $eq: 'ann' } } })).json().items).toEqual([]);
    expect((await search({ filter: { state: 'COMPLETED' } })).json().items).toEqual([]);
    expect((await search({ filter: { processInstanceKey: key, userTaskKey, priority: 50 } })).json().items).toHaveLength(1);
    expect((await search({ filter: { priority: 51 } })).json().items).toEqual([]);
  });

  it('sorts by priority descending and pages with from/limit and cursors', async () => {
    // given three tasks, the second given priority 90
    const tasks = [await atUserTask(), await atUserTask(), await atUserTask()];
    expect((await call('PATCH', `/v2/user-tasks/${tasks[1]?.userTaskKey ?? ''}`, { changeset: { priority: 90 } })).statusCode).toBe(204);
    // when
    const first = (await search({ sort: [{ field: 'priority', order: 'DESC' }], page: { limit: 2 } })).json();
    const next = (await search({ sort: [{ field: 'priority', order: 'DESC' }], page: { limit: 2, after: first.page.endCursor } })).json();
    // then
    expect(first.items.map((t: { userTaskKey: string }) => t.userTaskKey)).toEqual([tasks[1]?.userTaskKey, tasks[0]?.userTaskKey]);
    expect(first.page.totalItems).toBe(3);
    expect(next.items.map((t: { userTaskKey: string }) => t.userTaskKey)).toEqual([tasks[2]?.userTaskKey]);
  });

  it('answers 400 naming the field for a bad filter, sort or page', async () => {
    expectProblem(await search({ filter: { state: 'DONE' } }), 400, { code: 'VALIDATION_FAILED', details: { field: 'filter.state' } });
    expectProblem(await search({ filter: { creationDate: '2024-01-01T00:00:00Z' } }), 400, { code: 'VALIDATION_FAILED', details: { field: 'filter.creationDate' } });
    expectProblem(await search({ sort: [{ field: 'elementId' }] }), 400, { code: 'VALIDATION_FAILED' });
    expectProblem(await search({ page: { limit: 0 } }), 400, { code: 'VALIDATION_FAILED', details: { field: 'page.limit' } });
  });

  it('GET /v2/user-tasks/{key} answers the task; an unknown key is a 404 problem', async () => {
    const { key, userTaskKey } = await atUserTask();
    const res = await call('GET', `/v2/user-tasks/${userTaskKey}`);
    expect(res.statusCode).toBe(200);
    expect(errorsOf(UserTaskResult, res.json())).toEqual([]);
    expect(res.json()).toMatchObject({ userTaskKey, processInstanceKey: key, state: 'CREATED', creationDate: '2023-11-14T22:13:20.000Z' });
    expectProblem(await call('GET', `/v2/user-tasks/${await closedTaskKey()}`), 404, { code: 'NOT_FOUND' });
  });

  it('PATCH sets due and follow-up dates, candidates and priority; null clears a field; the GET shows the change', async () => {
    // given
    const { userTaskKey } = await atUserTask();
    const changeset = { dueDate: '2030-01-01T10:00:00.000Z', followUpDate: '2029-12-31T10:00:00.000Z', candidateUsers: ['carl'], candidateGroups: ['clerks'], priority: 70 };
    // when
    expect((await call('PATCH', `/v2/user-tasks/${userTaskKey}`, { changeset })).statusCode).toBe(204);
    expect((await call('PATCH', `/v2/user-tasks/${userTaskKey}`, { changeset: { followUpDate: null } })).statusCode).toBe(204);
    // then
    const task = (await call('GET', `/v2/user-tasks/${userTaskKey}`)).json();
    expect(task).toMatchObject({ dueDate: changeset.dueDate, candidateUsers: ['carl'], candidateGroups: ['clerks'], priority: 70 });
    expect(task.followUpDate).toBeUndefined();
    expect((await search({ filter: { candidateGroup: 'clerks' } })).json().items).toMatchObject([{ userTaskKey }]);
    expect((await search({ filter: { candidateGroup: 'managers' } })).json().items).toEqual([]);
  });

  it('PATCH refuses an empty changeset, a bad date or priority and an unknown field naming it, and an unknown task with 404', async () => {
    const { userTaskKey } = await atUserTask();
    const patch = (body: object) => call('PATCH', `/v2/user-tasks/${userTaskKey}`, body);
    expectProblem(await patch({ changeset: {} }), 400, { code: 'VALIDATION_FAILED', details: { field: 'changeset' } });
    expectProblem(await patch({ changeset: { dueDate: 'tomorrow' } }), 400, { code: 'VALIDATION_FAILED', details: { field: 'changeset.dueDate' } });
    expectProblem(await patch({ changeset: { priority: 101 } }), 400, { code: 'VALIDATION_FAILED', details: { field: 'changeset.priority' } });
    expectProblem(await patch({ changeset: { name: 'x' } }), 400, { code: 'VALIDATION_FAILED', details: { field: 'changeset.name' } });
    expectProblem(await call('PATCH', `/v2/user-tasks/${await closedTaskKey()}`, { changeset: { priority: 1 } }), 404, { code: 'NOT_FOUND' });
    expect((await call('GET', `/v2/user-tasks/${userTaskKey}`)).json().priority).toBe(50);
  });

  it('assigns, refuses to override with allowOverride false (409), reassigns by default, and unassigns', async () => {
    // given
    const { userTaskKey } = await atUserTask();
    const assign = (body: object) => call('POST', `/v2/user-tasks/${userTaskKey}/assignment`, body);
    // when / then
    expect((await assign({ assignee: 'ann' })).statusCode).toBe(204);
    expectProblem(await assign({ assignee: 'bob', allowOverride: false }), 409, { code: 'TASK_ALREADY_ASSIGNED' });
    expect((await search({ filter: { assignee: 'ann' } })).json().items).toMatchObject([{ userTaskKey, assignee: 'ann' }]);
    expect((await assign({ assignee: 'bob' })).statusCode).toBe(204);
    expect((await call('GET', `/v2/user-tasks/${userTaskKey}`)).json().assignee).toBe('bob');
    expect((await call('DELETE', `/v2/user-tasks/${userTaskKey}/assignee`)).statusCode).toBe(204);
    expect((await call('GET', `/v2/user-tasks/${userTaskKey}`)).json().assignee).toBeUndefined();
  });

  it('refuses an assignment without an assignee or with an unknown field, naming it; 404 for an unknown task on assign and unassign', async () => {
    const { userTaskKey } = await atUserTask();
    expectProblem(await call('POST', `/v2/user-tasks/${userTaskKey}/assignment`, {}), 400, { code: 'VALIDATION_FAILED', details: { field: 'assignee' } });
    expectProblem(await call('POST', `/v2/user-tasks/${userTaskKey}/assignment`, { assignee: 'ann', extra: 1 }), 400, { code: 'VALIDATION_FAILED', details: { field: 'extra' } });
    expectProblem(await call('POST', `/v2/user-tasks/${await closedTaskKey()}/assignment`, { assignee: 'ann' }), 404, { code: 'NOT_FOUND' });
    expectProblem(await call('DELETE', `/v2/user-tasks/${await closedTaskKey()}/assignee`), 404, { code: 'NOT_FOUND' });
  });

  it('completes a task once with variables (null action and variables accepted); a second completion changes nothing', async () => {
    // given
    const { key, userTaskKey } = await atUserTask({ amount: 150 });
    // when
    const first = await call('POST', `/v2/user-tasks/${userTaskKey}/completion`, { variables: { approved: true }, action: null });
    // then
    expect(first.statusCode).toBe(204);
    const after = await suite.h.engine.getInstance(key);
    expect(after).toMatchObject({ state: 'COMPLETED', variables: { amount: 150, approved: true } });
    const second = await call('POST', `/v2/user-tasks/${userTaskKey}/completion`, { variables: { approved: false } });
    expect([404, 409]).toContain(second.statusCode);
    expect(await suite.h.engine.getInstance(key)).toEqual(after);
    expectProblem(await call('POST', `/v2/user-tasks/${userTaskKey}/completion`, { variables: 'yes' }), 400, { code: 'VALIDATION_FAILED', details: { field: 'variables' } });
  });

  it('GET .../form answers 8.8\'s FormResult (schema as JSON text) with Baton\'s source and variables; 404 for an unknown task', async () => {
    const { userTaskKey } = await atUserTask({ amount: 3 });
    const res = await call('GET', `/v2/user-tasks/${userTaskKey}/form`);
    expect(res.statusCode).toBe(200);
    expect(errorsOf(UserTaskFormResult, res.json())).toEqual([]);
    const form = res.json();
    expect(form).toMatchObject({ tenantId: '<default>', formId: `baton-${userTaskKey}`, version: 1, source: 'variables', variables: { amount: 3 } });
    expect(form.schema).toMatchObject({ components: [expect.objectContaining({ type: 'number', variable: 'amount' })] });
    expectProblem(await call('GET', `/v2/user-tasks/${await closedTaskKey()}/form`), 404, { code: 'NOT_FOUND' });
  });

  it('searches the variables a task sees in 8.8\'s VariableSearchResult shape, filtered by name; 400 names a bad filter; 404 for an unknown task', async () => {
    // given
    const { key, userTaskKey } = await atUserTask({ amount: 3, note: 'n' });
    const url = `/v2/user-tasks/${userTaskKey}/variables/search`;
    // when
    const all = await call('POST', url, { sort: [{ field: 'name' }] });
    // then
    expect(all.statusCode).toBe(200);
    expect(errorsOf(VariableSearchQueryResult, all.json())).toEqual([]);
    expect(all.json()).toMatchObject({
      items: [
        { name: 'amount', value: '3', processInstanceKey: key, scopeKey: key, tenantId: '<default>', isTruncated: false },
        { name: 'note', value: '"n"' },
      ],
      page: { totalItems: 2 },
    });
    expect((await call('POST', url, { filter: { name: 'note' } })).json().items).toMatchObject([{ name: 'note' }]);
    expectProblem(await call('POST', url, { filter: { value: '3' } }), 400, { code: 'VALIDATION_FAILED', details: { field: 'filter.value' } });
    expectProblem(await call('POST', `/v2/user-tasks/${await closedTaskKey()}/variables/search`, {}), 404, { code: 'NOT_FOUND' });
  });
});

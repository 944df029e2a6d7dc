import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHarness, type AuthHarness } from '../auth/__fixtures__/auth-harness.js';

interface Refusal {
  readonly code: string;
  readonly detail: string;
  readonly problems: readonly { readonly field: string; readonly message: string }[];
}

/**
 * Issue 12, finding 4: a completion writes only what the task's form lets the user edit,
 * with values of the field's type, over HTTP; a task without a form takes its variables as
 * they are, whatever their names.
 */
describe('POST /v2/user-tasks/{key}/completion against the form', () => {
  let h: AuthHarness;
  beforeEach(async () => {
    h = await authHarness();
    const xml = readFileSync(new URL('./__fixtures__/guarded-form.bpmn', import.meta.url), 'utf8');
    await h.engine.deploy([{ name: 'guarded-form.bpmn', xml }], { allowNonExecutable: false });
  });
  afterEach(() => h.close());

  const guardedTask = async (): Promise<{ instanceKey: string; userTaskKey: string }> => {
    const variables = { customer: 'ACME', reference: 'R-1', address: { street: 'Old Road', city: 'Bern' } };
    const { processInstanceKey } = await h.engine.startInstance({ processDefinitionId: 'guarded', variables });
    return { instanceKey: processInstanceKey, userTaskKey: (await h.engine.searchUserTasks({ filter: { processInstanceKey } })).items[0]?.userTaskKey ?? '' };
  };
  const complete = (userTaskKey: string, variables: Record<string, unknown>): Promise<Response> =>
    h.request('mia', 'POST', `/v2/user-tasks/${userTaskKey}/completion`, { variables });
  const refusal = async (res: Response): Promise<Refusal> => {
    expect(res.status).toBe(400);
    return (await res.json()) as Refusal;
  };

  it.each([
    ['a number field given text', { amount: 'abc' }, 'variables.amount', 'Amount must be a number, found "abc"'],
    ['a number field given null', { amount: null }, 'variables.amount', 'Amount must be a number, found null'],
    ['a checkbox given a string', { approved: 'yes' }, 'variables.approved', 'Approved must be true or false, found "yes"'],
    ['a select given a value outside its options', { grade: 'c' }, 'variables.grade', 'Grade must be one of ["a","b"], found "c"'],
    ['a read-only field changed', { customer: 'Evil Corp' }, 'variables.customer', 'Customer is read-only in this form; leave it out of the completion'],
    ['a disabled field changed', { reference: 'R-2' }, 'variables.reference', 'Reference is read-only in this form; leave it out of the completion'],
    ['a variable the form has no field for', { discount: 50 }, 'variables.discount', 'discount is not a field this form lets the user edit; leave it out of the completion'],
    ['a nested value beside a dotted-key field', { address: { street: 'Main', city: 'Basel' } }, 'variables.address.city', 'address.city is not a field this form lets the user edit; leave it out of the completion'],
  ])('refuses %s, naming the field, and changes nothing', async (_, variables, field, message) => {
    // given
    const { userTaskKey } = await guardedTask();
    const before = await h.snapshot();
    // when
    const problem = await refusal(await complete(userTaskKey, { comment: 'ok', ...variables }));
    // then
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.problems).toEqual([{ code: 'VALIDATION_FAILED', field, message }]);
    expect(problem.detail).toContain(message);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses a completion that leaves a required field empty', async () => {
    const { userTaskKey } = await guardedTask();
    const problem = await refusal(await complete(userTaskKey, { amount: 3 }));
    expect(problem.problems).toEqual([{ code: 'VALIDATION_FAILED', field: 'variables.comment', message: 'Comment is required' }]);
  });

  it('writes the editable fields at the paths form-js binds, and takes unchanged read-only values as no change', async () => {
    // given
    const { instanceKey, userTaskKey } = await guardedTask();
    // when
    const res = await complete(userTaskKey, {
      amount: 12.5,
      approved: true,
      grade: 'b',
      comment: 'fine',
      customer: 'ACME',
      address: { street: 'Main', city: 'Bern' },
      shipping: { carrier: 'Post' },
    });
    // then
    expect(res.status).toBe(204);
    expect((await h.engine.getInstance(instanceKey)).variables).toEqual({
      customer: 'ACME',
      reference: 'R-1',
      address: { street: 'Main', city: 'Bern' },
      amount: 12.5,
      approved: true,
      grade: 'b',
      comment: 'fine',
      shipping: { carrier: 'Post' },
    });
  });

  it('a task without a form takes dotted and empty variable names as they are, and its generated form does not bind them by name', async () => {
    // given: the approve task (no form) of an instance with awkward variable names
    await h.engine.deploy([{ name: 'auth.bpmn', xml: h.xml }], { allowNonExecutable: false });
    const { processInstanceKey } = await h.engine.startInstance({ processDefinitionId: 'pay', variables: { 'a.b': 1, '': 'x' } });
    const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await h.engine.completeJob(job?.jobKey ?? '', {});
    const approve = (await h.engine.searchUserTasks({ filter: { processInstanceKey } })).items.find((t) => t.elementId === 'approve')?.userTaskKey ?? '';
    // when
    const served = (await (await h.request('mia', 'GET', `/v2/user-tasks/${approve}/form`)).json()) as { schema: { components: { key?: string; variable?: string }[] } };
    const form = served;
    const res = await h.request('mia', 'POST', `/v2/user-tasks/${approve}/completion`, { variables: { 'a.b': 2, '': 'y' } });
    // then
    const bindings = form.schema.components.map((c) => [c.key, c.variable]);
    expect(bindings).toHaveLength(2);
    expect(bindings).toEqual(expect.arrayContaining([['variable_0', expect.any(String)], ['variable_1', expect.any(String)]]));
    expect(bindings.map(([, variable]) => variable).sort()).toEqual(['', 'a.b']);
    expect(res.status).toBe(204);
    expect((await h.engine.getInstance(processInstanceKey)).variables).toEqual({ 'a.b': 2, '': 'y' });
  });
});

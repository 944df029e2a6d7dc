import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHarness, type AuthHarness } from '../auth/__fixtures__/auth-harness.js';

const xml = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}.bpmn`, import.meta.url), 'utf8');

/** Task forms over HTTP: generated from the model, shown to those who see the task, enforced on completion. */
describe('GET /v2/user-tasks/{key}/form and completion rules', () => {
  let h: AuthHarness;
  beforeEach(async () => {
    h = await authHarness();
    await h.engine.deploy([{ name: 'camunda-form.bpmn', xml: xml('camunda-form') }, { name: 'zeebe-form.bpmn', xml: xml('zeebe-form') }], { allowNonExecutable: false });
  });
  afterEach(() => h.close());

  const taskOf = async (processDefinitionId: string, variables: Record<string, unknown> = {}): Promise<string> => {
    const { processInstanceKey } = await h.engine.startInstance({ processDefinitionId, variables });
    return (await h.engine.searchUserTasks({ filter: { processInstanceKey } })).items[0]?.userTaskKey ?? '';
  };

  it('converts camunda:formField definitions to a form-js schema with their rules', async () => {
    const key = await taskOf('review', { customer: 'ACME' });
    const res = await h.request('mia', 'GET', `/v2/user-tasks/${key}/form`);
    expect(res.status).toBe(200);
    const form = (await res.json()) as { source: string; schema: { components: unknown[] }; variables: object };
    expect(form.source).toBe('formFields');
    expect(form.variables).toEqual({ customer: 'ACME' });
    expect(form.schema.components).toEqual([
      { type: 'checkbox', key: 'approved', label: 'Approved', defaultValue: false },
      { type: 'textfield', key: 'comment', label: 'Comment', validate: { required: true, maxLength: 20 } },
      { type: 'number', key: 'score', label: 'Score', validate: { min: 1, max: 5 } },
      { type: 'select', key: 'grade', label: 'Grade', values: [{ label: 'Good', value: 'a' }, { label: 'Bad', value: 'b' }] },
    ]);
  });

  it('serves the form-js JSON of the model as is, and generates one from the variables when there is none', async () => {
    const signed = (await (await h.request('mia', 'GET', `/v2/user-tasks/${await taskOf('sign')}/form`)).json()) as { source: string; schema: { components: unknown[] } };
    expect(signed).toMatchObject({ source: 'form', formId: 'signForm', tenantId: '<default>', version: 1 });
    expect(signed.schema).toMatchObject({ id: 'signForm' });
    const { approve } = await h.atTasks();
    const generated = (await (await h.request('mia', 'GET', `/v2/user-tasks/${approve}/form`)).json()) as { source: string; schema: { components: unknown[] } };
    expect(generated.source).toBe('variables');
    expect(generated.schema.components).toEqual([{ type: 'number', key: 'variable_0', variable: 'amount', label: 'Amount', validate: { required: true } }]);
  });

  it('shows a form only to those who may see the task', async () => {
    const key = await taskOf('review');
    expect((await h.request('uma', 'GET', `/v2/user-tasks/${key}/form`)).status).toBe(403);
    expect((await h.request('payKey', 'GET', `/v2/user-tasks/${key}/form`)).status).toBe(403);
    expect((await h.request('anonymous', 'GET', `/v2/user-tasks/${key}/form`)).status).toBe(401);
    expect((await h.request('oscar', 'GET', `/v2/user-tasks/${key}/form`)).status).toBe(200);
  });

  it('enforces the form rules again on completion, listing each field, and changes nothing', async () => {
    // given
    const key = await taskOf('review');
    const before = await h.snapshot();
    // when
    const res = await h.request('mia', 'POST', `/v2/user-tasks/${key}/completion`, { variables: { comment: 'x'.repeat(21), score: 9 } });
    // then
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; problems: { field: string }[] };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.problems.map((p) => p.field)).toEqual(['variables.comment', 'variables.score']);
    expect(await h.snapshot()).toEqual(before);
    expect((await h.request('mia', 'POST', `/v2/user-tasks/${key}/completion`, { variables: { comment: 'fine', score: 4 } })).status).toBe(204);
  });

  it('enforces a pattern of the model form-js JSON', async () => {
    const key = await taskOf('sign');
    expect((await h.request('mia', 'POST', `/v2/user-tasks/${key}/completion`, { variables: { signature: 'abc' } })).status).toBe(400);
    expect((await h.request('mia', 'POST', `/v2/user-tasks/${key}/completion`, { variables: { signature: 'AB' } })).status).toBe(204);
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHarness, type AuthHarness } from '../auth/__fixtures__/auth-harness.js';
import { codesOf, graphqlAs } from './__fixtures__/graphql-client.js';

/** completeUserTask checks the variables against the task's form as REST does (issue 12's rules, by construction). */
describe('GraphQL completeUserTask against the form', () => {
  let h: AuthHarness;
  let userTaskKey: string;
  beforeEach(async () => {
    h = await authHarness();
    const xml = readFileSync(new URL('../forms/__fixtures__/guarded-form.bpmn', import.meta.url), 'utf8');
    await h.engine.deploy([{ name: 'guarded-form.bpmn', xml }], { allowNonExecutable: false });
    const variables = { customer: 'ACME', reference: 'R-1', address: { street: 'Old Road', city: 'Bern' } };
    const { processInstanceKey } = await h.engine.startInstance({ processDefinitionId: 'guarded', variables });
    userTaskKey = (await h.engine.searchUserTasks({ filter: { processInstanceKey } })).items[0]?.userTaskKey ?? '';
  });
  afterEach(() => h.close());

  it('refuses a value of the wrong type, naming the field, and changes nothing', async () => {
    // given
    const before = await h.snapshot();
    // when
    const answer = await graphqlAs(h, 'mia', 'mutation ($key: ID!, $variables: JSON) { completeUserTask(key: $key, variables: $variables) }', {
      key: userTaskKey,
      variables: { comment: 'ok', amount: 'abc' },
    });
    // then
    expect(codesOf(answer)).toEqual(['VALIDATION_FAILED']);
    expect(answer.errors[0]?.extensions).toMatchObject({
      status: 400,
      problems: [{ code: 'VALIDATION_FAILED', field: 'variables.amount', message: 'Amount must be a number, found "abc"' }],
    });
    expect(await h.snapshot()).toEqual(before);
  });
});

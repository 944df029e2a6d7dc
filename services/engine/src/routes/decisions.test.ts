import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, multipart, type Harness } from '../__fixtures__/harness.js';

const compat = (name: string) => ({ name, xml: readFileSync(new URL(`../../../../test/compat/${name}`, import.meta.url), 'utf8') });
/** compat.dmn with both rules matching "gold": a UNIQUE table that fails for amounts of 100 and more. */
const overlapping = { name: 'compat.dmn', xml: compat('compat.dmn').xml.replace('<text>"silver"</text>', '<text>"silver","gold"</text>') };

/** The decision routes end to end on the real runtime with in-memory adapters (issue 16). */
describe('decision routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => (await h.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) })).json();
  const deploy = async (files: readonly { name: string; xml: string }[]) => {
    const { payload, headers } = multipart(files);
    return (await h.app.inject({ method: 'POST', url: '/v2/deployments', payload, headers })).json();
  };

  it('lists both versions of a changed file, and records evaluated and failed decision instances of an instance', async () => {
    // given version 1, then version 2 whose table fails for gold
    await deploy([compat('compat.dmn'), compat('compat-decide.bpmn')]);
    await deploy([overlapping]);
    const definitions = (await call('POST', '/v2/decision-definitions/search', { filter: { decisionDefinitionId: 'compat-discount' } })).items;
    expect(definitions.map((d: { version: number }) => d.version)).toEqual([1, 2]);
    expect((await call('POST', '/v2/decision-requirements/search', {})).items).toMatchObject([{ version: 1 }, { version: 2 }]);
    // when an instance calls it with a gold amount
    const { processInstanceKey } = await call('POST', '/v2/process-instances', { processDefinitionId: 'compat-decide', variables: { amount: 150 } });
    // then the required decision was evaluated and the table failed, naming the rule; an incident waits
    const found = (await call('POST', '/v2/decision-instances/search', { filter: { processInstanceKey } })).items;
    expect(found).toMatchObject([
      { decisionDefinitionId: 'compatTier', state: 'EVALUATED', result: '"gold"', decisionDefinitionVersion: 2, decisionDefinitionType: 'LITERAL_EXPRESSION' },
      { decisionDefinitionId: 'compat-discount', state: 'FAILED', decisionDefinitionKey: definitions[1].decisionDefinitionKey },
    ]);
    expect(found[1].evaluationFailure).toContain('gold-rule');
    const failed = await call('GET', `/v2/decision-instances/${found[1].decisionEvaluationInstanceKey}`);
    expect(failed).toMatchObject({ state: 'FAILED', processInstanceKey, evaluatedInputs: [], matchedRules: [] });
    expect((await call('POST', '/v2/incidents/search', { filter: { processInstanceKey } })).items).toMatchObject([{ errorType: 'DECISION_EVALUATION_ERROR' }]);
  });

  it('evaluates version 1 by key and the latest by id, a failure being an answer; an unknown key is 404', async () => {
    // given
    await deploy([compat('compat.dmn')]);
    await deploy([overlapping]);
    const [first] = (await call('POST', '/v2/decision-definitions/search', { filter: { decisionDefinitionId: 'compat-discount', version: 1 } })).items;
    // when
    const byKey = await call('POST', '/v2/decision-definitions/evaluation', { decisionDefinitionKey: first.decisionDefinitionKey, variables: { amount: 150 } });
    const latest = await call('POST', '/v2/decision-definitions/evaluation', { decisionDefinitionId: 'compat-discount', variables: { amount: 150 } });
    const missing = await h.app.inject({ method: 'GET', url: '/v2/decision-definitions/123' });
    // then
    expect(byKey).toMatchObject({ decisionDefinitionVersion: 1, output: '0.1', failedDecisionDefinitionId: '', failureMessage: '' });
    expect(byKey.evaluatedDecisions.map((d: { decisionDefinitionId: string }) => d.decisionDefinitionId)).toEqual(['compatTier', 'compat-discount']);
    expect(latest).toMatchObject({ decisionDefinitionVersion: 2, output: 'null', failedDecisionDefinitionId: 'compat-discount' });
    expect(latest.failureMessage).toContain('hit policy UNIQUE');
    expect(missing.statusCode).toBe(404);
    expect(await (await h.app.inject({ method: 'GET', url: `/v2/decision-definitions/${first.decisionDefinitionKey}/xml` })).body).toContain('compat-discount');
  });
});

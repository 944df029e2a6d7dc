import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, harness, multipart, type Harness } from '../__fixtures__/harness.js';

describe('POST /v2/deployments', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('deploys a raw XML body and lists it', async () => {
    // when
    const res = await h.app.inject({ method: 'POST', url: '/v2/deployments?name=simple.bpmn', headers: { 'content-type': 'application/xml' }, payload: fixture('simple') });
    // then
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const longKey = expect.stringMatching(/^[0-9]+$/);
    expect(body).toEqual({
      deploymentKey: longKey,
      tenantId: '<default>',
      deployments: [{ processDefinition: { processDefinitionId: 'simple', processDefinitionVersion: 1, processDefinitionKey: longKey, resourceName: 'simple.bpmn', tenantId: '<default>' } }],
    });
    const list = await h.app.inject({ method: 'GET', url: '/v2/process-definitions' });
    expect(list.json()).toMatchObject({ items: [{ processDefinitionId: 'simple', version: 1, processDefinitionKey: body.deployments[0].processDefinition.processDefinitionKey }], page: { totalItems: 1 } });
  });

  it('deploys several files of multipart field "resources"', async () => {
    // given
    const body = multipart([
      { name: 'a.bpmn', xml: fixture('simple') },
      { name: 'b.bpmn', xml: fixture('simple') },
    ]);
    // when
    const res = await h.app.inject({ method: 'POST', url: '/v2/deployments', ...body });
    // then
    expect(res.statusCode).toBe(200);
    const deployed = res.json().deployments.map(({ processDefinition: p }: { processDefinition: { processDefinitionVersion: number; resourceName: string } }) => [p.resourceName, p.processDefinitionVersion]);
    expect(deployed).toEqual([
      ['a.bpmn', 1],
      ['b.bpmn', 2],
    ]);
  });

  it('answers 400 listing every problem with its element id for an invalid model', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name: 'invalid.bpmn', xml: fixture('invalid') }]) });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem).toMatchObject({ status: 400, code: 'MODEL_INVALID', instance: '/v2/deployments' });
    expect(problem.problems.map((p: { elementId: string }) => p.elementId)).toEqual(expect.arrayContaining(['wait', 'split']));
  });

  it('refuses a non-executable process without the flag, with the hint, and deploys it with the flag', async () => {
    const refused = await h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: fixture('not-executable') });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'MODEL_NOT_EXECUTABLE' });
    expect(refused.json().detail).toContain('allowNonExecutable=true');

    const accepted = await h.app.inject({
      method: 'POST',
      url: '/v2/deployments?allowNonExecutable=true',
      headers: { 'content-type': 'application/xml' },
      payload: fixture('not-executable'),
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().deployments[0].processDefinition.processDefinitionId).toBe('draft');
  });

  it('answers 400 naming "resources" when no file is sent', async () => {
    const json = await h.app.inject({ method: 'POST', url: '/v2/deployments', payload: { xml: '<x/>' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'resources' } });

    const wrongField = await h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name: 'a.bpmn', xml: fixture('simple'), field: 'file' }]) });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'file' } });
  });

  it('answers 400 for an empty XML body', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body or a file over the limit', async () => {
    // given
    await h.close();
    h = await harness(undefined, { bodyLimit: 1024 });
    const big = `${fixture('simple')}<!--${'x'.repeat(2048)}-->`;
    // when
    const raw = await h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: big });
    const file = await h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name: 'big.bpmn', xml: big }]) });
    // then
    for (const res of [raw, file]) {
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    }
    expect((await h.engine.searchProcessDefinitions({})).items.length).toBe(0);
  });
});

describe('GET /v2/process-definitions/{key}/xml', () => {
  it('returns the deployed XML, 404 for an unknown key and 400 for one that is not a key', async () => {
    const h = await harness();
    await h.startSimple();
    const [definition] = (await h.engine.searchProcessDefinitions({})).items;
    const res = await h.app.inject({ method: 'GET', url: `/v2/process-definitions/${definition?.processDefinitionKey ?? ''}/xml` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/xml');
    expect(res.body).toBe(fixture('simple'));

    const missing = await h.app.inject({ method: 'GET', url: '/v2/process-definitions/99999999999999/xml' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404, code: 'DEFINITION_NOT_FOUND', details: { definitionKey: '99999999999999' } });
    const notAKey = await h.app.inject({ method: 'GET', url: '/v2/process-definitions/nope/xml' });
    expect(notAKey.statusCode).toBe(400);
    expect(notAKey.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { part: 'params', field: 'processDefinitionKey' } });
    await h.close();
  });
});

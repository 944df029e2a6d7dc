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

  it('deploys a Flowable .bpmn20.xml model without isExecutable as executable, with a warning (issue 16)', async () => {
    // given a Flowable-style file: default BPMN namespace, no isExecutable
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://flowable.org/test">
  <process id="flowableOne"><startEvent id="s" /><sequenceFlow id="f" sourceRef="s" targetRef="t" /><userTask id="t" /><sequenceFlow id="g" sourceRef="t" targetRef="e" /><endEvent id="e" /></process>
</definitions>`;
    // when
    const res = await h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name: 'one.bpmn20.xml', xml }]) });
    // then
    expect(res.statusCode).toBe(200);
    expect(res.json().deployments[0].processDefinition).toMatchObject({ processDefinitionId: 'flowableOne', resourceName: 'one.bpmn20.xml' });
    const started = await h.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'flowableOne' } });
    expect(started.statusCode).toBe(200);
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

describe('POST /v2/resources/{resourceKey}/deletion', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  const deploy = async (xml: string): Promise<string> => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: xml });
    return res.json().deployments[0].processDefinition.processDefinitionKey as string;
  };
  const versionsListed = async (): Promise<number[]> =>
    (await h.app.inject({ method: 'POST', url: '/v2/process-definitions/search', payload: { filter: { processDefinitionId: 'simple' } } })).json().items.map((d: { version: number }) => d.version);

  it('refuses a version with an active instance (409 DEFINITION_IN_USE), deletes it once none is active, and the version below becomes the latest', async () => {
    // given: versions 1 and 2, an instance running on version 2
    const first = await deploy(fixture('simple'));
    const second = await deploy(fixture('simple').replace('name="Approve"', 'name="Approve it"'));
    const started = await h.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'simple' } });
    expect(started.json()).toMatchObject({ processDefinitionKey: second, processDefinitionVersion: 2 });

    // when: version 2 is deleted while its instance runs
    const refused = await h.app.inject({ method: 'POST', url: `/v2/resources/${second}/deletion`, payload: {} });
    // then: refused, naming the instance
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'DEFINITION_IN_USE' });
    expect(refused.json().detail).toContain(started.json().processInstanceKey);
    expect(await versionsListed()).toEqual([1, 2]);

    // when: the instance is cancelled and version 2 deleted
    await h.app.inject({ method: 'POST', url: `/v2/process-instances/${started.json().processInstanceKey}/cancellation`, payload: {} });
    const deleted = await h.app.inject({ method: 'POST', url: `/v2/resources/${second}/deletion` });
    // then: gone from every read, version 1 is the latest and new instances start on it
    expect(deleted.statusCode).toBe(204);
    expect(await versionsListed()).toEqual([1]);
    for (const url of [`/v2/process-definitions/${second}`, `/v2/process-definitions/${second}/xml`, `/v2/resources/${second}`, `/v2/resources/${second}/content`]) {
      expect([url, (await h.app.inject({ method: 'GET', url })).statusCode]).toEqual([url, 404]);
    }
    const latest = await h.app.inject({ method: 'POST', url: '/v2/process-definitions/search', payload: { filter: { processDefinitionId: 'simple', isLatestVersion: true } } });
    expect(latest.json().items.map((d: { processDefinitionKey: string }) => d.processDefinitionKey)).toEqual([first]);
    const onLatest = await h.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'simple' } });
    expect(onLatest.json()).toMatchObject({ processDefinitionKey: first, processDefinitionVersion: 1 });
    expect((await h.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionKey: second } })).statusCode).toBe(404);
    // and: the cancelled instance of version 2 is still readable
    expect((await h.app.inject({ method: 'GET', url: `/v2/process-instances/${started.json().processInstanceKey}` })).json()).toMatchObject({ processDefinitionKey: second, state: 'TERMINATED' });

    // and: a second deletion finds nothing, and the next deployment does not reuse version 2
    expect((await h.app.inject({ method: 'POST', url: `/v2/resources/${second}/deletion` })).json()).toMatchObject({ status: 404, code: 'DEFINITION_NOT_FOUND' });
    const third = await deploy(fixture('simple').replace('name="Approve"', 'name="Approve it"'));
    expect((await h.app.inject({ method: 'GET', url: `/v2/process-definitions/${third}` })).json()).toMatchObject({ version: 3 });
  });

  it('answers 404 for an unknown key and 400 naming the field for a key that is not numeric', async () => {
    expect((await h.app.inject({ method: 'POST', url: '/v2/resources/123456789/deletion' })).json()).toMatchObject({ status: 404, code: 'DEFINITION_NOT_FOUND' });
    const bad = await h.app.inject({ method: 'POST', url: '/v2/resources/abc/deletion' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('resourceKey');
  });
});

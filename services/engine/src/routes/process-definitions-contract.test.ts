import { DeploymentResult, ProcessDefinitionElementStatisticsQueryResult, ProcessDefinitionResult, ProcessDefinitionSearchQueryResult, ResourceResult } from '@baton/api';
import { describe, expect, it } from 'vitest';
import { fixture, multipart } from '../__fixtures__/harness.js';
import { errorsOf, runtimeSuite } from '../__fixtures__/contract-harness.js';

type Definition = { processDefinitionKey: string; processDefinitionId: string; version: number };

/** Issue 13: deployments, process definitions and resources in Camunda 8.8's shapes, from the contract (@baton/api), on the runtime. */
describe('process-definition, deployment and resource operations of the contract (runtime, in-memory)', () => {
  const suite = runtimeSuite();

  const post = (url: string, payload: object) => suite.h.app.inject({ method: 'POST', url, payload });
  const get = (url: string) => suite.h.app.inject({ method: 'GET', url });
  const search = async (body: object): Promise<{ items: Definition[]; page: { totalItems: number } }> => {
    const res = await post('/v2/process-definitions/search', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(ProcessDefinitionSearchQueryResult, res.json())).toEqual([]);
    return res.json();
  };
  /** Deploys `simple` twice (two versions, the second under another resource name) and `calls` once. */
  const deployThree = async (): Promise<void> => {
    for (const [name, xml] of [['simple.bpmn', fixture('simple')], ['simple-v2.bpmn', fixture('simple')], ['calls.bpmn', fixture('calls')]] as const) {
      const res = await suite.h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name, xml }]) });
      expect(res.statusCode, res.body).toBe(200);
    }
  };

  it('deploys multipart resources with tenantId, answering exactly 8.8\'s DeploymentResult', async () => {
    // when
    const res = await suite.h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name: 'simple.bpmn', xml: fixture('simple') }], { tenantId: '<default>' }) });
    // then
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(DeploymentResult, res.json())).toEqual([]);
    expect(res.json()).toEqual({
      deploymentKey: expect.any(String),
      tenantId: '<default>',
      deployments: [{ processDefinition: { processDefinitionId: 'simple', processDefinitionVersion: 1, resourceName: 'simple.bpmn', tenantId: '<default>', processDefinitionKey: expect.any(String) } }],
    });
  });

  it('keeps Baton\'s deploy problems: 400 MODEL_INVALID naming each element, another tenant 400 naming tenantId', async () => {
    const invalid = await suite.h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name: 'invalid.bpmn', xml: fixture('invalid') }]) });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'MODEL_INVALID' });
    expect(invalid.json().problems.map((p: { elementId?: string }) => p.elementId)).toEqual(expect.arrayContaining(['wait', 'split']));
    const tenant = await suite.h.app.inject({ method: 'POST', url: '/v2/deployments', ...multipart([{ name: 'simple.bpmn', xml: fixture('simple') }], { tenantId: 'acme' }) });
    expect(tenant.statusCode).toBe(400);
    expect(tenant.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'tenantId' } });
    expect((await search({})).page.totalItems).toBe(0);
  });

  it('searches by process id, version, name and resource name, latest versions only, sorted and paged', async () => {
    // given
    await deployThree();
    // when / then
    expect((await search({})).page.totalItems).toBe(5); // simple 1 and 2; top, middle, leaf
    expect((await search({ filter: { processDefinitionId: 'simple' } })).items.map((d) => d.version)).toEqual([1, 2]);
    expect((await search({ filter: { processDefinitionId: { $eq: 'simple' }, version: 2 } })).items).toMatchObject([{ processDefinitionId: 'simple', version: 2, resourceName: 'simple-v2.bpmn' }]);
    expect((await search({ filter: { resourceName: 'simple.bpmn' } })).items.map((d) => d.version)).toEqual([1]);
    const latest = await search({ filter: { isLatestVersion: true, processDefinitionId: 'simple' } });
    expect(latest.items).toMatchObject([{ version: 2 }]);
    const sorted = await search({ sort: [{ field: 'processDefinitionId', order: 'DESC' }, { field: 'version', order: 'DESC' }], page: { limit: 2 } });
    expect(sorted.items.map((d) => [d.processDefinitionId, d.version])).toEqual([
      ['top', 1],
      ['simple', 2],
    ]);
    expect(sorted.page.totalItems).toBe(5);
    expect((await search({ filter: { tenantId: '<default>', hasStartForm: false, processDefinitionId: 'leaf' } })).items).toHaveLength(1);
  });

  it('refuses a bad search naming the field', async () => {
    for (const [body, field] of [
      [{ filter: { version: 'two' } }, 'version'],
      [{ sort: [{ field: 'elementId' }] }, 'field'],
      [{ filter: { owner: 'x' } }, 'owner'],
    ] as const) {
      const res = await post('/v2/process-definitions/search', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().detail).toContain(field);
    }
  });

  it('gets a definition, its XML and its resource; 204 for a start form it has none of', async () => {
    // given
    await deployThree();
    const [second] = (await search({ filter: { processDefinitionId: 'simple', version: 2 } })).items;
    const key = second?.processDefinitionKey ?? '';
    // when
    const definition = await get(`/v2/process-definitions/${key}`);
    const xml = await get(`/v2/process-definitions/${key}/xml`);
    const resource = await get(`/v2/resources/${key}`);
    const content = await get(`/v2/resources/${key}/content`);
    const form = await get(`/v2/process-definitions/${key}/form`);
    // then
    expect(definition.statusCode).toBe(200);
    expect(errorsOf(ProcessDefinitionResult, definition.json())).toEqual([]);
    expect(definition.json()).toEqual({ processDefinitionKey: key, processDefinitionId: 'simple', name: 'Simple', version: 2, resourceName: 'simple-v2.bpmn', tenantId: '<default>', hasStartForm: false });
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toBe(fixture('simple'));
    expect(errorsOf(ResourceResult, resource.json())).toEqual([]);
    expect(resource.json()).toEqual({ resourceKey: key, resourceId: 'simple', version: 2, resourceName: 'simple-v2.bpmn', tenantId: '<default>' });
    expect(content.body).toBe(fixture('simple'));
    expect(form.statusCode).toBe(204);
  });

  it('answers 404 DEFINITION_NOT_FOUND for a key that names no definition, on every operation', async () => {
    // given: a real key from an answer, of an instance, not a definition
    const unknown = await suite.h.startSimple();
    // when / then
    for (const [method, url] of [
      ['GET', `/v2/process-definitions/${unknown}`],
      ['GET', `/v2/process-definitions/${unknown}/xml`],
      ['GET', `/v2/process-definitions/${unknown}/form`],
      ['POST', `/v2/process-definitions/${unknown}/statistics/element-instances`],
      ['GET', `/v2/resources/${unknown}`],
      ['GET', `/v2/resources/${unknown}/content`],
    ] as const) {
      const res = await suite.h.app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ status: 404, code: 'DEFINITION_NOT_FOUND' });
    }
  });

  it('counts element instances across the definition\'s instances, filtered like an instance search', async () => {
    // given: three instances of simple waiting on the charge job, one of them cancelled
    const keys = [await suite.h.startSimple(), await suite.h.startSimple(), await suite.h.startSimple()];
    expect((await post(`/v2/process-instances/${keys[2] ?? ''}/cancellation`, {})).statusCode).toBe(204);
    const [definition] = (await search({})).items;
    const url = `/v2/process-definitions/${definition?.processDefinitionKey ?? ''}/statistics/element-instances`;
    // when
    const all = await post(url, {});
    const active = await post(url, { filter: { state: 'ACTIVE' } });
    // then
    expect(all.statusCode, all.body).toBe(200);
    expect(errorsOf(ProcessDefinitionElementStatisticsQueryResult, all.json())).toEqual([]);
    const row = (body: { items: { elementId: string }[] }, elementId: string) => body.items.find((r) => r.elementId === elementId);
    expect(row(all.json(), 'start')).toEqual({ elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 3 });
    expect(row(all.json(), 'charge')).toEqual({ elementId: 'charge', active: 2, canceled: 1, incidents: 0, completed: 0 });
    expect(row(active.json(), 'charge')).toEqual({ elementId: 'charge', active: 2, canceled: 0, incidents: 0, completed: 0 });
    const bad = await post(url, { filter: { processDefinitionKey: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('processDefinitionKey');
  });
});

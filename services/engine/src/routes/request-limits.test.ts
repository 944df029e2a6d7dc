import { keyOfInstanceNumber } from '@baton/core';
import { createInMemoryEngine, type InMemoryEngine } from '@baton/memory';
import { defaultVariableLimits, tooDeepMarker } from '@baton/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';
import { createRuntimeEngineApi } from '../runtime-engine-api.js';

/** Issue 12, findings 2 and 6a: what a request body may hold, on the real runtime (in memory). */

/** `{"a":{"a":…1}}` with `levels` objects, as JSON text (a 10 000-deep value cannot be stringified). */
function nestedJson(levels: number): string {
  return `${'{"a":'.repeat(levels - 1)}{"a":1}${'}'.repeat(levels - 1)}`;
}

/** `{"a":{"a":…}}` with `levels` objects, as a value. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

let h: Harness;
let engine: InMemoryEngine;
beforeEach(async () => {
  engine = createInMemoryEngine({ nodeId: 'test-node' });
  h = await harness(await createRuntimeEngineApi({ engine, bus: engine.bus }));
});
afterEach(() => h.close());

const post = (url: string, payload: string) => h.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
const get = (url: string) => h.app.inject({ method: 'GET', url });

describe('request limits at the door', () => {

  async function openJob(): Promise<{ instanceKey: string; jobKey: string }> {
    const instanceKey = await h.startSimple({ amount: 1 });
    const activation = await post('/v2/jobs/activation', JSON.stringify({ type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 }));
    const [job] = activation.json<{ jobs: { jobKey: string }[] }>().jobs;
    if (job === undefined) throw new Error(`no job activated: ${activation.body}`);
    return { instanceKey, jobKey: job.jobKey };
  }

  async function openUserTask(): Promise<{ instanceKey: string; userTaskKey: string }> {
    const { instanceKey, jobKey } = await openJob();
    expect((await post(`/v2/jobs/${jobKey}/completion`, '{}')).statusCode).toBe(204);
    const [task] = (await h.engine.searchUserTasks({ filter: { processInstanceKey: instanceKey } })).items;
    if (task === undefined) throw new Error('no user task');
    return { instanceKey, userTaskKey: task.userTaskKey };
  }

  /** Each way variables come in over HTTP: the URL and the body around `variables`. */
  const entries: readonly { name: string; request: () => Promise<{ url: string; body: (variables: string) => string; instanceKey?: string }> }[] = [
    { name: 'create instance', request: async () => (await h.deploySimple(), { url: '/v2/process-instances', body: (v) => `{"processDefinitionId":"simple","variables":${v}}` }) },
    { name: 'complete job', request: async () => openJob().then(({ instanceKey, jobKey }) => ({ instanceKey, url: `/v2/jobs/${jobKey}/completion`, body: (v) => `{"variables":${v}}` })) },
    {
      name: 'fail job',
      request: async () =>
        openJob().then(({ instanceKey, jobKey }) => ({ instanceKey, url: `/v2/jobs/${jobKey}/failure`, body: (v) => `{"retries":1,"errorMessage":"x","variables":${v}}` })),
    },
    { name: 'job error', request: async () => openJob().then(({ instanceKey, jobKey }) => ({ instanceKey, url: `/v2/jobs/${jobKey}/error`, body: (v) => `{"errorCode":"E","variables":${v}}` })) },
    {
      name: 'complete user task',
      request: async () =>
        openUserTask().then(({ instanceKey, userTaskKey }) => ({ instanceKey, url: `/v2/user-tasks/${userTaskKey}/completion`, body: (v) => `{"variables":${v}}` })),
    },
    { name: 'publish message', request: async () => ({ url: '/v2/messages/publication', body: (v) => `{"name":"m","correlationKey":"k","timeToLive":60000,"variables":${v}}` }) },
    { name: 'correlate message', request: async () => ({ url: '/v2/messages/correlation', body: (v) => `{"name":"m","correlationKey":"k","variables":${v}}` }) },
    { name: 'broadcast signal', request: async () => ({ url: '/v2/signals/broadcast', body: (v) => `{"signalName":"s","variables":${v}}` }) },
  ];

  it.each(entries)('$name: refuses variables 10 000 deep with 400 naming the depth limit, and changes nothing', async ({ request }) => {
    // given
    const { url, body, instanceKey } = await request();
    const historyBefore = instanceKey === undefined ? undefined : (await h.engine.getHistory(instanceKey)).length;
    const instancesBefore = (await h.engine.searchInstances({ page: { limit: 1000 } })).page.totalItems;
    // when
    const res = await post(url, body(`{"deep":${nestedJson(10_000)}}`));
    // then
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VARIABLE_LIMIT_EXCEEDED', details: { field: 'variables', limit: 'maxDepth', max: 64 } });
    expect(res.json().detail).toContain('maxDepth limit of 64');
    expect(res.json().detail).toContain('variables.deep.a');
    if (instanceKey !== undefined) expect((await h.engine.getHistory(instanceKey)).length).toBe(historyBefore);
    expect((await h.engine.searchInstances({ page: { limit: 1000 } })).page.totalItems).toBe(instancesBefore);
  });

  it.each([
    ['maxBytes', `{"big":"${'x'.repeat(defaultVariableLimits.maxBytes)}"}`],
    ['maxEntries', JSON.stringify({ list: Array.from({ length: defaultVariableLimits.maxEntries + 1 }, () => 0) })],
  ])('refuses variables over %s with 400 naming the limit', async (limit, variables) => {
    await h.deploySimple();
    const res = await post('/v2/process-instances', `{"processDefinitionId":"simple","variables":${variables}}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VARIABLE_LIMIT_EXCEEDED', details: { limit } });
  });

  it('accepts variables exactly at every limit, and reads them back whole (instance, history)', async () => {
    // given: 64 levels, an object of 10 000 keys, and padding up to exactly 1 MiB of JSON
    const shape = { deep: nested(63), wide: Object.fromEntries(Array.from({ length: defaultVariableLimits.maxEntries }, (_, i) => [`k${i}`, i])), pad: '' };
    const padding = defaultVariableLimits.maxBytes - JSON.stringify(shape).length;
    const variables = { ...shape, pad: 'x'.repeat(padding) };
    expect(JSON.stringify(variables)).toHaveLength(defaultVariableLimits.maxBytes);
    await h.deploySimple();
    // when
    const created = await post('/v2/process-instances', JSON.stringify({ processDefinitionId: 'simple', variables }));
    // then
    expect(created.statusCode).toBe(200);
    const key = created.json().processInstanceKey;
    expect((await get(`/v2/process-instances/${key}`)).json().variables).toEqual(variables);
    const history = await get(`/v2/process-instances/${key}/history`);
    expect(history.json().items[0]).toMatchObject({ type: 'InstanceCreated' });
    expect(JSON.stringify(history.json())).toContain(JSON.stringify(variables.deep));
  });

  it('reads an instance that holds variables stored 10 000 deep before the door checked (instance, history, form, job)', async () => {
    // given: an instance created below the door, as an older node let it be stored
    await h.deploySimple();
    const [definition] = (await h.engine.searchProcessDefinitions({})).items;
    // a numeric key (8.8's LongKey) far above the instance numbers this engine reserves
    const legacyKey = keyOfInstanceNumber(1_000_000);
    await engine.execute({
      instanceId: legacyKey,
      definitionKey: definition?.processDefinitionKey ?? '',
      command: { type: 'CreateInstance', commandId: 'c-1', at: engine.clock.now(), instanceId: legacyKey, variables: { deep: nested(10_000) as object } },
    });
    // when
    const instance = await get(`/v2/process-instances/${legacyKey}`);
    const history = await get(`/v2/process-instances/${legacyKey}/history`);
    const jobs = await post('/v2/jobs/activation', JSON.stringify({ type: 'charge-card', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 }));
    // then: whole down to the readable depth, then a marker
    expect(instance.statusCode).toBe(200);
    expect(JSON.stringify(instance.json().variables)).toContain(tooDeepMarker(64));
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain(tooDeepMarker(72));
    expect(jobs.statusCode).toBe(200);
    const [job] = jobs.json().jobs;
    expect(JSON.stringify(job.variables)).toContain(tooDeepMarker(64));
    // and the form of its user task
    expect((await post(`/v2/jobs/${job.jobKey}/completion`, '{}')).statusCode).toBe(204);
    const [task] = (await h.engine.searchUserTasks({ filter: { processInstanceKey: legacyKey } })).items;
    const form = await get(`/v2/user-tasks/${task?.userTaskKey}/form`);
    expect(form.statusCode).toBe(200);
    expect(JSON.stringify(form.json().variables)).toContain(tooDeepMarker(64));
  });
});

describe('request bodies: unknown fields and prototype keys', () => {
  it.each([
    ['/v2/process-instances', '{"processDefinitionId":"simple","variabels":{"amount":1}}', 'variabels'],
    ['/v2/process-instances/search', '{"filter":{"processDefinitionID":"simple"}}', 'filter.processDefinitionID'],
    ['/v2/user-tasks/search', '{"page":{"from":0,"size":10}}', 'page.size'],
    ['/v2/jobs/activation', '{"type":"t","timeout":1,"maxJobsToActivate":1,"fetchVariables":["a"]}', 'fetchVariables'],
    ['/v2/jobs/1/completion', '{"variable":{}}', 'variable'],
    ['/v2/messages/publication', '{"name":"m","ttl":5}', 'ttl'],
    ['/v2/signals/broadcast', '{"signalName":"s","payload":{}}', 'payload'],
    ['/v2/incidents/search', '{"filter":{},"order":[]}', 'order'],
  ])('POST %s refuses an unknown field with 400 naming it and the fields it expects', async (url, body, field) => {
    // given
    await h.deploySimple();
    // when
    const res = await post(url, body);
    // then
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    expect(res.json().detail).toContain(`"${field}" is not a field of this request (expected one of`);
  });

  it('creates nothing when the body has a typo', async () => {
    await h.deploySimple();
    await post('/v2/process-instances', '{"processDefinitionId":"simple","variabels":{"amount":1}}');
    expect((await h.engine.searchInstances({ page: { limit: 10 } })).page.totalItems).toBe(0);
  });

  it('says so in the OpenAPI document: request bodies list their fields and allow no others', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const create = document.paths['/v2/process-instances'].post.requestBody.content['application/json'].schema;
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.variables.additionalProperties).toBe(true);
    const search = document.paths['/v2/process-instances/search'].post.requestBody.content['application/json'].schema;
    expect(search.properties.filter.additionalProperties).toBe(false);
  });

  it('closes every JSON request body of every route in the OpenAPI document, down to its nested objects', async () => {
    // given
    const document = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const open: string[] = [];
    const visit = (schema: { properties?: Record<string, unknown>; additionalProperties?: unknown; items?: unknown }, where: string): void => {
      if (schema.properties === undefined) return;
      if (schema.additionalProperties === undefined) open.push(where);
      for (const [name, property] of Object.entries(schema.properties)) visit(property as typeof schema, `${where}.${name}`);
    };
    // when
    let bodies = 0;
    for (const [path, operations] of Object.entries<Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (schema === undefined) continue;
        bodies++;
        visit(schema, `${method.toUpperCase()} ${path}`);
      }
    }
    // then
    expect(bodies).toBeGreaterThanOrEqual(14);
    expect(open).toEqual([]);
  });

  it.each([
    ['{"processDefinitionId":"simple","variables":{"__proto__":{"isAdmin":true}}}', '"__proto__"', 'variables.__proto__'],
    ['{"processDefinitionId":"simple","variables":{"a":{"constructor":{"prototype":{"x":1}}}}}', '"constructor" with a "prototype" key', 'variables.a.constructor.prototype'],
    ['{"processDefinitionId":"simple","variables":{"\\u005f_proto__":1}}', '"__proto__"', 'variables.__proto__'],
  ])('refuses a prototype key with 400 saying which key and where: %s', async (body, what, field) => {
    await h.deploySimple();
    const res = await post('/v2/process-instances', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    expect(res.json().detail).toContain(`found a key ${what}`);
    expect(res.json().detail).not.toContain('not valid JSON');
    expect((await h.engine.searchInstances({ page: { limit: 10 } })).page.totalItems).toBe(0);
  });

  it('accepts a key that only contains "proto" or "constructor" as text', async () => {
    await h.deploySimple();
    const res = await post('/v2/process-instances', '{"processDefinitionId":"simple","variables":{"constructor":"Ann","note":"__proto__"}}');
    expect(res.statusCode).toBe(200);
  });

  it('says why a body is not JSON', async () => {
    const res = await post('/v2/process-instances', '{"processDefinitionId":');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body' } });
    expect(res.json().detail).toMatch(/does not parse: .+/);
  });
});

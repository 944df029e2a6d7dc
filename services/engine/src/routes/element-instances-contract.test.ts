import { ElementInstanceResult, ElementInstanceSearchQueryResult, VariableResult, VariableSearchQueryResult } from '@baton/api';
import { createInMemoryEngine } from '@baton/memory';
import { VirtualClock } from '@baton/runtime';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';
import { createRuntimeEngineApi } from '../runtime-engine-api.js';

const ajv = new Ajv({ strict: false, allErrors: true, formats: { 'date-time': true } });
/** The validation errors of `body` against a contract schema (plain JSON Schema); [] when it conforms. */
const errorsOf = (schema: object, body: unknown): unknown[] => {
  const validate = ajv.compile(schema);
  return validate(body) ? [] : [...(validate.errors ?? [])];
};

type Item = { elementInstanceKey: string; elementId: string; state: string; type: string };

/** Issue 13: element instances and variables in Camunda 8.8's shapes, from the contract (@baton/api), on the runtime. */
describe('element instance and variable operations of the contract (runtime, in-memory)', () => {
  let h: Harness;
  beforeEach(async () => {
    // Few entries per object, so the engine's own variable limit shows (the HTTP guard allows 10 000).
    const engine = createInMemoryEngine({ nodeId: 'test-node', clock: new VirtualClock(1_700_000_000_000), variableLimits: { maxDepth: 64, maxBytes: 1024 * 1024, maxEntries: 5 } });
    h = await harness(await createRuntimeEngineApi({ engine, bus: engine.bus }));
  });
  afterEach(() => h.close());

  const post = (url: string, payload: object) => h.app.inject({ method: 'POST', url, payload });
  const put = (key: string, payload: object) => h.app.inject({ method: 'PUT', url: `/v2/element-instances/${key}/variables`, payload });
  const get = (url: string) => h.app.inject({ method: 'GET', url });
  const elementsOf = async (processInstanceKey: string): Promise<Item[]> => (await post('/v2/element-instances/search', { filter: { processInstanceKey } })).json().items;
  const chargeOf = async (processInstanceKey: string): Promise<Item> => (await elementsOf(processInstanceKey)).find((e) => e.elementId === 'charge')!;
  const variablesOf = async (filter: object) => (await post('/v2/variables/search', { filter })).json();

  it('searches an instance\'s element instances, active and ended, with every field 8.8 requires', async () => {
    // given
    const key = await h.startSimple();
    // when
    const body = (await post('/v2/element-instances/search', { filter: { processInstanceKey: key } })).json();
    const active = (await post('/v2/element-instances/search', { filter: { processInstanceKey: { $eq: key }, state: 'ACTIVE', type: 'SERVICE_TASK' } })).json();
    const page2 = (await post('/v2/element-instances/search', { filter: { processInstanceKey: key }, page: { limit: 1, after: body.page.startCursor } })).json();
    // then
    for (const answer of [body, active, page2]) expect(errorsOf(ElementInstanceSearchQueryResult, answer)).toEqual([]);
    expect(body.items).toMatchObject([
      { elementInstanceKey: key, elementId: 'simple', elementName: 'Simple', type: 'PROCESS', state: 'ACTIVE', tenantId: '<default>', processDefinitionId: 'simple' },
      { elementId: 'start', type: 'START_EVENT', state: 'COMPLETED', endDate: expect.any(String), hasIncident: false },
      { elementId: 'charge', elementName: 'Charge', type: 'SERVICE_TASK', state: 'ACTIVE', processInstanceKey: key },
    ]);
    expect(body.page).toMatchObject({ totalItems: 3, hasMoreTotalItems: false });
    expect(active.items.map((e: Item) => e.elementId)).toEqual(['charge']);
    expect(page2.items.map((e: Item) => e.elementId)).toEqual(['start']);
  });

  it('GET /v2/element-instances/{key} answers one (the process instance too), 404 for an unknown key', async () => {
    // given
    const key = await h.startSimple();
    const charge = await chargeOf(key);
    // when
    const one = await get(`/v2/element-instances/${charge.elementInstanceKey}`);
    const process = await get(`/v2/element-instances/${key}`);
    const unknownKey = (BigInt(key) + 999n).toString();
    const unknown = await get(`/v2/element-instances/${unknownKey}`);
    const notAKey = await get(`/v2/element-instances/${key}.999`);
    // then
    expect(one.statusCode).toBe(200);
    expect(errorsOf(ElementInstanceResult, one.json())).toEqual([]);
    expect(one.json()).toEqual(charge);
    expect(process.json()).toMatchObject({ elementInstanceKey: key, type: 'PROCESS' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', details: { elementInstanceKey: unknownKey } });
    expect(notAKey.statusCode).toBe(400);
    expect(notAKey.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { part: 'params', field: 'elementInstanceKey' } });
  });

  it('marks the element instance with an open incident and filters by hasIncident', async () => {
    // given
    const key = await h.startSimple();
    const [job] = (await post('/v2/jobs/activation', { type: 'charge-card', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 })).json().jobs;
    await post(`/v2/jobs/${job.jobKey}/failure`, { retries: 0, errorMessage: 'declined' });
    // when
    const withIncident = (await post('/v2/element-instances/search', { filter: { processInstanceKey: key, hasIncident: true, type: 'SERVICE_TASK' } })).json();
    // then
    expect(withIncident.items).toMatchObject([{ elementId: 'charge', hasIncident: true, incidentKey: expect.any(String) }]);
  });

  it('PUT variables local sets them in that scope only; not local they go to the process; nothing else moves', async () => {
    // given
    const key = await h.startSimple({ amount: 7 });
    const charge = await chargeOf(key);
    // when
    const local = await put(charge.elementInstanceKey, { variables: { note: 'local' }, local: true });
    const outer = await put(charge.elementInstanceKey, { variables: { amount: 8 } });
    // then
    expect([local.statusCode, outer.statusCode]).toEqual([204, 204]);
    const found = await variablesOf({ processInstanceKey: key });
    expect(errorsOf(VariableSearchQueryResult, found)).toEqual([]);
    expect(found.items).toEqual([
      expect.objectContaining({ name: 'amount', value: '8', scopeKey: key, processInstanceKey: key, tenantId: '<default>', isTruncated: false }),
      expect.objectContaining({ name: 'note', value: '"local"', scopeKey: charge.elementInstanceKey }),
    ]);
    expect(await chargeOf(key)).toMatchObject({ state: 'ACTIVE' });
    const jobs = (await post('/v2/jobs/search', { filter: { processInstanceKey: key } })).json();
    expect(jobs.items).toMatchObject([{ elementId: 'charge', state: 'CREATED' }]);
  });

  it('lists an instance\'s variables scope by scope, the process\'s first, each scope in the order its variables were set', async () => {
    // given: a process variable, then a local one on charge, then a new process variable set from charge
    const key = await h.startSimple({ amount: 7 });
    const charge = await chargeOf(key);
    await put(charge.elementInstanceKey, { variables: { note: 'local' }, local: true });
    await put(charge.elementInstanceKey, { variables: { region: 'eu' } });
    // when
    const found = await variablesOf({ processInstanceKey: key });
    // then: not in key order (note's key is older than region's), and not with the element scope first
    expect(found.items.map((v: { name: string; scopeKey: string }) => [v.name, v.scopeKey])).toEqual([
      ['amount', key],
      ['region', key],
      ['note', charge.elementInstanceKey],
    ]);
  });

  it('PUT variables on the process instance key sets the process scope', async () => {
    // given
    const key = await h.startSimple();
    // when
    const res = await put(key, { variables: { region: 'eu' }, local: true });
    // then
    expect(res.statusCode).toBe(204);
    expect((await variablesOf({ name: 'region' })).items).toMatchObject([{ scopeKey: key, value: '"eu"' }]);
  });

  it('PUT refuses variables over the limits, an ended element instance and an unknown field, changing nothing', async () => {
    // given
    const key = await h.startSimple();
    const start = (await elementsOf(key)).find((e) => e.elementId === 'start')!;
    const charge = await chargeOf(key);
    // when
    const tooMany = await put(charge.elementInstanceKey, { variables: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 } });
    const ended = await put(start.elementInstanceKey, { variables: { a: 1 } });
    const unknown = await put(charge.elementInstanceKey, { variables: { a: 1 }, locale: true });
    // then
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'VARIABLE_LIMIT_EXCEEDED' });
    expect(ended.statusCode).toBe(404);
    expect(ended.json()).toMatchObject({ code: 'NOT_FOUND', details: { elementInstanceId: start.elementInstanceKey } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('locale');
    expect((await variablesOf({ processInstanceKey: key })).items).toEqual([]);
  });

  it('searches variables by name, value (JSON text) and key, and GET /v2/variables/{key} answers the full value', async () => {
    // given
    const first = await h.startSimple({ order: { id: 'o-1', lines: [1, 2] }, region: 'eu' });
    await h.startSimple({ region: 'us' });
    // when
    const byName = await variablesOf({ name: 'region' });
    const byValue = await variablesOf({ value: '"us"' });
    const [order] = (await variablesOf({ processInstanceKey: first, name: 'order' })).items;
    const byKey = await variablesOf({ variableKey: order.variableKey });
    const one = await get(`/v2/variables/${order.variableKey}`);
    const unknown = await get('/v2/variables/99999999999999');
    const notAKey = await get('/v2/variables/no-such-key');
    // then
    expect(byName.page.totalItems).toBe(2);
    expect(byValue.items).toMatchObject([{ name: 'region', value: '"us"' }]);
    expect(byKey.items).toEqual([order]);
    expect(one.statusCode).toBe(200);
    expect(errorsOf(VariableResult, one.json())).toEqual([]);
    expect(JSON.parse(one.json().value)).toEqual({ id: 'o-1', lines: [1, 2] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', details: { variableKey: '99999999999999' } });
    expect(notAKey.statusCode).toBe(400);
    expect(notAKey.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { part: 'params', field: 'variableKey' } });
  });

  it('searches refuse a sort they cannot honour, naming the field', async () => {
    // when
    const elements = await post('/v2/element-instances/search', { sort: [{ field: 'elementId' }] });
    const variables = await post('/v2/variables/search', { sort: [{ field: 'processInstanceKey', order: 'DESC' }] });
    const honoured = await post('/v2/element-instances/search', { sort: [{ field: 'startDate', order: 'ASC' }] });
    // then
    expect(elements.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'sort' } });
    expect(variables.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'sort' } });
    expect(honoured.statusCode).toBe(200);
  });
});

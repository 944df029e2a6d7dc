import { createInMemoryMessageBus } from '@baton/memory';
import { systemClock } from '@baton/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, harness, type Harness } from '../__fixtures__/harness.js';
import { camundaOperations } from '../camunda-operations.js';
import { busOperations } from './bus-operations.js';
import { answerBusRequest, serveBusApi } from './serve-bus-api.js';

describe('the bus client API, serving side', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('names every Camunda 8.8 operation, and each contract operation by its own route', () => {
    for (const op of camundaOperations) expect(busOperations.get(op.operationId), op.operationId).toBeDefined();
    expect(busOperations.get('createProcessInstance')).toEqual({ operationId: 'createProcessInstance', method: 'POST', path: '/v2/process-instances' });
    expect(busOperations.get('completeJob')).toEqual({ operationId: 'completeJob', method: 'POST', path: '/v2/jobs/:jobKey/completion' });
    expect(busOperations.get('getHealthReady')).toMatchObject({ method: 'GET', path: '/health/ready' });
  });

  it('answers as the route does: JSON parsed, text as text, 204 without a body', async () => {
    h = await harness();
    const key = await h.startSimple();
    const definitionKey = await h.deploySimple();
    // given requests by path, and by params alone
    const instance = await answerBusRequest(h.app, 'n1', 'getProcessInstance', { v: 1, method: 'GET', path: `/v2/process-instances/${key}` });
    const xml = await answerBusRequest(h.app, 'n1', 'getProcessDefinitionXml', { v: 1, params: { processDefinitionKey: definitionKey } });
    const cancelled = await answerBusRequest(h.app, 'n1', 'cancelProcessInstance', { v: 1, params: { processInstanceKey: key }, body: {} });
    // then
    expect(instance).toMatchObject({ v: 1, status: 200, nodeId: 'n1', body: { processInstanceKey: key, state: 'ACTIVE' } });
    expect(xml).toMatchObject({ status: 200, body: fixture('simple') });
    expect(xml.contentType).toMatch(/xml/);
    expect(cancelled).toEqual({ v: 1, status: 204, nodeId: 'n1' });
  });

  it('deploys a raw XML body and a base64 multipart body', async () => {
    h = await harness();
    const boundary = 'bus-test';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="resources"; filename="simple.bpmn"\r\nContent-Type: application/xml\r\n\r\n${fixture('simple')}\r\n--${boundary}--\r\n`;
    const raw = await answerBusRequest(h.app, 'n1', 'createDeployment', { v: 1, contentType: 'application/xml', bodyText: fixture('simple') });
    const parts = await answerBusRequest(h.app, 'n1', 'createDeployment', {
      v: 1,
      contentType: `multipart/form-data; boundary=${boundary}`,
      bodyBase64: Buffer.from(multipart).toString('base64'),
    });
    expect([raw.status, parts.status]).toEqual([200, 200]);
    expect(parts.body).toMatchObject({ deployments: [{ processDefinition: { processDefinitionId: 'simple' } }] });
  });

  it.each([
    ['a request of another version', 'getTopology', { v: 2 }, 400, 'VALIDATION_FAILED', /"v" is 2, expected 1/],
    ['a line break in a credential', 'getTopology', { v: 1, bearerToken: 'abc\r\nx-evil: 1' }, 400, 'VALIDATION_FAILED', /"bearerToken" holds a control character/],
    ['two bodies', 'createProcessInstance', { v: 1, body: {}, bodyText: 'x' }, 400, 'VALIDATION_FAILED', /not body and bodyText/],
    ['a route of another operation', 'getTopology', { v: 1, method: 'POST', path: '/v2/process-instances', body: {} }, 400, 'VALIDATION_FAILED', /not operation getTopology/],
    ['a missing path parameter', 'getProcessInstance', { v: 1 }, 400, 'VALIDATION_FAILED', /params\.processInstanceKey/],
    ['an unknown operation', 'dropAllTables', { v: 1 }, 404, 'NOT_FOUND', /No operation is named "dropAllTables"/],
  ])('refuses %s with a problem, as REST refuses a malformed request', async (_name, operationId, data, status, code, detail) => {
    h = await harness();
    const reply = await answerBusRequest(h.app, 'n1', operationId, data);
    expect(reply).toMatchObject({ v: 1, status, nodeId: 'n1', contentType: 'application/problem+json', body: { status, code, detail: expect.stringMatching(detail) } });
  });

  it('refuses an answer too large for the bus with a 413 problem instead of a reply the bus would drop', async () => {
    h = await harness();
    await h.deploySimple();
    const reply = await answerBusRequest(h.app, 'n1', 'searchProcessDefinitions', { v: 1, body: {} }, 100);
    expect(reply).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', details: { operationId: 'searchProcessDefinitions', limit: 100 } } });
  });

  it('answers on baton.<cluster>.api.<operationId> in a queue group, and stops answering when stopped', async () => {
    h = await harness();
    const bus = createInMemoryMessageBus({ clock: systemClock() });
    const api = await serveBusApi({ app: h.app, bus, cluster: 'plant.1', nodeId: 'n1' });
    expect(api.subjects).toBe('baton.plant_1.api.*');
    await expect(bus.request('baton.plant_1.api.getTopology', { v: 1 }, { timeoutMs: 5_000 })).resolves.toMatchObject({ status: 200, nodeId: 'n1', body: { nodeId: 'test-node' } });
    await api.stop();
    await expect(bus.request('baton.plant_1.api.getTopology', { v: 1 }, { timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'NO_CAPABLE_NODE' });
    await bus.close();
  });
});

import { createInMemoryMessageBus, type InMemoryMessageBus } from '@baton/memory';
import { systemClock, type BusMessage } from '@baton/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBusClient } from './bus-client.js';
import { busOperationOf } from './bus-operations.js';

/** A node stand-in on the in-memory bus: records each request and answers with `reply`. */
function answering(bus: InMemoryMessageBus, reply: (message: BusMessage) => unknown): Promise<BusMessage[]> {
  const seen: BusMessage[] = [];
  return bus
    .subscribe('baton.plant.api.*', (message) => {
      seen.push(message);
      message.respond?.(reply(message));
    }, { queue: 'baton.plant.api' })
    .then(() => seen);
}

describe('createBusClient', () => {
  let bus: InMemoryMessageBus;
  beforeEach(() => {
    bus = createInMemoryMessageBus({ clock: systemClock() });
  });
  afterEach(async () => {
    await bus.close();
  });

  it.each([
    ['POST', '/v2/process-instances', 'createProcessInstance'],
    ['POST', '/v2/process-instances/search', 'searchProcessInstances'],
    ['GET', '/v2/process-instances/2251799813685249', 'getProcessInstance'],
    ['POST', '/v2/jobs/activation', 'activateJobs'],
    ['POST', '/v2/jobs/search', 'searchJobs'],
    ['PATCH', '/v2/jobs/2251799813685249', 'updateJob'],
    ['POST', '/v2/user-tasks/7/assignment', 'assignUserTask'],
    ['GET', '/v2/topology', 'getTopology'],
    ['GET', '/health/ready', 'getHealthReady'],
  ])('names %s %s as %s', (method, path, operationId) => {
    expect(busOperationOf(method, path)).toBe(operationId);
  });

  it('sends each call on its operation subject with v1 fields and the credentials, and reads the answer', async () => {
    // given a responder and a client of cluster "plant"
    const seen = await answering(bus, () => ({ v: 1, status: 200, nodeId: 'n1', contentType: 'application/json; charset=utf-8', body: { processInstanceKey: '42' } }));
    const client = await createBusClient({ bus, cluster: 'plant', bearerToken: 'tok' });
    // when
    const created = await client.createProcessInstance({ processDefinitionId: 'order', variables: { amount: 5 } });
    // then
    expect(created).toEqual({ processInstanceKey: '42' });
    expect(seen.map((m) => [m.subject, m.data])).toEqual([
      [
        'baton.plant.api.createProcessInstance',
        {
          v: 1,
          method: 'POST',
          path: '/v2/process-instances',
          body: { processDefinitionId: 'order', variables: { amount: 5 } },
          accept: 'application/json, application/problem+json',
          bearerToken: 'tok',
        },
      ],
    ]);
  });

  it('carries a multipart deployment as base64 with its boundary, and a text answer as text', async () => {
    const seen = await answering(bus, (m) =>
      m.subject.endsWith('.getProcessDefinitionXml') ? { v: 1, status: 200, nodeId: 'n1', contentType: 'text/xml', body: '<definitions/>' } : { v: 1, status: 200, nodeId: 'n1', contentType: 'application/json', body: { deployments: [] } },
    );
    const client = await createBusClient({ bus, cluster: 'plant', apiKey: 'baton_k_secret' });
    await client.deployResources({ resources: [{ name: 'a.bpmn', content: '<a/>' }] });
    expect(await client.getProcessDefinitionXml('9')).toBe('<definitions/>');
    const deploy = seen[0]!.data as { contentType: string; bodyBase64: string; apiKey: string };
    expect(deploy.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(Buffer.from(deploy.bodyBase64, 'base64').toString()).toContain('filename="a.bpmn"');
    expect(deploy.apiKey).toBe('baton_k_secret');
  });

  it('rejects a problem answer exactly as the HTTP client does: the code, the status, the detail', async () => {
    await answering(bus, () => ({
      v: 1,
      status: 404,
      nodeId: 'n1',
      contentType: 'application/problem+json',
      body: { type: 'about:blank', title: 'Not Found', status: 404, code: 'INSTANCE_NOT_FOUND', detail: 'No process instance "7".', details: { processInstanceKey: '7' } },
    }));
    const client = await createBusClient({ bus, cluster: 'plant' });
    await expect(client.getProcessInstance('7')).rejects.toMatchObject({
      name: 'BatonError',
      code: 'INSTANCE_NOT_FOUND',
      message: 'No process instance "7".',
      details: { status: 404, method: 'GET', path: '/v2/process-instances/7', processInstanceKey: '7' },
    });
  });

  it('rejects with NO_CAPABLE_NODE when no node serves the cluster, and with the caller\'s reason on abort', async () => {
    const client = await createBusClient({ bus, cluster: 'nobody', timeoutMs: 1_000 });
    await expect(client.getTopology()).rejects.toMatchObject({ code: 'NO_CAPABLE_NODE', details: { status: 503, subject: 'baton.nobody.api.getTopology' } });
    await bus.subscribe('baton.plant.api.*', () => undefined, { queue: 'baton.plant.api' });
    const held = await createBusClient({ bus, cluster: 'plant' });
    const controller = new AbortController();
    const call = held.searchUserTasks({}, { signal: controller.signal });
    controller.abort(new Error('user left'));
    await expect(call).rejects.toThrow('user left');
  });

  it('leaves a bus it was handed open on close, and refuses a bus URL it does not know', async () => {
    await answering(bus, () => ({ v: 1, status: 200, nodeId: 'n1', contentType: 'application/json', body: { nodeId: 'n1' } }));
    const client = await createBusClient({ bus, cluster: 'plant' });
    await client.close();
    await expect(client.getTopology()).resolves.toEqual({ nodeId: 'n1' });
    await expect(createBusClient({ bus: 'amqp://x' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'bus' } });
  });
});

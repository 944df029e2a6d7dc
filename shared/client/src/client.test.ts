import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activatedJob, startFakeNode, type FakeNode, type Reply } from './__fixtures__/fake-node.js';
import { createClient, type BatonClient } from './client.js';

let node: FakeNode;
let client: BatonClient;

beforeEach(async () => {
  node = await startFakeNode();
  client = createClient({ baseUrl: `${node.url}/` });
});
afterEach(() => node.close());

interface RouteCase {
  readonly name: string;
  readonly call: (c: BatonClient) => Promise<unknown>;
  readonly method: string;
  readonly path: string;
  /** The JSON body the server must receive; undefined: none. */
  readonly body?: unknown;
  readonly reply: Reply;
  /** What the method resolves with; default the reply body. */
  readonly result?: unknown;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const done: Reply = { status: 204 };
const page = { items: [{ userTaskKey: 'ut-1' }], page: { totalItems: 1 } };

const routes: readonly RouteCase[] = [
  { name: 'listProcessDefinitions', call: (c) => c.listProcessDefinitions(), method: 'GET', path: '/v2/process-definitions', reply: ok({ items: [], page: { totalItems: 0 } }) },
  { name: 'searchProcessDefinitions', call: (c) => c.searchProcessDefinitions({ filter: { isLatestVersion: true } }), method: 'POST', path: '/v2/process-definitions/search', body: { filter: { isLatestVersion: true } }, reply: ok({ items: [], page: { totalItems: 0, hasMoreTotalItems: false } }) },
  { name: 'getProcessDefinition', call: (c) => c.getProcessDefinition('pd-1'), method: 'GET', path: '/v2/process-definitions/pd-1', reply: ok({ processDefinitionKey: 'pd-1' }) },
  {
    name: 'createProcessInstance',
    call: (c) => c.createProcessInstance({ processDefinitionId: 'order', variables: { amount: 1 } }),
    method: 'POST',
    path: '/v2/process-instances',
    body: { processDefinitionId: 'order', variables: { amount: 1 } },
    reply: ok({ processInstanceKey: 'pi-1' }),
  },
  {
    name: 'searchProcessInstances',
    call: (c) => c.searchProcessInstances({ filter: { processDefinitionId: 'order', state: 'ACTIVE' }, page: { from: 10, limit: 10 } }),
    method: 'POST',
    path: '/v2/process-instances/search',
    body: { filter: { processDefinitionId: 'order', state: 'ACTIVE' }, page: { from: 10, limit: 10 } },
    reply: ok({ items: [{ processInstanceKey: 'pi-1', state: 'ACTIVE' }], page: { totalItems: 11 } }),
  },
  { name: 'searchProcessInstances without filter', call: (c) => c.searchProcessInstances(), method: 'POST', path: '/v2/process-instances/search', body: {}, reply: ok({ items: [], page: { totalItems: 0 } }) },
  { name: 'getProcessInstance', call: (c) => c.getProcessInstance('pi/1'), method: 'GET', path: '/v2/process-instances/pi%2F1', reply: ok({ state: 'ACTIVE' }) },
  { name: 'getProcessInstanceHistory', call: (c) => c.getProcessInstanceHistory('pi-1'), method: 'GET', path: '/v2/process-instances/pi-1/history', reply: ok({ items: [{ position: 1, type: 'InstanceStarted' }] }) },
  { name: 'cancelProcessInstance', call: (c) => c.cancelProcessInstance('pi-1'), method: 'POST', path: '/v2/process-instances/pi-1/cancellation', body: {}, reply: done },
  {
    name: 'correlateMessage',
    call: (c) => c.correlateMessage({ name: 'paid', correlationKey: 'o-1', variables: { x: 1 } }),
    method: 'POST',
    path: '/v2/messages/correlation',
    body: { name: 'paid', correlationKey: 'o-1', variables: { x: 1 } },
    reply: ok({ messageKey: 'm-1', processInstanceKey: 'pi-1' }),
  },
  {
    name: 'publishMessage',
    call: (c) => c.publishMessage({ name: 'paid', correlationKey: 'o-1', timeToLive: 60_000, messageId: 'once' }),
    method: 'POST',
    path: '/v2/messages/publication',
    body: { name: 'paid', correlationKey: 'o-1', timeToLive: 60_000, messageId: 'once' },
    reply: ok({ messageKey: 'm-2' }),
  },
  {
    name: 'broadcastSignal',
    call: (c) => c.broadcastSignal({ signalName: 'stop', variables: {} }),
    method: 'POST',
    path: '/v2/signals/broadcast',
    body: { signalName: 'stop', variables: {} },
    reply: ok({ signalKey: 's-1' }),
  },
  { name: 'updateJob', call: (c) => c.updateJob('j-1', { changeset: { retries: 4, timeout: 30_000 } }), method: 'PATCH', path: '/v2/jobs/j-1', body: { changeset: { retries: 4, timeout: 30_000 } }, reply: done },
  {
    name: 'searchJobs',
    call: (c) => c.searchJobs({ filter: { type: 'charge-card' }, page: { limit: 1 } }),
    method: 'POST',
    path: '/v2/jobs/search',
    body: { filter: { type: 'charge-card' }, page: { limit: 1 } },
    reply: ok({ items: [{ jobKey: 'j-1' }], page: { totalItems: 1, hasMoreTotalItems: false } }),
  },
  {
    name: 'activateJobs',
    call: (c) => c.activateJobs({ type: 'charge-card', worker: 'w', timeout: 5_000, maxJobsToActivate: 2, requestTimeout: -1 }),
    method: 'POST',
    path: '/v2/jobs/activation',
    body: { type: 'charge-card', worker: 'w', timeout: 5_000, maxJobsToActivate: 2, requestTimeout: -1 },
    reply: ok({ jobs: [activatedJob()] }),
    result: [activatedJob()],
  },
  { name: 'completeJob', call: (c) => c.completeJob('j-1', { paid: true }), method: 'POST', path: '/v2/jobs/j-1/completion', body: { variables: { paid: true } }, reply: done },
  { name: 'completeJob without variables', call: (c) => c.completeJob('j-1'), method: 'POST', path: '/v2/jobs/j-1/completion', body: { variables: {} }, reply: done },
  {
    name: 'failJob',
    call: (c) => c.failJob('j-1', { retries: 2, errorMessage: 'down', retryBackOff: 1_000 }),
    method: 'POST',
    path: '/v2/jobs/j-1/failure',
    body: { retries: 2, errorMessage: 'down', retryBackOff: 1_000 },
    reply: done,
  },
  {
    name: 'throwJobError',
    call: (c) => c.throwJobError('j-1', { errorCode: 'CARD_DECLINED', errorMessage: 'no', variables: { reason: 'limit' } }),
    method: 'POST',
    path: '/v2/jobs/j-1/error',
    body: { errorCode: 'CARD_DECLINED', errorMessage: 'no', variables: { reason: 'limit' } },
    reply: done,
  },
  {
    name: 'searchUserTasks',
    call: (c) => c.searchUserTasks({ filter: { candidateGroup: 'managers' }, page: { limit: 10 } }),
    method: 'POST',
    path: '/v2/user-tasks/search',
    body: { filter: { candidateGroup: 'managers' }, page: { limit: 10 } },
    reply: ok(page),
  },
  { name: 'searchUserTasks without filter', call: (c) => c.searchUserTasks(), method: 'POST', path: '/v2/user-tasks/search', body: {}, reply: ok(page) },
  { name: 'assignUserTask', call: (c) => c.assignUserTask('ut-1', 'ann'), method: 'POST', path: '/v2/user-tasks/ut-1/assignment', body: { assignee: 'ann' }, reply: done },
  { name: 'unassignUserTask', call: (c) => c.unassignUserTask('ut-1'), method: 'DELETE', path: '/v2/user-tasks/ut-1/assignee', reply: done },
  { name: 'getUserTask', call: (c) => c.getUserTask('ut-1'), method: 'GET', path: '/v2/user-tasks/ut-1', reply: ok({ userTaskKey: 'ut-1' }) },
  { name: 'updateUserTask', call: (c) => c.updateUserTask('ut-1', { priority: 80, dueDate: null }), method: 'PATCH', path: '/v2/user-tasks/ut-1', body: { changeset: { priority: 80, dueDate: null } }, reply: done },
  {
    name: 'assignUserTask without override',
    call: (c) => c.assignUserTask('ut-1', 'ann', { allowOverride: false }),
    method: 'POST',
    path: '/v2/user-tasks/ut-1/assignment',
    body: { assignee: 'ann', allowOverride: false },
    reply: done,
  },
  { name: 'getUserTaskForm', call: (c) => c.getUserTaskForm('ut-1'), method: 'GET', path: '/v2/user-tasks/ut-1/form', reply: ok({ formId: 'f', schema: {} }) },
  { name: 'searchUserTaskVariables', call: (c) => c.searchUserTaskVariables('ut-1', { filter: { name: 'a' } }), method: 'POST', path: '/v2/user-tasks/ut-1/variables/search', body: { filter: { name: 'a' } }, reply: ok(page) },
  {
    name: 'completeUserTask',
    call: (c) => c.completeUserTask('ut-1', { approved: true }),
    method: 'POST',
    path: '/v2/user-tasks/ut-1/completion',
    body: { variables: { approved: true } },
    reply: done,
  },
  {
    name: 'searchIncidents',
    call: (c) => c.searchIncidents({ filter: { processInstanceKey: 'pi-1', state: 'ACTIVE' } }),
    method: 'POST',
    path: '/v2/incidents/search',
    body: { filter: { processInstanceKey: 'pi-1', state: 'ACTIVE' } },
    reply: ok({ items: [], page: { totalItems: 0 } }),
  },
  { name: 'getIncident', call: (c) => c.getIncident('in/1'), method: 'GET', path: '/v2/incidents/in%2F1', reply: ok({ incidentKey: 'in/1', state: 'ACTIVE' }) },
  {
    name: 'searchMessageSubscriptions',
    call: (c) => c.searchMessageSubscriptions({ filter: { messageName: 'paid' }, page: { limit: 5 } }),
    method: 'POST',
    path: '/v2/message-subscriptions/search',
    body: { filter: { messageName: 'paid' }, page: { limit: 5 } },
    reply: ok({ items: [], page: { totalItems: 0, hasMoreTotalItems: false } }),
  },
  { name: 'resolveIncident', call: (c) => c.resolveIncident('in-1', 3), method: 'POST', path: '/v2/incidents/in-1/resolution', body: { retries: 3 }, reply: done },
  { name: 'resolveIncident with server default', call: (c) => c.resolveIncident('in-1'), method: 'POST', path: '/v2/incidents/in-1/resolution', body: {}, reply: done },
  { name: 'getTopology', call: (c) => c.getTopology(), method: 'GET', path: '/v2/topology', reply: ok({ nodeId: 'n1', capabilities: ['charge-card'], peers: [] }) },
  { name: 'health (ready)', call: (c) => c.health(), method: 'GET', path: '/health/ready', reply: ok({ status: 'UP' }) },
  { name: 'health (live)', call: (c) => c.health('live'), method: 'GET', path: '/health/live', reply: ok({ status: 'UP' }) },
];

describe('createClient routes', () => {
  it.each(routes)('$name sends $method $path with the right body', async (route) => {
    // given
    node.on(route.method, route.path, route.reply);
    // when
    const result = await route.call(client);
    // then
    const [request] = node.requests;
    expect(node.requests).toHaveLength(1);
    expect({ method: request?.method, path: request?.path }).toEqual({ method: route.method, path: route.path });
    if (route.body === undefined) expect(request?.body).toBe('');
    else {
      expect(request?.headers['content-type']).toBe('application/json');
      expect(request?.json).toEqual(route.body);
    }
    expect(result).toEqual(route.result ?? route.reply.body);
  });

  it('deploys files as multipart field "resources", with allowNonExecutable in the query', async () => {
    // given
    node.on('POST', '/v2/deployments', ok({ deploymentKey: 'd-1', tenantId: '<default>', deployments: [] }));
    // when
    await client.deployResources({
      resources: [
        { name: 'a.bpmn', content: '<a/>' },
        { name: 'b.bpmn', content: new TextEncoder().encode('<b/>') },
      ],
      allowNonExecutable: true,
    });
    // then
    const [request] = node.received('POST', '/v2/deployments');
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.query.get('allowNonExecutable')).toBe('true');
    expect(request?.body).toMatch(/name="resources"; filename="a.bpmn"\r\nContent-Type: application\/xml\r\n\r\n<a\/>/);
    expect(request?.body).toMatch(/name="resources"; filename="b.bpmn"\r\nContent-Type: application\/xml\r\n\r\n<b\/>/);
  });

  it('deploys one raw XML document with its name', async () => {
    // given
    const answer = { deploymentKey: 'd-1', tenantId: '<default>', deployments: [{ processDefinition: { processDefinitionId: 'order', processDefinitionVersion: 1, processDefinitionKey: 'k', resourceName: 'order.bpmn', tenantId: '<default>' } }] };
    node.on('POST', '/v2/deployments', ok(answer));
    // when
    const result = await client.deployResources({ xml: '<definitions/>', name: 'order.bpmn' });
    // then
    const [request] = node.requests;
    expect(request?.headers['content-type']).toBe('application/xml');
    expect(request?.query.get('name')).toBe('order.bpmn');
    expect(request?.query.has('allowNonExecutable')).toBe(false);
    expect(request?.body).toBe('<definitions/>');
    expect(result).toEqual(answer);
  });

  it('fetches a definition XML as text', async () => {
    node.on('GET', '/v2/process-definitions/pd-1/xml', { status: 200, body: '<definitions/>', contentType: 'text/xml' });
    await expect(client.getProcessDefinitionXml('pd-1')).resolves.toBe('<definitions/>');
  });

  it('sends the API key and the bearer token', async () => {
    // given
    node.on('GET', '/v2/topology', ok({}));
    // when
    await createClient({ baseUrl: node.url, apiKey: 'k-1', bearerToken: 't-1' }).getTopology();
    // then
    expect(node.requests[0]?.headers).toMatchObject({ 'x-api-key': 'k-1', authorization: 'Bearer t-1' });
  });

  it('uses the fetch it is given', async () => {
    // given
    const seen: string[] = [];
    const spying: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    node.on('GET', '/v2/topology', ok({ nodeId: 'n1' }));
    // when
    await createClient({ baseUrl: node.url, fetch: spying }).getTopology();
    // then
    expect(seen).toEqual([`${node.url}/v2/topology`]);
  });
});

describe('createClient errors', () => {
  const problem = (status: number, code: string, extra: object = {}): Reply => ({
    status,
    contentType: 'application/problem+json',
    body: { type: `urn:baton:error:${code}`, title: code, status, detail: `detail of ${code}`, instance: '/x', code, ...extra },
  });

  it('throws a BatonError with the server code, the detail as message and the status in details', async () => {
    // given
    node.on('POST', '/v2/jobs/j-1/completion', problem(404, 'JOB_NOT_OPEN', { details: { jobKey: 'j-1' } }));
    // when
    const error = await client.completeJob('j-1').catch((e: unknown) => e);
    // then
    expect(error).toMatchObject({
      name: 'BatonError',
      code: 'JOB_NOT_OPEN',
      message: 'detail of JOB_NOT_OPEN',
      details: { status: 404, method: 'POST', path: '/v2/jobs/j-1/completion', jobKey: 'j-1' },
    });
  });

  it('keeps the list of problems of a refused deployment', async () => {
    // given
    const problems = [{ code: 'NO_OUTGOING_FLOW', message: 'x', elementId: 'split' }];
    node.on('POST', '/v2/deployments', problem(400, 'MODEL_INVALID', { problems }));
    // when
    const error = await client.deployResources({ xml: '<x/>' }).catch((e: unknown) => e);
    // then
    expect(error).toMatchObject({ code: 'MODEL_INVALID', details: { status: 400, problems } });
  });

  it.each([
    [404, 'NOT_FOUND'],
    [409, 'STALE_COMMAND'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [503, 'SERVER_UNAVAILABLE'],
    [500, 'INTERNAL'],
  ])('maps an unknown code with status %i to %s and keeps the server code', async (status, code) => {
    node.on('GET', '/v2/topology', problem(status, 'SOMETHING_NEW'));
    const error = await client.getTopology().catch((e: unknown) => e);
    expect(error).toMatchObject({ code, message: 'detail of SOMETHING_NEW', details: { status, serverCode: 'SOMETHING_NEW' } });
  });

  it('maps a non-JSON error body by status and quotes it', async () => {
    node.on('GET', '/v2/topology', { status: 502, body: 'Bad Gateway from proxy' });
    const error = await client.getTopology().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVER_UNAVAILABLE', details: { status: 502 } });
    expect((error as Error).message).toContain('Bad Gateway from proxy');
  });

  it('throws SERVER_UNAVAILABLE with the cause when nothing listens', async () => {
    // given: a port that was free a moment ago
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    // when
    const error = await createClient({ baseUrl: `http://127.0.0.1:${port}` }).health().catch((e: unknown) => e);
    // then
    expect(error).toMatchObject({ code: 'SERVER_UNAVAILABLE', details: { method: 'GET', url: `http://127.0.0.1:${port}/health/ready` } });
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('throws SERVER_UNAVAILABLE when the node does not answer within timeoutMs', async () => {
    // given: an activation the fake holds open (no jobs), asked not to long-poll
    const impatient = createClient({ baseUrl: node.url, timeoutMs: 50 });
    // when
    const error = await impatient.activateJobs({ type: 't', timeout: 1_000, maxJobsToActivate: 1, requestTimeout: -1 }).catch((e: unknown) => e);
    // then
    expect(error).toMatchObject({ code: 'SERVER_UNAVAILABLE' });
    expect((error as Error).message).toContain('no answer within 50 ms');
  });

  it('rejects with the reason of a caller abort', async () => {
    // given
    const controller = new AbortController();
    const pending = client.activateJobs({ type: 't', timeout: 1_000, maxJobsToActivate: 1 }, { signal: controller.signal });
    await node.until(() => node.openActivations === 1);
    // when
    const reason = new Error('stop');
    controller.abort(reason);
    // then
    await expect(pending).rejects.toBe(reason);
  });
});

import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, inMemoryEngineApi, type Harness } from './__fixtures__/harness.js';

/** Every route of issue 4, as the OpenAPI document names them. */
const documentedRoutes = [
  ['post', '/v2/deployments'],
  ['get', '/v2/process-definitions'],
  ['get', '/v2/process-definitions/{processDefinitionKey}/xml'],
  ['post', '/v2/process-instances'],
  ['post', '/v2/process-instances/search'],
  ['get', '/v2/process-instances/{processInstanceKey}'],
  ['get', '/v2/process-instances/{processInstanceKey}/history'],
  ['post', '/v2/process-instances/{processInstanceKey}/cancellation'],
  ['post', '/v2/messages/correlation'],
  ['post', '/v2/messages/publication'],
  ['post', '/v2/signals/broadcast'],
  ['post', '/v2/jobs/activation'],
  ['post', '/v2/jobs/{jobKey}/completion'],
  ['post', '/v2/jobs/{jobKey}/failure'],
  ['post', '/v2/jobs/{jobKey}/error'],
  ['post', '/v2/user-tasks/search'],
  ['post', '/v2/user-tasks/{userTaskKey}/assignment'],
  ['delete', '/v2/user-tasks/{userTaskKey}/assignee'],
  ['post', '/v2/user-tasks/{userTaskKey}/completion'],
  ['post', '/v2/incidents/search'],
  ['post', '/v2/incidents/{incidentKey}/resolution'],
  ['get', '/v2/topology'],
  ['get', '/health/live'],
  ['get', '/health/ready'],
] as const;

describe('the node server', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('answers an unknown route with a NOT_FOUND problem', async () => {
    h = await harness();
    const res = await h.app.inject({ method: 'GET', url: '/v2/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toEqual({
      type: 'urn:baton:error:NOT_FOUND',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
      detail: expect.stringContaining('GET /v2/nothing-here'),
      instance: '/v2/nothing-here?x=1',
    });
  });

  it('answers malformed JSON with a VALIDATION_FAILED problem', async () => {
    h = await harness();
    const res = await h.app.inject({ method: 'POST', url: '/v2/process-instances', headers: { 'content-type': 'application/json' }, payload: '{"processDefinitionId":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it('hides the cause of an internal error from the client', async () => {
    // given: the runtime, but its definition search fails as a broken store connection would
    const engine = { ...(await inMemoryEngineApi()), searchProcessDefinitions: () => Promise.reject(new Error('secret connection string')) };
    h = await harness(engine);
    const res = await h.app.inject({ method: 'GET', url: '/v2/process-definitions' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL', status: 500 });
    expect(res.body).not.toContain('secret');
  });

  it('serves an OpenAPI document with every route and the problem schema, and a docs page without a CDN', async () => {
    h = await harness();
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const [method, path] of documentedRoutes) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(doc.paths['/v2/process-instances'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('processDefinitionId');
    expect(doc.components.schemas).toHaveProperty('ProblemDetails');

    const page = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toMatch(/https?:\/\/(?!localhost)/);
    const bundle = await h.app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
  });

  it('counts commands by type and outcome in /metrics, with process metrics', async () => {
    h = await harness();
    await h.startSimple();
    await h.app.inject({ method: 'POST', url: '/v2/jobs/99999999999999/completion', payload: {} });
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const sample = (name: string, labels: Record<string, string>): string | undefined =>
      res.body
        .split('\n')
        .find((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
        ?.split(' ')[1];
    expect(sample('baton_commands_total', { command: 'CreateInstance', outcome: 'ok', node_id: 'test-node' })).toBe('1');
    expect(sample('baton_commands_total', { command: 'CompleteJob', outcome: 'JOB_NOT_OPEN' })).toBe('1');
    expect(sample('baton_command_duration_seconds_count', { command: 'Deploy' })).toBe('1');
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('counts open incidents by error type in /metrics (baton_incidents_open)', async () => {
    // given: two instances whose charge job failed with no retries left
    h = await harness();
    for (const key of [await h.startSimple(), await h.startSimple()]) {
      const job = (await h.engine.searchJobs({ filter: { processInstanceKey: key } })).items[0];
      await h.app.inject({ method: 'POST', url: `/v2/jobs/${job?.jobKey ?? ''}/failure`, payload: { retries: 0, errorMessage: 'declined' } });
    }
    // when
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    // then
    const line = res.body.split('\n').find((l) => l.startsWith('baton_incidents_open{') && l.includes('error_type="JOB_NO_RETRIES"'));
    expect(line?.split(' ')[1]).toBe('2');
  });

  it('reports liveness, readiness and topology', async () => {
    let ready = false;
    h = await harness(undefined, { isReady: () => ready, capabilities: ['charge-card', 'ship'] });
    expect((await h.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'UP' });
    const notReady = await h.app.inject({ method: 'GET', url: '/health/ready' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().code).toBe('SERVER_UNAVAILABLE');
    ready = true;
    expect((await h.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    const topology = (await h.app.inject({ method: 'GET', url: '/v2/topology' })).json();
    expect(topology).toMatchObject({ nodeId: 'test-node', capabilities: ['charge-card', 'ship'], peers: [], clusterSize: 1 });
  });

  it('logs JSON with nodeId and the keys of the request, never variable values', async () => {
    // given: a logger that keeps every line
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
        done();
      },
    });
    h = await harness(undefined, { logger: pino({ level: 'info' }, sink) });
    // when
    const key = await h.startSimple({ cardNumber: '4111-1111' });
    const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'w', timeoutMs: 1000, maxJobsToActivate: 1 });
    await h.app.inject({ method: 'POST', url: `/v2/jobs/${job?.jobKey ?? ''}/completion`, payload: { variables: { secret: 'pin-1234' } } });
    // then
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line['nodeId'] === 'test-node')).toBe(true);
    expect(lines.some((line) => line['processInstanceKey'] === key)).toBe(true);
    expect(lines.some((line) => line['jobKey'] === job?.jobKey)).toBe(true);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('4111-1111');
    expect(text).not.toContain('pin-1234');
  });

  it('serves over a real socket', async () => {
    h = await harness();
    const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const deploy = await fetch(`${address}/v2/process-definitions`);
    expect(deploy.status).toBe(200);
    expect(await deploy.json()).toEqual({ items: [], page: { totalItems: 0, hasMoreTotalItems: false } });
    const missing = await fetch(`${address}/v2/process-instances/99999999999999`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await missing.json()).toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
  });

  it('answers a pending long poll at once when the server closes', async () => {
    // given: an activation request that is waiting
    const runtime = await inMemoryEngineApi();
    let polling: () => void = () => undefined;
    const isPolling = new Promise<void>((resolve) => (polling = resolve));
    const engine = { ...runtime, onChange: (listener: () => void) => (polling(), runtime.onChange(listener)) };
    const node = await harness(engine);
    const address = await node.app.listen({ host: '127.0.0.1', port: 0 });
    const pending = fetch(`${address}/v2/jobs/activation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'charge-card', timeout: 1000, maxJobsToActivate: 1, requestTimeout: 600_000 }),
    });
    await isPolling;
    // when
    await node.close();
    // then
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ jobs: [] });
  });
});

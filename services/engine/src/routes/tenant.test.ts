import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearProcess, scriptTask } from '../__fixtures__/linear-process.js';
import { startNode, type RunningNode } from '../start-node.js';

// Issue 13: Camunda's clients send `tenantId: "<default>"` in every create, publish,
// correlate, broadcast and deployment. Baton has only the default tenant: it takes that
// one and refuses any other by name, never ignoring it.
const quick = linearProcess('quick', 'sum', scriptTask('sum', '=a + 1', 'b'));

describe('tenantId in request bodies', () => {
  let dir = '';
  let node: RunningNode;
  const post = async (path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baton-tenant-'));
    await writeFile(join(dir, 'quick.bpmn'), quick);
    node = await startNode({ logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0, deployDir: dir });
  });
  afterAll(async () => {
    await node?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the default tenant where Camunda\'s clients send it', async () => {
    const created = await post('/v2/process-instances', { processDefinitionId: 'quick', variables: { a: 1, other: 'x' }, tenantId: '<default>', awaitCompletion: true, fetchVariables: ['b'] });
    expect(created).toMatchObject({ status: 200, body: { state: 'COMPLETED', variables: { b: 2 } } });
    expect(Object.keys(created.body['variables'] as object)).toEqual(['b']);
    expect((await post('/v2/messages/publication', { name: 'm', correlationKey: 'k', tenantId: '<default>' })).status).toBe(200);
    expect((await post('/v2/signals/broadcast', { signalName: 's', tenantId: '<default>' })).status).toBe(200);
    const form = new FormData();
    form.append('resources', new Blob([quick], { type: 'application/xml' }), 'quick.bpmn');
    form.append('tenantId', '<default>');
    expect((await fetch(`${node.url}/v2/deployments`, { method: 'POST', body: form })).status).toBe(200);
  });

  it('refuses another tenant, naming the field, and starts nothing', async () => {
    const before = await post('/v2/process-instances/search', {});
    for (const [path, body] of [
      ['/v2/process-instances', { processDefinitionId: 'quick', tenantId: 'acme' }],
      ['/v2/messages/publication', { name: 'm', correlationKey: 'k', tenantId: 'acme' }],
      ['/v2/messages/correlation', { name: 'm', correlationKey: 'k', tenantId: 'acme' }],
      ['/v2/signals/broadcast', { signalName: 's', tenantId: 'acme' }],
    ] as const) {
      const refused = await post(path, body);
      expect(refused.status, path).toBe(400);
      expect(refused.body, path).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringContaining('"tenantId" must be one of "<default>"'), details: { field: 'tenantId' } });
    }
    const form = new FormData();
    form.append('tenantId', 'acme');
    form.append('resources', new Blob([quick], { type: 'application/xml' }), 'quick.bpmn');
    const deploy = await fetch(`${node.url}/v2/deployments`, { method: 'POST', body: form });
    expect(deploy.status).toBe(400);
    expect(await deploy.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'tenantId' } });
    expect((await post('/v2/process-instances/search', {})).body['page']).toEqual(before.body['page']);
  });
});

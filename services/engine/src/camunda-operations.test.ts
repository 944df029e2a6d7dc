import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camundaOperations } from './camunda-operations.js';
import { startNode, type RunningNode } from './start-node.js';

const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;

/** The operation's path with every parameter filled by a key no instance has. */
const concrete = (path: string): string => `/v2${path.replace(/\{[A-Za-z0-9_]+\}/g, '2251799813685249')}`;

async function call(node: RunningNode, method: string, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const hasBody = method !== 'GET' && method !== 'DELETE';
  const res = await fetch(`${node.url}${concrete(path)}`, { method, ...(hasBody ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

describe('Camunda 8.8 operations (issue 13): every one answers, never 404', () => {
  let node: RunningNode;
  beforeAll(async () => {
    node = await startNode(quiet);
  });
  afterAll(() => node.close());

  it('lists the 146 operations of the 8.8 document, each once', () => {
    expect(camundaOperations).toHaveLength(146);
    expect(new Set(camundaOperations.map((op) => `${op.method} ${op.path}`)).size).toBe(146);
    expect(new Set(camundaOperations.map((op) => op.operationId)).size).toBe(146);
  });

  it('answers every listed operation with something other than 404 NOT_FOUND for a missing route', async () => {
    const unrouted: string[] = [];
    for (const op of camundaOperations) {
      const { status, body } = await call(node, op.method, op.path);
      // A served route may say 404 for the object it looks up (the key is unknown), never "No route".
      if (status === 404 && String(body['detail']).startsWith('No route')) unrouted.push(`${op.method} ${op.path}`);
    }
    expect(unrouted).toEqual([]);
  });

  it('answers an unserved operation 501 with a problem naming it', async () => {
    // given: Camunda's usage metrics operation, which Baton does not serve
    // when
    const { status, body } = await call(node, 'GET', '/system/usage-metrics');
    // then
    expect(status).toBe(501);
    expect(body).toMatchObject({
      status: 501,
      code: 'NOT_IMPLEMENTED',
      type: 'urn:baton:error:NOT_IMPLEMENTED',
      instance: '/v2/system/usage-metrics',
      details: { operationId: 'getUsageMetrics', method: 'GET', path: '/v2/system/usage-metrics' },
    });
    expect(body['detail']).toContain('getUsageMetrics');
    expect(body['detail']).toContain('does not implement');
  });

  it('does not answer 501 for an operation Baton serves, and keeps the 501s out of /openapi.json', async () => {
    const doc = (await (await fetch(`${node.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{[A-Za-z0-9_]+\}/g, '{}')}`)));
    const served = camundaOperations.filter((op) => documented.has(`${op.method} /v2${op.path.replace(/\{[A-Za-z0-9_]+\}/g, '{}')}`));
    // Baton serves most of the 8.8 API (test/compat/README.md counts them); none of those is shadowed by a 501.
    expect(served.length).toBeGreaterThan(15);
    const shadowed: string[] = [];
    for (const op of served) {
      const { status } = await call(node, op.method, op.path);
      if (status === 501) shadowed.push(`${op.method} ${op.path}`);
    }
    expect(shadowed).toEqual([]);
    expect(documented.has('GET /v2/system/usage-metrics')).toBe(false);
  });

  it('still answers a path outside the 8.8 API 404 NOT_FOUND', async () => {
    const res = await fetch(`${node.url}/v2/nothing-here`);
    expect(res.status).toBe(404);
  });
});

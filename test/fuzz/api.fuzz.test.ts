import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, createRuntimeEngineApi, type EngineApi } from '@baton/engine';
import { createInMemoryEngine } from '@baton/memory';
import { mutatedXml } from '@baton/testkit';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-runs.js';
import { valueFor, type JsonSchema } from './schema-arbitrary.js';

const payXml = readFileSync(new URL('../../services/engine/src/auth/__fixtures__/auth.bpmn', import.meta.url), 'utf8');
const pingXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://baton.dev/fuzz">
<bpmn:process id="ping" isExecutable="true"><bpmn:startEvent id="s" />
<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
<bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait" /><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e" /></bpmn:process>
<bpmn:message id="m" name="ping"><bpmn:extensionElements><zeebe:subscription correlationKey="=key" /></bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly body?: JsonSchema;
}

// A stream, not a request and a response: it stays open until the client leaves.
const streamed = new Set(['GET /v2/events']);

let app: FastifyInstance;
let engine: EngineApi;
let runtime: ReturnType<typeof createInMemoryEngine>;
let operations: Operation[] = [];
let strings: string[] = [];
let components: Record<string, JsonSchema> = {};

/** Everything a request could change: definitions, instances with their state, open tasks, incidents. */
async function snapshot(): Promise<string> {
  const { items } = await runtime.searchInstances({ limit: 10_000 });
  const states = await Promise.all(items.map(async (i) => (await runtime.getInstance(i.instanceId)).state));
  return JSON.stringify({ definitions: (await engine.searchProcessDefinitions({})).items, states, tasks: (await engine.searchUserTasks({})).items, incidents: (await engine.searchIncidents({})).items });
}

/** A node with instances in every kind of wait: a job, user tasks, an incident, a message subscription. */
async function populate(): Promise<string[]> {
  const deployed = await engine.deploy([{ name: 'pay.bpmn', xml: payXml }, { name: 'ping.bpmn', xml: pingXml }], { allowNonExecutable: false });
  const started = await Promise.all([1, 2, 3].map(() => engine.startInstance({ processDefinitionId: 'pay', variables: { amount: 10 } })));
  const ping = await engine.startInstance({ processDefinitionId: 'ping', variables: { key: 'k' } });
  const jobs = await engine.activateJobs({ type: 'charge-card', worker: 'fuzz', timeoutMs: 3_600_000, maxJobsToActivate: 3 });
  await engine.completeJob(jobs[0]?.jobKey ?? '', {});
  await engine.failJob(jobs[1]?.jobKey ?? '', { retries: 0, errorMessage: 'declined', retryBackOffMs: 0 });
  const keys = [
    ...started.map((s) => s.processInstanceKey),
    ping.processInstanceKey,
    ...jobs.map((j) => j.jobKey),
    ...(await engine.searchUserTasks({})).items.map((t) => t.userTaskKey),
    ...(await engine.searchIncidents({})).items.map((i) => i.incidentKey),
    ...(await engine.searchProcessDefinitions({})).items.map((d) => d.processDefinitionKey),
  ];
  expect(keys.length).toBeGreaterThan(8);
  expect(JSON.stringify(deployed)).toContain('pay');
  return [...keys, 'pay', 'ping', 'k', 'charge-card', 'approve', 'check', 'fuzz', 'demo', '0', '-1', '18446744073709551616', 'a/b', '..', '%00'];
}

beforeAll(async () => {
  runtime = createInMemoryEngine({ nodeId: 'fuzz-node' });
  engine = await createRuntimeEngineApi({ engine: runtime, bus: runtime.bus });
  app = await buildServer({ engine, nodeId: 'fuzz-node', capabilities: ['charge-card'] });
  strings = await populate();
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>; components?: { schemas?: Record<string, JsonSchema> } }>();
  components = doc.components?.schemas ?? {};
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, ...(op.requestBody?.content?.['application/json']?.schema ? { body: op.requestBody.content['application/json'].schema } : {}) })),
  ).filter((op) => !streamed.has(`${op.method} ${op.path}`));
}, 60_000);

afterAll(async () => {
  await app?.close();
  await engine?.close();
});

const resolve = (ref: string): JsonSchema | undefined => components[ref.replace('#/components/schemas/', '')];

const pathValue = () => fc.oneof({ arbitrary: fc.constantFrom(...strings), weight: 4 }, { arbitrary: fc.string({ maxLength: 30 }), weight: 1 }, { arbitrary: fc.constantFrom('x'.repeat(2000), '%', '%2F', '%00', 'null'), weight: 1 });

/** A request to one documented operation: path parameters, a query and a body, mostly near valid. */
type InjectRequest = { method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'; url: string; headers: Record<string, string>; payload?: string };

function request(op: Operation): fc.Arbitrary<InjectRequest> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const params = fc.tuple(...names.map(() => pathValue()));
  const query = fc.oneof({ arbitrary: fc.constant(''), weight: 5 }, { arbitrary: fc.string({ maxLength: 20 }).map((q) => `?${encodeURIComponent(q)}=${encodeURIComponent(q)}`), weight: 1 });
  const isDeploy = op.path === '/v2/deployments';
  const body: fc.Arbitrary<{ payload?: string; type?: string }> = isDeploy
    ? fc.oneof(mutatedXml([payXml, pingXml]).map((m) => ({ payload: m.xml, type: 'application/xml' })), fc.string().map((s) => ({ payload: s, type: 'application/xml' })))
    : fc.oneof(
        { arbitrary: fc.boolean().chain((isNoisy) => valueFor(op.body, { strings, resolve, isNoisy })).map((v) => ({ payload: JSON.stringify(clampWaits(v, op)), type: 'application/json' })), weight: 8 },
        { arbitrary: fc.constant({}), weight: 1 },
        { arbitrary: fc.string({ maxLength: 30 }).map((s) => ({ payload: s, type: 'application/json' })), weight: 1 },
        { arbitrary: fc.string({ maxLength: 30 }).map((s) => ({ payload: s, type: 'text/plain' })), weight: 1 },
      );
  return fc.tuple(params, query, body).map(([values, q, b]) => {
    let path = op.path;
    names.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(String(values[i])))));
    const headers: Record<string, string> = b.type === undefined ? {} : { 'content-type': b.type };
    return { method: op.method as InjectRequest['method'], url: `${path}${q}`, headers, ...(b.payload === undefined ? {} : { payload: b.payload }) };
  });
}

/** Long polls and awaited completions wait at most 1 ms here: the property is about answers, not waiting. */
function clampWaits(value: unknown, op: Operation): unknown {
  if (op.body?.properties?.['requestTimeout'] === undefined) return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const timeout = record['requestTimeout'];
  // Absent or 0 means a default wait of seconds; a wrong or negative one is refused at the door, so it stays.
  if (timeout !== undefined && (typeof timeout !== 'number' || timeout < 0)) return value;
  return { ...record, requestTimeout: 1 };
}

describe('fuzz: every route of the OpenAPI document (issue 12c)', () => {
  it('documents routes to fuzz', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it('answers random requests without a 500, and a 4xx changes nothing and says why with a code', async () => {
    const arbitrary = fc.nat().chain((n) => request(operations[n % operations.length] as Operation));
    await fc.assert(
      fc.asyncProperty(arbitrary, async (req) => {
        // given
        const before = await snapshot();
        // when
        const res = await app.inject(req);
        // then
        expect(res.statusCode, `${req.method} ${req.url} ${req.payload ?? ''} -> ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(await snapshot(), `${req.method} ${req.url} ${req.payload ?? ''} -> ${res.statusCode} changed state`).toBe(before);
          expect(res.json<{ code?: unknown }>().code, `${req.method} ${req.url} -> ${res.body}`).toMatch(/^[A-Z][A-Z_]+$/);
        }
      }),
      fuzzParameters(150),
    );
  }, fuzzTimeoutMs);
});

/**
 * Every answer Baton gives to a Camunda 8.8 operation it serves validates against 8.8's
 * schema for that operation (issue 13), as Camunda's client checks with
 * `CAMUNDA_SDK_VALIDATION=res:strict`: the zod schemas generated into
 * @camunda8/orchestration-cluster-api 8.8.4 (see `camunda-schemas.ts` for why these and
 * not `@camunda/camunda-api-zod-schemas`). Unknown fields are tolerated, as under
 * `res:strict`. The operations come from the node's own /openapi.json, so a new route is
 * checked without touching this file, and one with no driver in `operation-drivers.ts`
 * fails. All mismatches (operation, JSON path, expected, found) are reported in one failure.
 */
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startNode, type RunningNode } from '@baton/engine';
import { camundaOperationOf, loadCamundaSchemas, mismatches, schemaStem, type CamundaOperation, type CamundaSchemas } from './camunda-schemas.js';
import { drivers, Fixture, Rest, type Answer } from './operation-drivers.js';

let node: RunningNode;
let schemas: CamundaSchemas;

beforeAll(async () => {
  [node, schemas] = await Promise.all([
    startNode({ logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0, enableClockControl: true }),
    loadCamundaSchemas(),
  ]);
});

afterAll(async () => {
  await node?.close();
});

/** The 8.8 operations the node lists in /openapi.json. */
async function servedOperations(url: string): Promise<CamundaOperation[]> {
  const document = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).flatMap((method) => camundaOperationOf(method, path) ?? []));
}

/**
 * Mismatches 8.8's own server has too, by operation and JSON path, with why: each must
 * still be found (so a fixed schema shows up), and is then not counted.
 */
const schemaDefects: Readonly<Record<string, { readonly path: string; readonly reason: string }>> = {
  evaluateDecision: {
    path: '$.failedDecisionDefinitionId',
    reason: 'a successful evaluation has no failed decision: Camunda 8.8 answers "" (Zeebe\'s empty failedDecisionId), as Baton does; the 8.8.4 schema requires a non-empty id even on success',
  },
};

async function check(operation: CamundaOperation, fixture: Fixture): Promise<string[]> {
  const name = `${operation.operationId} (${operation.method} /v2${operation.path})`;
  const driver = drivers[operation.operationId];
  if (driver === undefined) return [`${name}: served, but no driver in test/compat/operation-drivers.ts`];
  const schema = schemas[`z${schemaStem(operation.operationId)}Response`];
  let answer: Answer;
  try {
    answer = await driver(fixture);
  } catch (error) {
    return [`${name}: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (answer.status >= 300) return [`${name}: HTTP ${answer.status}: ${JSON.stringify(answer.body)}`];
  // 8.8 declares no body for some answers (deleteResource: `200: unknown`): the client has no schema, and Baton sends none.
  if (schema === undefined) return answer.body === undefined ? [] : [`${name}: 8.8 declares no answer body (no z${schemaStem(operation.operationId)}Response), found ${JSON.stringify(answer.body)}`];
  // Items of one array fail alike: `$.items[*].jobKey` once, with the first value found.
  const defect = schemaDefects[operation.operationId];
  const all = mismatches(schema, answer.body);
  if (defect !== undefined && !all.some((found) => found.path === defect.path)) return [`${name}: expected the known schema defect at ${defect.path} (${defect.reason}), found none: remove it from schemaDefects`];
  const lines = all.filter((found) => found.path !== defect?.path).map((found) => `${name} ${found.path.replace(/\[\d+\]/g, '[*]')}: expected ${found.expected}, found ${found.found}`);
  return [...new Map(lines.map((line) => [line.slice(0, line.lastIndexOf(', found ')), line])).values()];
}

test('every JSON answer of a served 8.8 operation validates against 8.8 schema', async () => {
  // given a node with compat.bpmn deployed, and the operations it serves
  const fixture = new Fixture(new Rest(node.url));
  await fixture.deployed();
  const operations = await servedOperations(node.url);
  expect(operations.length).toBeGreaterThan(0);

  // when each is driven (one after another: some share the fixture's instances)
  const found: string[] = [];
  for (const operation of operations) found.push(...(await check(operation, fixture)));

  // then no answer differs from 8.8's schema
  expect(found.length, `${found.length} mismatches over ${operations.length} served operations:\n${found.join('\n')}`).toBe(0);
});

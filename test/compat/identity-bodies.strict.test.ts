/**
 * Baton's answers to Camunda 8.8's identity operations validate against 8.8's schema for
 * each operation (the zod schemas generated into Camunda's client, see `camunda-schemas.ts`),
 * as `bodies.strict.test.ts` checks the others. Those run on a node without authentication,
 * where the identity operations answer 501; these run on a node with an identity file, as
 * its admin with HTTP Basic (the client's BASIC strategy). Every operation of the contract's
 * `identityOperations` is called: a JSON answer must validate, a 204 must be a 204, and the
 * changes Baton's model cannot express must be the 501 the engine README promises.
 */
import { identityOperations } from '@baton/api';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashPassword, startNode, type RunningNode } from '@baton/engine';
import { loadCamundaSchemas, mismatches, schemaStem, type CamundaSchemas } from './camunda-schemas.js';
import { calls, created, refused } from './identity-calls.js';

const admin = { username: 'compat-admin', password: 'compat-admin-password' };
const basic = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
let node: RunningNode;
let schemas: CamundaSchemas;

beforeAll(async () => {
  const user = { username: admin.username, passwordHash: await hashPassword(admin.password, { N: 1024 }), roles: ['admin' as const], groups: [] };
  [node, schemas] = await Promise.all([
    startNode({ logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0, auth: { identity: { users: [user], groups: [], apiKeys: [] }, sessionSecret: 's'.repeat(32) } }),
    loadCamundaSchemas(),
  ]);
});

afterAll(async () => {
  await node?.close();
});

test('every identity operation answers in 8.8\'s shape (JSON validated, 204 empty), or 501 where Baton\'s model cannot express the change', async () => {
  // given: every operation of the contract has a call here
  expect(calls.map(([operationId]) => operationId).sort()).toEqual(Object.keys(identityOperations).sort());
  const problems: string[] = [];
  for (const [operationId, path, body] of calls) {
    const { method, status } = identityOperations[operationId];
    // when
    const res = await fetch(`${node.url}${path}`, {
      method,
      headers: { authorization: basic, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    // then
    const expected = refused.has(operationId) ? 501 : created.has(operationId) ? 201 : status;
    if (res.status !== expected) {
      problems.push(`${operationId}: expected HTTP ${expected}, found ${res.status}: ${text}`);
      continue;
    }
    if (res.status !== 200 && res.status !== 201) continue;
    const schema = schemas[`z${schemaStem(operationId)}Response`];
    if (schema === undefined) problems.push(`${operationId}: no z${schemaStem(operationId)}Response in the client's schemas`);
    else problems.push(...mismatches(schema, JSON.parse(text)).map((m) => `${operationId}: ${m.path}: expected ${m.expected}, found ${m.found}`));
  }
  expect(problems).toEqual([]);
});

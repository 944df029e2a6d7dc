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

type OperationId = keyof typeof identityOperations;

/** How each operation is called, in this order (later calls use what earlier ones created). */
const calls: readonly [OperationId, string, unknown?][] = [
  ['getAuthentication', '/v2/authentication/me'],
  ['createUser', '/v2/users', { username: 'nina', password: 'nina-secret-1', name: 'Nina', email: 'nina@example.com' }],
  ['searchUsers', '/v2/users/search', { filter: { username: 'nina' } }],
  ['getUser', '/v2/users/nina'],
  ['updateUser', '/v2/users/nina', { name: 'Nina N.' }],
  ['createGroup', '/v2/groups', { groupId: 'auditors', name: 'Auditors' }],
  ['searchGroups', '/v2/groups/search', {}],
  ['getGroup', '/v2/groups/auditors'],
  ['updateGroup', '/v2/groups/auditors', { name: 'Auditors', description: 'Check the books' }],
  ['assignUserToGroup', '/v2/groups/auditors/users/nina'],
  ['searchUsersForGroup', '/v2/groups/auditors/users/search', {}],
  ['searchRoles', '/v2/roles/search', {}],
  ['getRole', '/v2/roles/operator'],
  ['assignRoleToUser', '/v2/roles/operator/users/nina'],
  ['assignRoleToGroup', '/v2/roles/operator/groups/auditors'],
  ['searchUsersForRole', '/v2/roles/operator/users/search', {}],
  ['searchGroupsForRole', '/v2/roles/operator/groups/search', {}],
  ['searchRolesForGroup', '/v2/groups/auditors/roles/search', {}],
  ['unassignRoleFromGroup', '/v2/roles/operator/groups/auditors'],
  ['unassignRoleFromUser', '/v2/roles/operator/users/nina'],
  ['unassignUserFromGroup', '/v2/groups/auditors/users/nina'],
  ['searchAuthorizations', '/v2/authorizations/search', {}],
  ['getAuthorization', '/v2/authorizations/1'],
  ['searchTenants', '/v2/tenants/search', {}],
  ['getTenant', '/v2/tenants/<default>'],
  ['createRole', '/v2/roles', { roleId: 'auditor', name: 'Auditor' }],
  ['updateRole', '/v2/roles/operator', { name: 'Ops', description: 'o' }],
  ['deleteRole', '/v2/roles/operator'],
  ['createAuthorization', '/v2/authorizations', { ownerId: 'nina', ownerType: 'USER', resourceId: '*', resourceType: 'USER', permissionTypes: ['READ'] }],
  ['updateAuthorization', '/v2/authorizations/1', { ownerId: 'nina', ownerType: 'USER', resourceId: '*', resourceType: 'USER', permissionTypes: ['READ'] }],
  ['deleteAuthorization', '/v2/authorizations/1'],
  ['createTenant', '/v2/tenants', { tenantId: 'acme', name: 'ACME' }],
  ['deleteGroup', '/v2/groups/auditors'],
  ['deleteUser', '/v2/users/nina'],
];

/** What Baton's identity model cannot express (fixed roles, permissions by role, one tenant): 501 by design. */
const refused = new Set<OperationId>(['createRole', 'updateRole', 'deleteRole', 'createAuthorization', 'updateAuthorization', 'deleteAuthorization', 'createTenant']);

/** Creations answer 201, as in 8.8. */
const created = new Set<OperationId>(['createUser', 'createGroup']);

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

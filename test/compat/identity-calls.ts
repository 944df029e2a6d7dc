/** The identity calls the strict checks make, in order, with what Baton answers to each: shared by `identity-bodies.strict.test.ts` (HTTP) and `client-every-operation.strict.test.ts` (Camunda's client). */
import type { identityOperations } from '@baton/api';

/** The identity operations Baton serves, by operationId. */
export type OperationId = keyof typeof identityOperations;

/** How each operation is called, in this order (later calls use what earlier ones created). */
export const calls: readonly [OperationId, string, unknown?][] = [
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
export const refused = new Set<OperationId>(['createRole', 'updateRole', 'deleteRole', 'createAuthorization', 'updateAuthorization', 'deleteAuthorization', 'createTenant']);

/** Creations answer 201, as in 8.8. */
export const created = new Set<OperationId>(['createUser', 'createGroup']);

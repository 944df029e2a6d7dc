import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, Key, Literals, SearchQueryPageRequest, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId } from './common.js';
import { operation } from './operation.js';

/**
 * Identity in Camunda 8.8's shapes (`/v2/authentication/me`, `/v2/users`, `/v2/groups`,
 * `/v2/roles`, `/v2/authorizations`, `/v2/tenants`) over Baton's own identity: users with
 * a scrypt-hashed password, groups with members, the four fixed roles (admin, operator,
 * worker, user) held by users and groups, the permissions each role grants (Baton's route
 * table, shown as 8.8 authorizations) and the one tenant `<default>`.
 */

const tags = ['identity'];

/** A username or group id: Camunda's characters. */
const Id = (description: string) => Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9_@.+-]+$', description });
/** In a path: any non-empty id, so users of an identity file with other characters stay reachable. */
const PathId = Type.String({ minLength: 1, maxLength: 256 });
const params = <const Names extends readonly string[]>(...names: Names) =>
  Type.Object(Object.fromEntries(names.map((name) => [name, PathId])) as { [K in Names[number]]: typeof PathId }, { additionalProperties: false });

/** Baton's rule for a new password (8 to 1024 characters); it is stored scrypt-hashed and never returned. */
const Password = Type.String({ minLength: 8, maxLength: 1024, description: 'Stored scrypt-hashed; never returned or logged.' });

// ---- authentication/me

export const CamundaUserResult = Type.Object({
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  authorizedComponents: Type.Array(Type.String(), { description: '`*` for admins; `operate` (admin, operator) and `tasklist` (user) for the others.' }),
  tenants: Type.Array(Type.Object({ tenantId: TenantId, name: Type.String(), description: Type.Optional(Type.String()) })),
  groups: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  salesPlanType: Type.String({ description: 'Always empty: Baton has no plans.' }),
  c8Links: Type.Record(Type.String(), Type.String()),
  canLogout: Type.Boolean({ description: 'True for a browser session (POST /v2/auth/logout ends it).' }),
});
export type CamundaUserResult = Static<typeof CamundaUserResult>;

// ---- users

export const UserRequest = Type.Object(
  { username: Id('The unique name of the user.'), password: Password, name: Type.Optional(Type.String()), email: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type UserRequest = Static<typeof UserRequest>;

export const UserUpdateRequest = Type.Object(
  {
    password: Type.Optional(Type.Union([Password, Type.Literal('')], { description: 'A new password (ends the user\'s sessions on every node); blank or absent keeps it.' })),
    name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type UserUpdateRequest = Static<typeof UserUpdateRequest>;

export const UserResult = Type.Object({ username: Type.String(), name: Type.Optional(Type.String()), email: Type.Optional(Type.String()) });
export type UserResult = Static<typeof UserResult>;

export const UserFilter = Type.Object({ username: Type.Optional(BasicStringFilter), name: Type.Optional(BasicStringFilter), email: Type.Optional(BasicStringFilter) }, { additionalProperties: false });
export type UserFilter = Static<typeof UserFilter>;
export const UserSearchQueryRequest = SearchQueryRequest(UserFilter, SearchQuerySort(['username', 'name', 'email']));
export type UserSearchQueryRequest = Static<typeof UserSearchQueryRequest>;
export const UserSearchResult = SearchQueryResult(UserResult);

/** A member search (users of a group or a role, groups of a role): sort and page, no filter. */
const MemberSearch = <const Field extends string>(field: Field) =>
  Type.Object({ sort: Type.Optional(SearchQuerySort([field])), page: Type.Optional(SearchQueryPageRequest) }, { additionalProperties: false });
export const MemberUserSearchQueryRequest = MemberSearch('username');
export type MemberUserSearchQueryRequest = Static<typeof MemberUserSearchQueryRequest>;
export const MemberUserSearchResult = SearchQueryResult(Type.Object({ username: Type.String() }));
export const MemberGroupSearchQueryRequest = MemberSearch('groupId');
export type MemberGroupSearchQueryRequest = Static<typeof MemberGroupSearchQueryRequest>;
export const MemberGroupSearchResult = SearchQueryResult(Type.Object({ groupId: Type.String() }));

// ---- groups

export const GroupCreateRequest = Type.Object({ groupId: Id('The ID of the new group.'), name: Type.String(), description: Type.Optional(Type.String()) }, { additionalProperties: false });
export type GroupCreateRequest = Static<typeof GroupCreateRequest>;
export const GroupUpdateRequest = Type.Object({ name: Type.String(), description: Type.String() }, { additionalProperties: false });
export type GroupUpdateRequest = Static<typeof GroupUpdateRequest>;
export const GroupResult = Type.Object({ groupId: Type.String(), name: Type.String(), description: Type.Optional(Type.String()) });
export type GroupResult = Static<typeof GroupResult>;
export const GroupFilter = Type.Object({ groupId: Type.Optional(BasicStringFilter), name: Type.Optional(Type.String()) }, { additionalProperties: false });
export type GroupFilter = Static<typeof GroupFilter>;
export const GroupSearchQueryRequest = SearchQueryRequest(GroupFilter, SearchQuerySort(['name', 'groupId']));
export type GroupSearchQueryRequest = Static<typeof GroupSearchQueryRequest>;
export const GroupSearchQueryResult = SearchQueryResult(GroupResult);

// ---- roles

export const RoleCreateRequest = Type.Object({ roleId: Id('The ID of the new role.'), name: Type.String(), description: Type.Optional(Type.String()) }, { additionalProperties: false });
export type RoleCreateRequest = Static<typeof RoleCreateRequest>;
export const RoleUpdateRequest = Type.Object({ name: Type.String(), description: Type.String() }, { additionalProperties: false });
export type RoleUpdateRequest = Static<typeof RoleUpdateRequest>;
export const RoleResult = Type.Object({ roleId: Type.String(), name: Type.String(), description: Type.Optional(Type.String()) });
export type RoleResult = Static<typeof RoleResult>;
export const RoleFilter = Type.Object({ roleId: Type.Optional(Type.String()), name: Type.Optional(Type.String()) }, { additionalProperties: false });
export type RoleFilter = Static<typeof RoleFilter>;
export const RoleSearchQueryRequest = SearchQueryRequest(RoleFilter, SearchQuerySort(['name', 'roleId']));
export type RoleSearchQueryRequest = Static<typeof RoleSearchQueryRequest>;
export const RoleSearchQueryResult = SearchQueryResult(RoleResult);

// ---- authorizations

export const OwnerType = Literals(['USER', 'CLIENT', 'ROLE', 'GROUP', 'MAPPING_RULE', 'UNSPECIFIED']);
export type OwnerType = Static<typeof OwnerType>;
export const ResourceType = Literals([
  'AUTHORIZATION',
  'MAPPING_RULE',
  'MESSAGE',
  'BATCH',
  'COMPONENT',
  'SYSTEM',
  'TENANT',
  'RESOURCE',
  'PROCESS_DEFINITION',
  'DECISION_REQUIREMENTS_DEFINITION',
  'DECISION_DEFINITION',
  'GROUP',
  'USER',
  'ROLE',
  'DOCUMENT',
]);
export type ResourceType = Static<typeof ResourceType>;
export const PermissionType = Literals([
  'ACCESS',
  'CREATE',
  'CREATE_BATCH_OPERATION_CANCEL_PROCESS_INSTANCE',
  'CREATE_BATCH_OPERATION_DELETE_PROCESS_INSTANCE',
  'CREATE_BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE',
  'CREATE_BATCH_OPERATION_MODIFY_PROCESS_INSTANCE',
  'CREATE_BATCH_OPERATION_RESOLVE_INCIDENT',
  'CREATE_BATCH_OPERATION_DELETE_DECISION_INSTANCE',
  'CREATE_BATCH_OPERATION_DELETE_DECISION_DEFINITION',
  'CREATE_BATCH_OPERATION_DELETE_PROCESS_DEFINITION',
  'CREATE_PROCESS_INSTANCE',
  'CREATE_DECISION_INSTANCE',
  'READ',
  'READ_PROCESS_INSTANCE',
  'READ_USER_TASK',
  'READ_DECISION_INSTANCE',
  'READ_PROCESS_DEFINITION',
  'READ_DECISION_DEFINITION',
  'READ_USAGE_METRIC',
  'UPDATE',
  'UPDATE_PROCESS_INSTANCE',
  'UPDATE_USER_TASK',
  'CANCEL_PROCESS_INSTANCE',
  'MODIFY_PROCESS_INSTANCE',
  'DELETE',
  'DELETE_PROCESS',
  'DELETE_DRD',
  'DELETE_FORM',
  'DELETE_RESOURCE',
  'DELETE_PROCESS_INSTANCE',
  'DELETE_DECISION_INSTANCE',
]);
export type PermissionType = Static<typeof PermissionType>;

export const AuthorizationRequest = Type.Object(
  { ownerId: Type.String({ minLength: 1 }), ownerType: OwnerType, resourceId: Type.String({ minLength: 1 }), resourceType: ResourceType, permissionTypes: Type.Array(PermissionType, { minItems: 1 }) },
  { additionalProperties: false },
);
export type AuthorizationRequest = Static<typeof AuthorizationRequest>;
export const AuthorizationResult = Type.Object({
  authorizationKey: Key,
  ownerId: Type.String(),
  ownerType: OwnerType,
  resourceType: ResourceType,
  resourceId: Type.String(),
  permissionTypes: Type.Array(PermissionType),
});
export type AuthorizationResult = Static<typeof AuthorizationResult>;
export const AuthorizationFilter = Type.Object(
  { ownerId: Type.Optional(Type.String()), ownerType: Type.Optional(OwnerType), resourceIds: Type.Optional(Type.Array(Type.String())), resourceType: Type.Optional(ResourceType) },
  { additionalProperties: false },
);
export type AuthorizationFilter = Static<typeof AuthorizationFilter>;
export const AuthorizationSearchQuery = SearchQueryRequest(AuthorizationFilter, SearchQuerySort(['ownerId', 'ownerType', 'resourceId', 'resourceType']));
export type AuthorizationSearchQuery = Static<typeof AuthorizationSearchQuery>;
export const AuthorizationSearchResult = SearchQueryResult(AuthorizationResult);

// ---- tenants

export const TenantResult = Type.Object({ tenantId: TenantId, name: Type.String(), description: Type.Optional(Type.String()) });
export type TenantResult = Static<typeof TenantResult>;
export const TenantCreateRequest = Type.Object(
  { tenantId: Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9_@.+-]+$' }), name: Type.String(), description: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type TenantCreateRequest = Static<typeof TenantCreateRequest>;
export const TenantFilter = Type.Object({ tenantId: Type.Optional(Type.String()), name: Type.Optional(Type.String()) }, { additionalProperties: false });
export type TenantFilter = Static<typeof TenantFilter>;
export const TenantSearchQueryRequest = SearchQueryRequest(TenantFilter, SearchQuerySort(['key', 'name', 'tenantId']));
export type TenantSearchQueryRequest = Static<typeof TenantSearchQueryRequest>;
export const TenantSearchQueryResult = SearchQueryResult(TenantResult);

/**
 * The identity operations. Creations answer 201 (as 8.8): the route adds the status, since
 * `operation` declares 200 or 204 (`response` is the 201 body here).
 */
export const identityOperations = {
  getAuthentication: operation({ method: 'GET', path: '/v2/authentication/me', tags, summary: 'Who the caller is, in 8.8\'s CamundaUserResult', response: CamundaUserResult }),

  createUser: operation({ method: 'POST', path: '/v2/users', tags, summary: 'Create a user with a password (201); assign roles with PUT /v2/roles/{roleId}/users/{username}', body: UserRequest, response: UserResult }),
  searchUsers: operation({ method: 'POST', path: '/v2/users/search', tags, summary: 'Search users', body: UserSearchQueryRequest, response: UserSearchResult }),
  getUser: operation({ method: 'GET', path: '/v2/users/:username', tags, summary: 'Get a user (never the password)', params: params('username'), response: UserResult }),
  updateUser: operation({ method: 'PUT', path: '/v2/users/:username', tags, summary: 'Update a user\'s name, email or password', params: params('username'), body: UserUpdateRequest, response: UserResult }),
  deleteUser: operation({ method: 'DELETE', path: '/v2/users/:username', tags, summary: 'Delete a user; their sessions end on every node', params: params('username') }),

  createGroup: operation({ method: 'POST', path: '/v2/groups', tags, summary: 'Create a group (201)', body: GroupCreateRequest, response: GroupResult }),
  searchGroups: operation({ method: 'POST', path: '/v2/groups/search', tags, summary: 'Search groups', body: GroupSearchQueryRequest, response: GroupSearchQueryResult }),
  getGroup: operation({ method: 'GET', path: '/v2/groups/:groupId', tags, summary: 'Get a group', params: params('groupId'), response: GroupResult }),
  updateGroup: operation({ method: 'PUT', path: '/v2/groups/:groupId', tags, summary: 'Update a group\'s name and description', params: params('groupId'), body: GroupUpdateRequest, response: GroupResult }),
  deleteGroup: operation({ method: 'DELETE', path: '/v2/groups/:groupId', tags, summary: 'Delete a group', params: params('groupId') }),
  assignUserToGroup: operation({ method: 'PUT', path: '/v2/groups/:groupId/users/:username', tags, summary: 'Make a user a member of a group', params: params('groupId', 'username') }),
  unassignUserFromGroup: operation({ method: 'DELETE', path: '/v2/groups/:groupId/users/:username', tags, summary: 'Remove a user from a group', params: params('groupId', 'username') }),
  searchUsersForGroup: operation({ method: 'POST', path: '/v2/groups/:groupId/users/search', tags, summary: 'The members of a group', params: params('groupId'), body: MemberUserSearchQueryRequest, response: MemberUserSearchResult }),
  searchRolesForGroup: operation({ method: 'POST', path: '/v2/groups/:groupId/roles/search', tags, summary: 'The roles a group gives its members', params: params('groupId'), body: RoleSearchQueryRequest, response: RoleSearchQueryResult }),

  createRole: operation({ method: 'POST', path: '/v2/roles', tags, summary: 'Refused: Baton\'s roles are fixed (admin, operator, worker, user)', body: RoleCreateRequest, response: RoleResult }),
  searchRoles: operation({ method: 'POST', path: '/v2/roles/search', tags, summary: 'Search the roles (admin, operator, worker, user)', body: RoleSearchQueryRequest, response: RoleSearchQueryResult }),
  getRole: operation({ method: 'GET', path: '/v2/roles/:roleId', tags, summary: 'Get a role', params: params('roleId'), response: RoleResult }),
  updateRole: operation({ method: 'PUT', path: '/v2/roles/:roleId', tags, summary: 'Refused: Baton\'s roles are fixed', params: params('roleId'), body: RoleUpdateRequest, response: RoleResult }),
  deleteRole: operation({ method: 'DELETE', path: '/v2/roles/:roleId', tags, summary: 'Refused: Baton\'s roles are fixed', params: params('roleId') }),
  assignRoleToUser: operation({ method: 'PUT', path: '/v2/roles/:roleId/users/:username', tags, summary: 'Give a user a role', params: params('roleId', 'username') }),
  unassignRoleFromUser: operation({ method: 'DELETE', path: '/v2/roles/:roleId/users/:username', tags, summary: 'Take a role from a user', params: params('roleId', 'username') }),
  assignRoleToGroup: operation({ method: 'PUT', path: '/v2/roles/:roleId/groups/:groupId', tags, summary: 'Give a group\'s members a role', params: params('roleId', 'groupId') }),
  unassignRoleFromGroup: operation({ method: 'DELETE', path: '/v2/roles/:roleId/groups/:groupId', tags, summary: 'Take a role from a group', params: params('roleId', 'groupId') }),
  searchUsersForRole: operation({ method: 'POST', path: '/v2/roles/:roleId/users/search', tags, summary: 'The users given a role directly', params: params('roleId'), body: MemberUserSearchQueryRequest, response: MemberUserSearchResult }),
  searchGroupsForRole: operation({ method: 'POST', path: '/v2/roles/:roleId/groups/search', tags, summary: 'The groups given a role', params: params('roleId'), body: MemberGroupSearchQueryRequest, response: MemberGroupSearchResult }),

  createAuthorization: operation({
    method: 'POST',
    path: '/v2/authorizations',
    tags,
    summary: 'Refused: Baton grants permissions by role only (see searchAuthorizations); give the owner a role instead',
    body: AuthorizationRequest,
    response: Type.Object({ authorizationKey: Key }),
  }),
  searchAuthorizations: operation({ method: 'POST', path: '/v2/authorizations/search', tags, summary: 'The permissions each role grants, as 8.8 authorizations', body: AuthorizationSearchQuery, response: AuthorizationSearchResult }),
  getAuthorization: operation({ method: 'GET', path: '/v2/authorizations/:authorizationKey', tags, summary: 'Get one of the roles\' authorizations', params: params('authorizationKey'), response: AuthorizationResult }),
  updateAuthorization: operation({ method: 'PUT', path: '/v2/authorizations/:authorizationKey', tags, summary: 'Refused: the roles\' permissions are fixed', params: params('authorizationKey'), body: AuthorizationRequest }),
  deleteAuthorization: operation({ method: 'DELETE', path: '/v2/authorizations/:authorizationKey', tags, summary: 'Refused: the roles\' permissions are fixed', params: params('authorizationKey') }),

  createTenant: operation({ method: 'POST', path: '/v2/tenants', tags, summary: 'Refused: multi-tenancy is not available; Baton has the one tenant <default>', body: TenantCreateRequest, response: TenantResult }),
  searchTenants: operation({ method: 'POST', path: '/v2/tenants/search', tags, summary: 'Search tenants: the one tenant <default>', body: TenantSearchQueryRequest, response: TenantSearchQueryResult }),
  getTenant: operation({ method: 'GET', path: '/v2/tenants/:tenantId', tags, summary: 'Get a tenant (only <default> exists)', params: params('tenantId'), response: TenantResult }),
};

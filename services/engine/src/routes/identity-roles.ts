import { identityOperations as ops } from '@baton/api';
import type { AuthorizationSearchQuery, MemberGroupSearchQueryRequest, MemberUserSearchQueryRequest, RoleCreateRequest, RoleSearchQueryRequest, TenantCreateRequest, TenantSearchQueryRequest } from '@baton/api';
import { BatonError } from '@baton/errors';
import type { FastifyInstance } from 'fastify';
import { roles, type Role } from '../auth/principal.js';
import { roleAuthorizations } from '../auth/role-permissions.js';
import type { SyncedIdentity } from '../auth/synced-identity.js';
import { schemaOf } from '../schemas.js';
import { matchesEvery } from '../search-page.js';
import { createdSchemaOf, defaultTenant, notFound, requireGroup, requireUser, roleResult, searchList } from './identity-common.js';

type Params<Names extends string> = { Params: Record<Names, string> };

const fixedRoles = `Baton's roles are fixed (${roles.join(', ')}): each grants the permissions of the engine's route table (POST /v2/authorizations/search lists them)`;

/** A role of Baton's four, or 404. */
function requireRole(roleId: string): Role {
  if ((roles as readonly string[]).includes(roleId)) return roleId as Role;
  throw new BatonError('NOT_FOUND', `Expected a role "${roleId}" but found none; ${fixedRoles}.`, { roleId });
}

/** What Baton's identity model cannot express: 501, saying what to do instead. */
const cannot = (operation: string, instead: string, details: Record<string, unknown> = {}): BatonError =>
  new BatonError('NOT_IMPLEMENTED', `Expected to ${operation}, but ${instead}.`, details);

/** Who holds roles: a user (their own roles) or a group (roles every member gets), as the assignment routes treat them. */
interface Holder {
  readonly kind: 'user' | 'group';
  readonly param: 'username' | 'groupId';
  readonly assign: Operation;
  readonly unassign: Operation;
  /** The holder's id and roles, or 404. */
  get(id: string): { readonly id: string; readonly roles: readonly Role[] };
  /** Stores the holder with `roles`. */
  put(id: string, roles: readonly Role[]): Promise<number>;
}

type Operation = { readonly path: string; readonly schema: { readonly response: object } };

function registerAssignments(app: FastifyInstance, holder: Holder): void {
  const command = (verb: string) => `${verb}RoleTo${holder.kind === 'user' ? 'User' : 'Group'}`;
  app.put<Params<'roleId' | Holder['param']>>(holder.assign.path, { config: { access: 'admin', command: command('Assign') }, schema: schemaOf(holder.assign) }, async (request, reply) => {
    const role = requireRole(request.params.roleId);
    const { id, roles: held } = holder.get(request.params[holder.param]);
    if (!held.includes(role)) await holder.put(id, [...held, role]);
    return reply.code(204).send();
  });
  app.delete<Params<'roleId' | Holder['param']>>(holder.unassign.path, { config: { access: 'admin', command: command('Unassign') }, schema: schemaOf(holder.unassign) }, async (request, reply) => {
    const role = requireRole(request.params.roleId);
    const { id, roles: held } = holder.get(request.params[holder.param]);
    const directly = holder.kind === 'user' ? ' directly (a role from a group is taken from the group)' : '';
    if (!held.includes(role)) throw notFound(`${holder.kind} holding role "${role}"${directly}`, holder.param, id, `POST /v2/roles/${role}/${holder.kind}s/search`);
    await holder.put(id, held.filter((other) => other !== role));
    return reply.code(204).send();
  });
}

function registerRoleAssignments(app: FastifyInstance, identity: SyncedIdentity): void {
  registerAssignments(app, {
    kind: 'user',
    param: 'username',
    assign: ops.assignRoleToUser,
    unassign: ops.unassignRoleFromUser,
    get: (id) => ({ id, roles: requireUser(identity, id).roles }),
    put: (id, held) => identity.putUser({ ...requireUser(identity, id), roles: held }),
  });
  registerAssignments(app, {
    kind: 'group',
    param: 'groupId',
    assign: ops.assignRoleToGroup,
    unassign: ops.unassignRoleFromGroup,
    get: (id) => ({ id, roles: requireGroup(identity, id).roles }),
    put: (id, held) => identity.putGroup({ ...requireGroup(identity, id), roles: held }),
  });
  app.post<Params<'roleId'> & { Body: MemberUserSearchQueryRequest | null }>(ops.searchUsersForRole.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchUsersForRole) }, async (request) => {
    const role = requireRole(request.params.roleId);
    const holders = identity.directory().users().filter((user) => user.roles.includes(role));
    return searchList(holders.map(({ username }) => ({ username })), request.body);
  });
  app.post<Params<'roleId'> & { Body: MemberGroupSearchQueryRequest | null }>(ops.searchGroupsForRole.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchGroupsForRole) }, async (request) => {
    const role = requireRole(request.params.roleId);
    const holders = identity.directory().groups().filter((group) => group.roles.includes(role));
    return searchList(holders.map(({ groupId }) => ({ groupId })), request.body);
  });
}

function registerAuthorizations(app: FastifyInstance): void {
  const instead = `Baton grants permissions by role only (${roles.join(', ')}; POST /v2/authorizations/search lists what each grants): give the owner a role with PUT /v2/roles/{roleId}/users/{username} or PUT /v2/roles/{roleId}/groups/{groupId}`;
  app.post(ops.createAuthorization.path, { config: { access: 'admin', command: 'CreateAuthorization' }, schema: createdSchemaOf(ops.createAuthorization) }, async () => {
    throw cannot('create an authorization', instead);
  });
  app.post<{ Body: AuthorizationSearchQuery | null }>(ops.searchAuthorizations.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchAuthorizations) }, async (request) => {
    const { resourceIds, ...filter } = request.body?.filter ?? {};
    const matching = roleAuthorizations().filter(
      (authorization) => matchesEvery(filter, authorization, ['ownerId', 'ownerType', 'resourceType']) && (resourceIds === undefined || resourceIds.includes(authorization.resourceId)),
    );
    return searchList(matching, request.body);
  });
  const requireAuthorization = (authorizationKey: string) => {
    const found = roleAuthorizations().find((authorization) => authorization.authorizationKey === authorizationKey);
    if (found === undefined) throw notFound('authorization', 'authorizationKey', authorizationKey, 'POST /v2/authorizations/search');
    return found;
  };
  app.get<Params<'authorizationKey'>>(ops.getAuthorization.path, { config: { access: 'admin' }, schema: schemaOf(ops.getAuthorization) }, async (request) =>
    requireAuthorization(request.params.authorizationKey),
  );
  for (const op of [ops.updateAuthorization, ops.deleteAuthorization]) {
    app.route<Params<'authorizationKey'>>({
      method: op.method,
      url: op.path,
      config: { access: 'admin', command: op === ops.updateAuthorization ? 'UpdateAuthorization' : 'DeleteAuthorization' },
      schema: schemaOf(op),
      handler: async (request) => {
        const { authorizationKey } = requireAuthorization(request.params.authorizationKey);
        throw cannot(`${op.method === 'PUT' ? 'change' : 'delete'} authorization ${authorizationKey}`, `the roles' permissions are fixed; ${instead}`, { authorizationKey });
      },
    });
  }
}

function registerTenants(app: FastifyInstance): void {
  app.post<{ Body: TenantCreateRequest }>(ops.createTenant.path, { config: { access: 'admin', command: 'CreateTenant' }, schema: createdSchemaOf(ops.createTenant) }, async (request) => {
    throw cannot(`create tenant "${request.body.tenantId}"`, `multi-tenancy is not available: Baton has the one tenant "${defaultTenant.tenantId}", which every object belongs to`, { tenantId: request.body.tenantId });
  });
  app.post<{ Body: TenantSearchQueryRequest | null }>(ops.searchTenants.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchTenants) }, async (request) =>
    searchList([defaultTenant].filter((tenant) => matchesEvery(request.body?.filter ?? {}, tenant, ['tenantId', 'name'])), request.body),
  );
  app.get<Params<'tenantId'>>(ops.getTenant.path, { config: { access: 'admin' }, schema: schemaOf(ops.getTenant) }, async (request) => {
    if (request.params.tenantId !== defaultTenant.tenantId) throw notFound('tenant', 'tenantId', request.params.tenantId, `POST /v2/tenants/search (Baton has the one tenant "${defaultTenant.tenantId}")`);
    return defaultTenant;
  });
}

/** Roles (Baton's four, assigned to users and groups), the authorizations they stand for, and the one tenant. */
export function registerRoleRoutes(app: FastifyInstance, identity: SyncedIdentity): void {
  app.post<{ Body: RoleCreateRequest }>(ops.createRole.path, { config: { access: 'admin', command: 'CreateRole' }, schema: createdSchemaOf(ops.createRole) }, async (request) => {
    const { roleId } = request.body;
    if ((roles as readonly string[]).includes(roleId)) throw new BatonError('ALREADY_EXISTS', `Expected a new role but "${roleId}" exists; ${fixedRoles}.`, { roleId });
    throw cannot(`create role "${roleId}"`, `${fixedRoles}; assign one of them instead`, { roleId });
  });
  app.post<{ Body: RoleSearchQueryRequest | null }>(ops.searchRoles.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchRoles) }, async (request) =>
    searchList(roles.map(roleResult).filter((role) => matchesEvery(request.body?.filter ?? {}, role, ['roleId', 'name'])), request.body),
  );
  app.get<Params<'roleId'>>(ops.getRole.path, { config: { access: 'admin' }, schema: schemaOf(ops.getRole) }, async (request) => roleResult(requireRole(request.params.roleId)));
  for (const op of [ops.updateRole, ops.deleteRole]) {
    app.route<Params<'roleId'>>({
      method: op.method,
      url: op.path,
      config: { access: 'admin', command: op === ops.updateRole ? 'UpdateRole' : 'DeleteRole' },
      schema: schemaOf(op),
      handler: async (request) => {
        const role = requireRole(request.params.roleId);
        throw cannot(`${op.method === 'PUT' ? 'change' : 'delete'} role "${role}"`, fixedRoles, { roleId: role });
      },
    });
  }
  registerRoleAssignments(app, identity);
  registerAuthorizations(app);
  registerTenants(app);
}

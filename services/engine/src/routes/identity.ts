import { identityOperations as ops } from '@baton/api';
import type { CamundaUserResult, GroupCreateRequest, GroupResult, GroupSearchQueryRequest, GroupUpdateRequest, MemberUserSearchQueryRequest, RoleSearchQueryRequest, UserRequest, UserResult, UserSearchQueryRequest, UserUpdateRequest } from '@baton/api';
import { BatonError } from '@baton/errors';
import type { FastifyInstance } from 'fastify';
import { sendProblem, toProblem } from '../problem.js';
import type { GroupRecord, UserRecord } from '../auth/identity.js';
import { hashPassword } from '../auth/password.js';
import { hasRole, type Principal } from '../auth/principal.js';
import type { SyncedIdentity } from '../auth/synced-identity.js';
import { schemaOf } from '../schemas.js';
import { matchesEvery } from '../search-page.js';
import { createdSchemaOf, defaultTenant, notFound, requireGroup, requireUser, roleResult, searchList } from './identity-common.js';
import { registerRoleRoutes } from './identity-roles.js';

type Params<Names extends string> = { Params: Record<Names, string> };

const userResult = ({ username, name, email }: UserRecord): UserResult => ({ username, ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) });
const groupResult = ({ groupId, name, description }: GroupRecord): GroupResult => ({ groupId, name: name ?? groupId, ...(description === undefined ? {} : { description }) });

/** The web components a principal may use, as 8.8 names them. */
function componentsOf(principal: Principal): string[] {
  if (hasRole(principal, 'admin')) return ['*'];
  return [...(hasRole(principal, 'operator') ? ['operate'] : []), ...(hasRole(principal, 'user', 'operator') ? ['tasklist'] : [])];
}

function me(principal: Principal, identity: SyncedIdentity): CamundaUserResult {
  const user = identity.directory().user(principal.subject);
  return {
    username: principal.subject,
    displayName: user?.name ?? principal.subject,
    email: user?.email ?? null,
    authorizedComponents: componentsOf(principal),
    tenants: [defaultTenant],
    groups: [...principal.groups],
    roles: [...principal.roles],
    salesPlanType: '',
    c8Links: {},
    canLogout: principal.via === 'session',
  };
}

const taken = (what: string, field: string, id: string, update: string): BatonError =>
  new BatonError('ALREADY_EXISTS', `Expected a new ${what} but "${id}" exists; pick another ${field} or change it with ${update}.`, { field, [field]: id });

function registerUsers(app: FastifyInstance, identity: SyncedIdentity): void {
  app.post<{ Body: UserRequest }>(ops.createUser.path, { config: { access: 'admin', command: 'CreateUser' }, schema: createdSchemaOf(ops.createUser) }, async (request, reply) => {
    const { username, password, name, email } = request.body;
    if (identity.directory().user(username) !== undefined) throw taken('user', 'username', username, 'PUT /v2/users/{username}');
    const user: UserRecord = { username, ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }), passwordHash: await hashPassword(password), roles: [], groups: [] };
    const revision = await identity.putUser(user, { endSessions: true });
    request.log.info({ username, identityRevision: revision }, 'user created');
    return reply.code(201).send(userResult(user));
  });
  app.post<{ Body: UserSearchQueryRequest | null }>(ops.searchUsers.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchUsers) }, async (request) => {
    const filter = request.body?.filter ?? {};
    const users = identity.directory().users().map(userResult);
    return searchList(users.filter((user) => matchesEvery(filter, user, ['username', 'name', 'email'])), request.body);
  });
  app.get<Params<'username'>>(ops.getUser.path, { config: { access: 'admin' }, schema: schemaOf(ops.getUser) }, async (request) => userResult(requireUser(identity, request.params.username)));
  app.put<Params<'username'> & { Body: UserUpdateRequest }>(ops.updateUser.path, { config: { access: 'admin', command: 'UpdateUser' }, schema: schemaOf(ops.updateUser) }, async (request) => {
    const { password, name, email } = request.body;
    const current = requireUser(identity, request.params.username);
    const isNewPassword = password !== undefined && password !== '';
    const user: UserRecord = {
      ...current,
      ...(name === undefined ? {} : { name }),
      ...(email === undefined ? {} : { email }),
      ...(isNewPassword ? { passwordHash: await hashPassword(password) } : {}),
    };
    // A new password ends the user's sessions on every node, in the same write (issue 12).
    const revision = await identity.putUser(user, { endSessions: isNewPassword });
    request.log.info({ username: user.username, identityRevision: revision }, 'user updated');
    return userResult(user);
  });
  app.delete<Params<'username'>>(ops.deleteUser.path, { config: { access: 'admin', command: 'DeleteUser' }, schema: schemaOf(ops.deleteUser) }, async (request, reply) => {
    const { username } = requireUser(identity, request.params.username);
    const revision = await identity.deleteUser(username);
    request.log.info({ username, identityRevision: revision }, 'user deleted');
    return reply.code(204).send();
  });
}

/** Usernames in a group: listed under the group, or naming the group in their own record. */
function membersOf(identity: SyncedIdentity, group: GroupRecord): string[] {
  const fromUsers = identity.directory().users().filter((user) => user.groups.includes(group.groupId)).map((user) => user.username);
  return [...new Set([...group.members, ...fromUsers])];
}

function registerGroupMembers(app: FastifyInstance, identity: SyncedIdentity): void {
  app.put<Params<'groupId' | 'username'>>(ops.assignUserToGroup.path, { config: { access: 'admin', command: 'AssignUserToGroup' }, schema: schemaOf(ops.assignUserToGroup) }, async (request, reply) => {
    const group = requireGroup(identity, request.params.groupId);
    const { username } = requireUser(identity, request.params.username);
    if (!membersOf(identity, group).includes(username)) await identity.putGroup({ ...group, members: [...group.members, username] });
    return reply.code(204).send();
  });
  app.delete<Params<'groupId' | 'username'>>(ops.unassignUserFromGroup.path, { config: { access: 'admin', command: 'UnassignUserFromGroup' }, schema: schemaOf(ops.unassignUserFromGroup) }, async (request, reply) => {
    const group = requireGroup(identity, request.params.groupId);
    const { username } = request.params;
    if (!membersOf(identity, group).includes(username)) throw notFound(`member of group "${group.groupId}"`, 'username', username, `POST /v2/groups/${group.groupId}/users/search`);
    if (group.members.includes(username)) await identity.putGroup({ ...group, members: group.members.filter((member) => member !== username) });
    const user = identity.directory().user(username);
    if (user?.groups.includes(group.groupId) === true) await identity.putUser({ ...user, groups: user.groups.filter((groupId) => groupId !== group.groupId) });
    return reply.code(204).send();
  });
  app.post<Params<'groupId'> & { Body: MemberUserSearchQueryRequest | null }>(ops.searchUsersForGroup.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchUsersForGroup) }, async (request) => {
    const members = membersOf(identity, requireGroup(identity, request.params.groupId));
    return searchList(members.map((username) => ({ username })), request.body);
  });
  app.post<Params<'groupId'> & { Body: RoleSearchQueryRequest | null }>(ops.searchRolesForGroup.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchRolesForGroup) }, async (request) => {
    const filter = request.body?.filter ?? {};
    const groupRoles = requireGroup(identity, request.params.groupId).roles.map(roleResult);
    return searchList(groupRoles.filter((role) => matchesEvery(filter, role, ['roleId', 'name'])), request.body);
  });
}

function registerGroups(app: FastifyInstance, identity: SyncedIdentity): void {
  app.post<{ Body: GroupCreateRequest }>(ops.createGroup.path, { config: { access: 'admin', command: 'CreateGroup' }, schema: createdSchemaOf(ops.createGroup) }, async (request, reply) => {
    const { groupId, name, description } = request.body;
    if (identity.directory().group(groupId) !== undefined) throw taken('group', 'groupId', groupId, 'PUT /v2/groups/{groupId}');
    const group: GroupRecord = { groupId, name, ...(description === undefined ? {} : { description }), roles: [], members: [] };
    const revision = await identity.putGroup(group);
    request.log.info({ groupId, identityRevision: revision }, 'group created');
    return reply.code(201).send(groupResult(group));
  });
  app.post<{ Body: GroupSearchQueryRequest | null }>(ops.searchGroups.path, { config: { access: 'admin' }, schema: schemaOf(ops.searchGroups) }, async (request) => {
    const filter = request.body?.filter ?? {};
    const groups = identity.directory().groups().map(groupResult);
    return searchList(groups.filter((group) => matchesEvery(filter, group, ['groupId', 'name'])), request.body);
  });
  app.get<Params<'groupId'>>(ops.getGroup.path, { config: { access: 'admin' }, schema: schemaOf(ops.getGroup) }, async (request) => groupResult(requireGroup(identity, request.params.groupId)));
  app.put<Params<'groupId'> & { Body: GroupUpdateRequest }>(ops.updateGroup.path, { config: { access: 'admin', command: 'UpdateGroup' }, schema: schemaOf(ops.updateGroup) }, async (request) => {
    const group = { ...requireGroup(identity, request.params.groupId), name: request.body.name, description: request.body.description };
    const revision = await identity.putGroup(group);
    request.log.info({ groupId: group.groupId, identityRevision: revision }, 'group updated');
    return groupResult(group);
  });
  app.delete<Params<'groupId'>>(ops.deleteGroup.path, { config: { access: 'admin', command: 'DeleteGroup' }, schema: schemaOf(ops.deleteGroup) }, async (request, reply) => {
    const { groupId } = requireGroup(identity, request.params.groupId);
    const revision = await identity.deleteGroup(groupId);
    request.log.info({ groupId, identityRevision: revision }, 'group deleted');
    return reply.code(204).send();
  });
  registerGroupMembers(app, identity);
}

/**
 * Camunda 8.8's identity operations over Baton's identity (issue 13): who am I, users,
 * groups and their members, roles, authorizations and tenants. Reads and writes are the
 * admin's (`access: 'admin'`); who-am-I is anyone's. Writes go to the IdentityStore, so
 * every node sees them (see `SyncedIdentity`). Password hashes never leave the node.
 */
export function registerCamundaIdentityRoutes(app: FastifyInstance, identity: SyncedIdentity): void {
  app.get(ops.getAuthentication.path, { config: { access: 'authenticated' }, schema: schemaOf(ops.getAuthentication) }, async (request) => {
    if (request.principal === undefined) throw new BatonError('UNAUTHENTICATED', 'Expected credentials (a session, an API key, a bearer token or Basic) but found none.', {});
    return me(request.principal, identity);
  });
  registerUsers(app, identity);
  registerGroups(app, identity);
  registerRoleRoutes(app, identity);
}

/**
 * Without authentication there is no identity to manage: each identity operation answers
 * 501 saying how to turn it on (rather than the generic "not implemented yet"). Hidden from
 * /openapi.json, which lists what the node serves.
 */
export function registerIdentityWithoutAuth(app: FastifyInstance): void {
  for (const [operationId, op] of Object.entries(ops)) {
    app.route({
      method: op.method,
      url: op.path,
      config: { access: 'authenticated' },
      schema: { hide: true },
      handler: async (request, reply) => {
        const error = new BatonError(
          'NOT_IMPLEMENTED',
          `Expected a node with authentication for ${operationId} (${op.method} ${request.routeOptions.url ?? op.path}), but this one runs without it, so it has no users, groups or roles; ` +
            'start it with an identity file (baton serve --identity FILE, or `auth` in startNode).',
          { operationId },
        );
        // Sent, not thrown: an answer, not a failure of the node (the error handler logs every 5xx at error).
        return sendProblem(reply, toProblem(error, request.url, request.id));
      },
    });
  }
}

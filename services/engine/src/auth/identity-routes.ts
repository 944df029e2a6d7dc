import type { FastifyInstance } from 'fastify';
import { BatonError } from '@baton/errors';
import { errorResponses, noContent } from '../schemas.js';
import type { GroupRecord, UserRecord } from './identity.js';
import { hashPassword } from './password.js';
import { roles, type Role } from './principal.js';
import type { SyncedIdentity } from './synced-identity.js';

const tags = ['identity'];
const names = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const roleList = { type: 'array', items: { type: 'string', enum: [...roles] } } as const;
const userView = { type: 'object', properties: { username: { type: 'string' }, name: { type: 'string' }, roles: roleList, groups: names } } as const;
const groupView = { type: 'object', properties: { groupId: { type: 'string' }, name: { type: 'string' }, roles: roleList, members: names } } as const;
const response = { ...noContent, ...errorResponses };

interface PutUser {
  name?: string;
  password?: string;
  roles: Role[];
  groups: string[];
}

/** A user as the API shows it: never the password hash. */
const toView = ({ passwordHash: _hidden, ...user }: UserRecord): Omit<UserRecord, 'passwordHash'> => user;

const notFound = (what: string, id: string): BatonError => new BatonError('NOT_FOUND', `No ${what} "${id}".`, { [what]: id });

function registerUsers(app: FastifyInstance, identity: SyncedIdentity): void {
  app.get('/v2/identity/users', { config: { access: 'admin' }, schema: { tags, summary: 'List users', response: { 200: { type: 'object', properties: { items: { type: 'array', items: userView } } }, ...errorResponses } } }, async () => ({
    items: identity.directory().users().map(toView),
  }));
  app.put<{ Params: { username: string }; Body: PutUser }>(
    '/v2/identity/users/:username',
    {
      config: { access: 'admin', command: 'PutUser' },
      schema: {
        tags,
        summary: 'Create or replace a user (the password is stored scrypt-hashed and ends their sessions on every node; without one the old hash is kept)',
        params: { type: 'object', properties: { username: { type: 'string', minLength: 1, pattern: '^[^/\\s]+$' } } },
        body: {
          type: 'object',
          properties: { name: { type: 'string' }, password: { type: 'string', minLength: 8, maxLength: 1024 }, roles: { ...roleList, default: [] }, groups: { ...names, default: [] } },
        },
        response,
      },
    },
    async (request, reply) => {
      const { username } = request.params;
      const { name, password, roles: userRoles, groups } = request.body;
      const passwordHash = password === undefined ? identity.directory().user(username)?.passwordHash : await hashPassword(password);
      const user = { username, ...(name === undefined ? {} : { name }), ...(passwordHash === undefined ? {} : { passwordHash }), roles: userRoles, groups };
      // A new password ends the user's sessions on every node, in the same write (issue 12); roles apply to the next request anyway.
      const revision = await identity.putUser(user, { endSessions: password !== undefined });
      request.log.info({ username, roles: userRoles, groups, identityRevision: revision }, 'user saved');
      return reply.code(204).send();
    },
  );
  app.delete<{ Params: { username: string } }>(
    '/v2/identity/users/:username',
    { config: { access: 'admin', command: 'DeleteUser' }, schema: { tags, summary: 'Delete a user (also one of the identity file); their sessions end on every node at once', response } },
    async (request, reply) => {
      const { username } = request.params;
      if (identity.directory().user(username) === undefined) throw notFound('username', username);
      const revision = await identity.deleteUser(username);
      request.log.info({ username, identityRevision: revision }, 'user deleted');
      return reply.code(204).send();
    },
  );
}

function registerGroups(app: FastifyInstance, identity: SyncedIdentity): void {
  app.get('/v2/identity/groups', { config: { access: 'admin' }, schema: { tags, summary: 'List groups', response: { 200: { type: 'object', properties: { items: { type: 'array', items: groupView } } }, ...errorResponses } } }, async () => ({
    items: identity.directory().groups(),
  }));
  app.put<{ Params: { groupId: string }; Body: Omit<GroupRecord, 'groupId'> }>(
    '/v2/identity/groups/:groupId',
    {
      config: { access: 'admin', command: 'PutGroup' },
      schema: {
        tags,
        summary: 'Create or replace a group, its roles and members',
        body: { type: 'object', properties: { name: { type: 'string' }, roles: { ...roleList, default: [] }, members: { ...names, default: [] } } },
        response,
      },
    },
    async (request, reply) => {
      const revision = await identity.putGroup({ ...request.body, groupId: request.params.groupId });
      request.log.info({ groupId: request.params.groupId, identityRevision: revision }, 'group saved');
      return reply.code(204).send();
    },
  );
  app.delete<{ Params: { groupId: string } }>(
    '/v2/identity/groups/:groupId',
    { config: { access: 'admin', command: 'DeleteGroup' }, schema: { tags, summary: 'Delete a group', response } },
    async (request, reply) => {
      const { groupId } = request.params;
      if (identity.directory().group(groupId) === undefined) throw notFound('groupId', groupId);
      const revision = await identity.deleteGroup(groupId);
      request.log.info({ groupId, identityRevision: revision }, 'group deleted');
      return reply.code(204).send();
    },
  );
}

/**
 * Admin routes over users, groups and memberships, kept in the IdentityStore (every node
 * sees them; they survive restarts). Password hashes never leave the node.
 */
export function registerIdentityRoutes(app: FastifyInstance, identity: SyncedIdentity): void {
  registerUsers(app, identity);
  registerGroups(app, identity);
}

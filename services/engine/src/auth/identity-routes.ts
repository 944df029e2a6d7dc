import type { FastifyInstance } from 'fastify';
import { BatonError } from '@baton/errors';
import { errorResponses, noContent } from '../schemas.js';
import type { IdentityDirectory } from './directory.js';
import type { GroupRecord, UserRecord } from './identity.js';
import { hashPassword } from './password.js';
import { roles, type Role } from './principal.js';

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

function registerUsers(app: FastifyInstance, directory: IdentityDirectory): void {
  app.get('/v2/identity/users', { config: { access: 'admin' }, schema: { tags, summary: 'List users', response: { 200: { type: 'object', properties: { items: { type: 'array', items: userView } } }, ...errorResponses } } }, async () => ({
    items: directory.users().map(toView),
  }));
  app.put<{ Params: { username: string }; Body: PutUser }>(
    '/v2/identity/users/:username',
    {
      config: { access: 'admin', command: 'PutUser' },
      schema: {
        tags,
        summary: 'Create or replace a user (the password is stored scrypt-hashed; without one the old hash is kept)',
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
      const passwordHash = password === undefined ? directory.user(username)?.passwordHash : await hashPassword(password);
      directory.putUser({ username, ...(name === undefined ? {} : { name }), ...(passwordHash === undefined ? {} : { passwordHash }), roles: userRoles, groups });
      request.log.info({ username, roles: userRoles, groups }, 'user saved');
      return reply.code(204).send();
    },
  );
  app.delete<{ Params: { username: string } }>(
    '/v2/identity/users/:username',
    { config: { access: 'admin', command: 'DeleteUser' }, schema: { tags, summary: 'Delete a user; their sessions end at once', response } },
    async (request, reply) => {
      if (!directory.deleteUser(request.params.username)) throw notFound('username', request.params.username);
      return reply.code(204).send();
    },
  );
}

function registerGroups(app: FastifyInstance, directory: IdentityDirectory): void {
  app.get('/v2/identity/groups', { config: { access: 'admin' }, schema: { tags, summary: 'List groups', response: { 200: { type: 'object', properties: { items: { type: 'array', items: groupView } } }, ...errorResponses } } }, async () => ({
    items: directory.groups(),
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
      directory.putGroup({ ...request.body, groupId: request.params.groupId });
      return reply.code(204).send();
    },
  );
  app.delete<{ Params: { groupId: string } }>(
    '/v2/identity/groups/:groupId',
    { config: { access: 'admin', command: 'DeleteGroup' }, schema: { tags, summary: 'Delete a group', response } },
    async (request, reply) => {
      if (!directory.deleteGroup(request.params.groupId)) throw notFound('groupId', request.params.groupId);
      return reply.code(204).send();
    },
  );
}

/**
 * Admin routes over users, groups and memberships (in memory: the identity file is
 * reloaded on restart). Password hashes never leave the node.
 */
export function registerIdentityRoutes(app: FastifyInstance, directory: IdentityDirectory): void {
  registerUsers(app, directory);
  registerGroups(app, directory);
}

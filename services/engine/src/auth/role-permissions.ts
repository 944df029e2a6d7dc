import type { AuthorizationResult, PermissionType, ResourceType } from '@baton/api';
import { rolesFor, type Access } from './access.js';
import { roles, type Role } from './principal.js';

/** What a role is for, as `/v2/roles` shows it. */
export const roleDescriptions: Readonly<Record<Role, { readonly name: string; readonly description: string }>> = {
  admin: { name: 'Admin', description: 'Deploys; manages users, groups and roles; reads, cancels and resolves; starts instances; assigns user tasks to anyone.' },
  operator: { name: 'Operator', description: 'Reads definitions, instances and incidents; cancels instances; resolves incidents; sees every user task.' },
  worker: { name: 'Worker', description: 'Activates and completes the jobs of its job types (an API key\'s jobTypes); publishes and correlates messages.' },
  user: { name: 'User', description: 'Starts instances; sees, claims and completes the user tasks assigned or offered to them.' },
  store: {
    name: 'Store',
    description: 'Uses this node\'s store through the store API (/v2/store/*): the proxy store of an edge node or a browser engine. Reads and writes any instance\'s state, history and deployments.',
  },
};

type Grant = readonly [ResourceType, readonly PermissionType[]];
const identityResources: readonly ResourceType[] = ['AUTHORIZATION', 'USER', 'GROUP', 'ROLE', 'TENANT'];

/**
 * The 8.8 permissions each of Baton's route classes stands for. A class's roles (`rolesFor`)
 * hold its permissions on every resource (`*`); the object rules of `access.ts` (a worker's
 * job types, a user's offered tasks) narrow them further and have no 8.8 counterpart.
 */
const permissionsOf: Readonly<Record<Exclude<Access, 'public' | 'authenticated'>, readonly Grant[]>> = {
  deploy: [['RESOURCE', ['CREATE', 'DELETE_PROCESS']]],
  read: [['PROCESS_DEFINITION', ['READ_PROCESS_DEFINITION', 'READ_PROCESS_INSTANCE']]],
  start: [['PROCESS_DEFINITION', ['CREATE_PROCESS_INSTANCE']]],
  cancel: [['PROCESS_DEFINITION', ['CANCEL_PROCESS_INSTANCE']]],
  modify: [['PROCESS_DEFINITION', ['MODIFY_PROCESS_INSTANCE']]],
  resolve: [['PROCESS_DEFINITION', ['UPDATE_PROCESS_INSTANCE']]],
  correlate: [['MESSAGE', ['CREATE']]],
  admin: identityResources.map((resource): Grant => [resource, ['CREATE', 'READ', 'UPDATE', 'DELETE']]),
  'job-activate': [['PROCESS_DEFINITION', ['UPDATE_PROCESS_INSTANCE']]],
  job: [['PROCESS_DEFINITION', ['UPDATE_PROCESS_INSTANCE']]],
  'task-search': [['PROCESS_DEFINITION', ['READ_USER_TASK']]],
  'task-view': [['PROCESS_DEFINITION', ['READ_USER_TASK']]],
  'task-update': [['PROCESS_DEFINITION', ['UPDATE_USER_TASK']]],
  'task-claim': [['PROCESS_DEFINITION', ['UPDATE_USER_TASK']]],
  'task-unclaim': [['PROCESS_DEFINITION', ['UPDATE_USER_TASK']]],
  'task-complete': [['PROCESS_DEFINITION', ['UPDATE_USER_TASK']]],
  store: [
    ['RESOURCE', ['CREATE', 'DELETE_PROCESS']],
    ['PROCESS_DEFINITION', ['READ_PROCESS_DEFINITION', 'READ_PROCESS_INSTANCE', 'CREATE_PROCESS_INSTANCE', 'UPDATE_PROCESS_INSTANCE', 'CANCEL_PROCESS_INSTANCE', 'READ_USER_TASK', 'UPDATE_USER_TASK']],
    ['MESSAGE', ['CREATE']],
  ],
};

/**
 * Baton's authorization rules in 8.8's shape: one authorization per role and resource type,
 * owner type ROLE, resource id `*`, derived from the route table, so they never drift from
 * what the node enforces. Their keys are their positions (`1`, `2`, …): stable while the
 * table is.
 */
export function roleAuthorizations(): AuthorizationResult[] {
  const byRole = roles.flatMap((role) => {
    const granted = new Map<ResourceType, Set<PermissionType>>();
    for (const [access, grants] of Object.entries(permissionsOf) as [keyof typeof permissionsOf, readonly Grant[]][]) {
      if (!(rolesFor[access] ?? []).includes(role)) continue;
      for (const [resource, permissions] of grants) granted.set(resource, new Set([...(granted.get(resource) ?? []), ...permissions]));
    }
    return [...granted].map(([resourceType, permissions]) => ({ role, resourceType, permissionTypes: [...permissions] }));
  });
  return byRole.map(({ role, resourceType, permissionTypes }, index) => ({
    authorizationKey: String(index + 1),
    ownerId: role,
    ownerType: 'ROLE',
    resourceType,
    resourceId: '*',
    permissionTypes,
  }));
}

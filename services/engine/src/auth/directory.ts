import type { ApiKeyRecord, GroupRecord, IdentityData, UserRecord } from './identity.js';
import type { Principal, Role } from './principal.js';

/**
 * The identity a node serves from, read-only: the identity file overlaid by the
 * IdentityStore's changes (see `SyncedIdentity`, which builds a new directory for each
 * revision). Memberships come from both sides, `users[].groups` and `groups[].members`;
 * a member gets the group's roles.
 */
export interface IdentityDirectory {
  user(username: string): UserRecord | undefined;
  users(): readonly UserRecord[];
  groups(): readonly GroupRecord[];
  apiKey(keyId: string): ApiKeyRecord | undefined;
  group(groupId: string): GroupRecord | undefined;
  /** Groups the user belongs to, from either side of the membership. */
  groupsOf(username: string): string[];
  /** The principal of a known user, or undefined when the user is gone. */
  principalOfUser(username: string, via: Principal['via'], csrfToken?: string): Principal | undefined;
  principalOfApiKey(keyId: string): Principal | undefined;
}

const sorted = <T>(items: Iterable<T>): T[] => [...new Set(items)].sort() as T[];

/** An in-memory directory over `data`. */
export function createIdentityDirectory(data: IdentityData): IdentityDirectory {
  const users = new Map(data.users.map((u) => [u.username, u]));
  const groups = new Map(data.groups.map((g) => [g.groupId, g]));
  const apiKeys = new Map(data.apiKeys.map((k) => [k.keyId, k]));
  const groupsOf = (username: string): string[] => {
    const fromGroups = [...groups.values()].filter((g) => g.members.includes(username)).map((g) => g.groupId);
    return sorted([...(users.get(username)?.groups ?? []), ...fromGroups]);
  };
  return {
    user: (username) => users.get(username),
    users: () => [...users.values()],
    groups: () => [...groups.values()],
    apiKey: (keyId) => apiKeys.get(keyId),
    group: (groupId) => groups.get(groupId),
    groupsOf,
    principalOfUser(username, via, csrfToken) {
      const user = users.get(username);
      if (user === undefined) return undefined;
      const memberOf = groupsOf(username);
      const fromGroups = memberOf.flatMap((groupId) => groups.get(groupId)?.roles ?? []);
      const principalRoles = sorted<Role>([...user.roles, ...fromGroups]);
      return { subject: username, via, roles: principalRoles, groups: memberOf, jobTypes: [], ...(csrfToken === undefined ? {} : { csrfToken }) };
    },
    principalOfApiKey(keyId) {
      const key = apiKeys.get(keyId);
      return key && { subject: keyId, via: 'apiKey', roles: key.roles, groups: [], jobTypes: key.jobTypes };
    },
  };
}

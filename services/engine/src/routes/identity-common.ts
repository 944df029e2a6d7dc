import { defaultTenantId, type RoleResult, type SearchQueryPageRequest, type SearchQueryPageResponse } from '@baton/api';
import { BatonError } from '@baton/errors';
import type { GroupRecord, UserRecord } from '../auth/identity.js';
import type { Role } from '../auth/principal.js';
import { roleDescriptions } from '../auth/role-permissions.js';
import type { SyncedIdentity } from '../auth/synced-identity.js';
import { errorResponses } from '../schemas.js';
import { searchPage, searchWindow } from '../search-page.js';

/** A search over a list the node holds in memory (users, groups, roles, authorizations): sorted as asked, then paged. */
export function searchList<T extends object>(
  items: readonly T[],
  request: { readonly sort?: readonly { readonly field: string; readonly order?: string }[]; readonly page?: SearchQueryPageRequest } | null | undefined,
): { items: T[]; page: SearchQueryPageResponse } {
  const sort = request?.sort ?? [];
  const valueOf = (item: T, field: string): string => String((item as Record<string, unknown>)[field] ?? '');
  const sorted = [...items].sort((a, b) => {
    for (const { field, order } of sort) {
      const compared = valueOf(a, field).localeCompare(valueOf(b, field));
      if (compared !== 0) return order?.toUpperCase() === 'DESC' ? -compared : compared;
    }
    return 0;
  });
  const { offset, limit } = searchWindow(request?.page);
  return searchPage(sorted.slice(offset, offset + limit), sorted.length, offset);
}

/** 404 for an id the directory does not hold, saying where the ids are listed. */
export function notFound(what: string, field: string, id: string, listedAt: string): BatonError {
  return new BatonError('NOT_FOUND', `Expected a ${what} "${id}" but found none; ${listedAt} lists them.`, { [field]: id });
}

/** The schema of a creation: 8.8 answers 201 with the created object. */
export function createdSchemaOf<Op extends { readonly schema: object; readonly response?: object }>(op: Op) {
  return { ...op.schema, response: { 201: op.response, ...errorResponses } };
}

export const defaultTenant = { tenantId: defaultTenantId, name: 'Default', description: 'Baton\'s one tenant: multi-tenancy is not available.' } as const;

/** A user of the directory, or 404. */
export function requireUser(identity: SyncedIdentity, username: string): UserRecord {
  const user = identity.directory().user(username);
  if (user === undefined) throw notFound('user', 'username', username, 'POST /v2/users/search');
  return user;
}

/** A group of the directory, or 404. */
export function requireGroup(identity: SyncedIdentity, groupId: string): GroupRecord {
  const group = identity.directory().group(groupId);
  if (group === undefined) throw notFound('group', 'groupId', groupId, 'POST /v2/groups/search');
  return group;
}

/** A role as 8.8 shows it. */
export const roleResult = (role: Role): RoleResult => ({ roleId: role, ...roleDescriptions[role] });

import { AuthorizationResult, AuthorizationSearchResult, CamundaUserResult, GroupResult, GroupSearchQueryResult, MemberGroupSearchResult, MemberUserSearchResult, RoleResult, RoleSearchQueryResult, TenantResult, TenantSearchQueryResult, UserResult, UserSearchResult } from '@baton/api';
import { VirtualClock } from '@baton/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorsOf, runtimeHarness } from '../__fixtures__/contract-harness.js';
import { authHarness, type AuthHarness, type Caller } from '../auth/__fixtures__/auth-harness.js';

/**
 * Issue 13: Camunda 8.8's identity operations (users, groups, roles, authorizations,
 * tenants, who am I) over Baton's identity, on a node with the test identity: alice is the
 * admin, uma an ordinary user. Every answer is checked against the contract's schema.
 */
interface Schema {
  readonly properties?: Record<string, Schema>;
  readonly additionalProperties?: unknown;
  readonly anyOf?: readonly Schema[];
  readonly items?: Schema;
}

describe('identity operations of the contract', () => {
  let h: AuthHarness;
  beforeEach(async () => {
    h = await authHarness();
  });
  afterEach(() => h.close());

  const as = async (caller: Caller, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await h.request(caller, method, path, body);
    const text = await res.text();
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  };
  const admin = (method: string, path: string, body?: unknown) => as('alice', method, path, body);
  const basic = (username: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}` });
  const meOf = async (username: string, secret: string) => (await fetch(`${h.url}/v2/authentication/me`, { headers: basic(username, secret) })).json() as Promise<CamundaUserResult>;
  const expectProblem = (answer: { status: number; body: Record<string, unknown> }, status: number, code: string, field?: string) => {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ status, code, ...(field === undefined ? {} : { details: expect.objectContaining({ field }) }) });
  };
  const everyUser = async () => (await admin('POST', '/v2/users/search', {})).body;

  it('GET /v2/authentication/me: 8.8\'s CamundaUserResult for any authenticated caller, 401 without credentials', async () => {
    // when
    const alice = await as('alice', 'GET', '/v2/authentication/me');
    const mia = await as('mia', 'GET', '/v2/authentication/me');
    const anonymous = await as('anonymous', 'GET', '/v2/authentication/me');
    // then
    expect(alice.status).toBe(200);
    expect(errorsOf(CamundaUserResult, alice.body)).toEqual([]);
    expect(alice.body).toMatchObject({ username: 'alice', roles: ['admin'], authorizedComponents: ['*'], tenants: [{ tenantId: '<default>' }], canLogout: true });
    expect(mia.body).toMatchObject({ username: 'mia', roles: ['user'], groups: ['managers'], authorizedComponents: ['tasklist'] });
    expectProblem(anonymous, 401, 'UNAUTHENTICATED');
  });

  it('users: create (201), get, search, update, delete; the password is never returned and the new user logs in with Basic', async () => {
    // when
    const created = await admin('POST', '/v2/users', { username: 'nina', password: 'nina-secret-1', name: 'Nina', email: 'nina@example.com' });
    // then
    expect(created.status).toBe(201);
    expect(errorsOf(UserResult, created.body)).toEqual([]);
    expect(created.body).toEqual({ username: 'nina', name: 'Nina', email: 'nina@example.com' });
    expect(await meOf('nina', 'nina-secret-1')).toMatchObject({ username: 'nina', displayName: 'Nina', email: 'nina@example.com', roles: [], canLogout: false });
    const found = await admin('POST', '/v2/users/search', { filter: { email: 'nina@example.com' } });
    expect(errorsOf(UserSearchResult, found.body)).toEqual([]);
    expect(found.body).toMatchObject({ items: [{ username: 'nina' }], page: { totalItems: 1 } });
    expect((await admin('GET', '/v2/users/nina')).body).toEqual(created.body);
    // when: a new name and password
    const updated = await admin('PUT', '/v2/users/nina', { name: 'Nina N.', password: 'nina-secret-2' });
    // then
    expect(updated).toEqual({ status: 200, body: { username: 'nina', name: 'Nina N.', email: 'nina@example.com' } });
    expect((await fetch(`${h.url}/v2/authentication/me`, { headers: basic('nina', 'nina-secret-1') })).status).toBe(401);
    expect(await meOf('nina', 'nina-secret-2')).toMatchObject({ displayName: 'Nina N.' });
    expect(JSON.stringify(await everyUser())).not.toMatch(/password|scrypt/i);
    // when
    expect((await admin('DELETE', '/v2/users/nina')).status).toBe(204);
    // then
    expectProblem(await admin('GET', '/v2/users/nina'), 404, 'NOT_FOUND');
    expect((await fetch(`${h.url}/v2/authentication/me`, { headers: basic('nina', 'nina-secret-2') })).status).toBe(401);
  });

  it('users: 409 for a taken username, 400 naming the field, 404 for an unknown user', async () => {
    expectProblem(await admin('POST', '/v2/users', { username: 'uma', password: 'long-enough-1' }), 409, 'ALREADY_EXISTS', 'username');
    expectProblem(await admin('POST', '/v2/users', { username: 'nina' }), 400, 'VALIDATION_FAILED', 'password');
    expectProblem(await admin('POST', '/v2/users', { username: 'nina', password: 'short' }), 400, 'VALIDATION_FAILED', 'password');
    expectProblem(await admin('POST', '/v2/users', { username: 'ni/na', password: 'long-enough-1' }), 400, 'VALIDATION_FAILED', 'username');
    expectProblem(await admin('PUT', '/v2/users/uma', { nickname: 'u' }), 400, 'VALIDATION_FAILED', 'nickname');
    expectProblem(await admin('POST', '/v2/users/search', { filter: { username: { $like: 'u*' } } }), 400, 'VALIDATION_FAILED');
    expectProblem(await admin('PUT', '/v2/users/nobody', { name: 'N' }), 404, 'NOT_FOUND', undefined);
    expectProblem(await admin('DELETE', '/v2/users/nobody'), 404, 'NOT_FOUND');
  });

  it('groups: create (201), get, search, update, members in and out, delete; 409, 400 and 404', async () => {
    // when
    const created = await admin('POST', '/v2/groups', { groupId: 'auditors', name: 'Auditors', description: 'Read the books' });
    // then
    expect(created.status).toBe(201);
    expect(errorsOf(GroupResult, created.body)).toEqual([]);
    expectProblem(await admin('POST', '/v2/groups', { groupId: 'auditors', name: 'Again' }), 409, 'ALREADY_EXISTS', 'groupId');
    expectProblem(await admin('POST', '/v2/groups', { groupId: 'nameless' }), 400, 'VALIDATION_FAILED', 'name');
    expect((await admin('PUT', '/v2/groups/auditors', { name: 'Auditors', description: 'Check the books' })).body).toEqual({ groupId: 'auditors', name: 'Auditors', description: 'Check the books' });
    const searched = await admin('POST', '/v2/groups/search', { sort: [{ field: 'groupId', order: 'DESC' }] });
    expect(errorsOf(GroupSearchQueryResult, searched.body)).toEqual([]);
    expect((searched.body['items'] as GroupResult[]).map((g) => g.groupId)).toEqual(['managers', 'clerks', 'auditors']);
    // when: uma joins
    expect((await admin('PUT', '/v2/groups/auditors/users/uma')).status).toBe(204);
    // then
    const members = await admin('POST', '/v2/groups/auditors/users/search', {});
    expect(errorsOf(MemberUserSearchResult, members.body)).toEqual([]);
    expect(members.body['items']).toEqual([{ username: 'uma' }]);
    expect((await as('uma', 'GET', '/v2/authentication/me')).body).toMatchObject({ groups: ['auditors'] });
    expectProblem(await admin('PUT', '/v2/groups/auditors/users/nobody'), 404, 'NOT_FOUND');
    expect((await admin('DELETE', '/v2/groups/auditors/users/uma')).status).toBe(204);
    expectProblem(await admin('DELETE', '/v2/groups/auditors/users/uma'), 404, 'NOT_FOUND');
    expect((await admin('DELETE', '/v2/groups/auditors')).status).toBe(204);
    expectProblem(await admin('GET', '/v2/groups/auditors'), 404, 'NOT_FOUND');
    expectProblem(await admin('POST', '/v2/groups/auditors/users/search', {}), 404, 'NOT_FOUND');
  });

  it('roles: Baton\'s five, given to and taken from users and groups; creating, changing or deleting one is refused 501', async () => {
    const searched = await admin('POST', '/v2/roles/search', {});
    expect(errorsOf(RoleSearchQueryResult, searched.body)).toEqual([]);
    expect((searched.body['items'] as RoleResult[]).map((r) => r.roleId)).toEqual(['admin', 'operator', 'worker', 'user', 'store']);
    expect(errorsOf(RoleResult, (await admin('GET', '/v2/roles/operator')).body)).toEqual([]);
    expectProblem(await admin('GET', '/v2/roles/auditor'), 404, 'NOT_FOUND');
    expectProblem(await admin('POST', '/v2/roles', { roleId: 'auditor', name: 'Auditor' }), 501, 'NOT_IMPLEMENTED');
    expectProblem(await admin('POST', '/v2/roles', { roleId: 'admin', name: 'Admin' }), 409, 'ALREADY_EXISTS');
    expectProblem(await admin('POST', '/v2/roles', { roleId: 'auditor' }), 400, 'VALIDATION_FAILED', 'name');
    expectProblem(await admin('PUT', '/v2/roles/operator', { name: 'Ops', description: 'x' }), 501, 'NOT_IMPLEMENTED');
    expectProblem(await admin('DELETE', '/v2/roles/operator'), 501, 'NOT_IMPLEMENTED');
    // when: uma becomes an operator, the clerks users
    expect((await admin('PUT', '/v2/roles/operator/users/uma')).status).toBe(204);
    expect((await admin('PUT', '/v2/roles/worker/groups/clerks')).status).toBe(204);
    // then
    expect((await as('uma', 'GET', '/v2/authentication/me')).body).toMatchObject({ roles: ['operator', 'user'] });
    expect((await as('cleo', 'GET', '/v2/authentication/me')).body).toMatchObject({ roles: ['user', 'worker'] });
    const users = await admin('POST', '/v2/roles/operator/users/search', {});
    expect(errorsOf(MemberUserSearchResult, users.body)).toEqual([]);
    expect(users.body['items']).toEqual([{ username: 'oscar' }, { username: 'uma' }]);
    const groups = await admin('POST', '/v2/roles/worker/groups/search', {});
    expect(errorsOf(MemberGroupSearchResult, groups.body)).toEqual([]);
    expect(groups.body['items']).toEqual([{ groupId: 'clerks' }]);
    expect((await admin('POST', '/v2/groups/clerks/roles/search', {})).body['items']).toMatchObject([{ roleId: 'worker' }]);
    // when: taken back
    expect((await admin('DELETE', '/v2/roles/operator/users/uma')).status).toBe(204);
    expect((await admin('DELETE', '/v2/roles/worker/groups/clerks')).status).toBe(204);
    // then
    expect((await as('uma', 'GET', '/v2/authentication/me')).body).toMatchObject({ roles: ['user'] });
    expectProblem(await admin('DELETE', '/v2/roles/operator/users/uma'), 404, 'NOT_FOUND');
    expectProblem(await admin('DELETE', '/v2/roles/worker/groups/clerks'), 404, 'NOT_FOUND');
    expectProblem(await admin('PUT', '/v2/roles/auditor/users/uma'), 404, 'NOT_FOUND');
  });

  it('authorizations: the permissions each role grants, in 8.8\'s shape; creating, changing or deleting one is refused 501', async () => {
    // when
    const all = await admin('POST', '/v2/authorizations/search', {});
    const forUsers = await admin('POST', '/v2/authorizations/search', { filter: { ownerId: 'admin', ownerType: 'ROLE', resourceType: 'USER', resourceIds: ['*'] } });
    // then
    expect(errorsOf(AuthorizationSearchResult, all.body)).toEqual([]);
    expect(forUsers.body['items']).toEqual([expect.objectContaining({ ownerId: 'admin', ownerType: 'ROLE', resourceType: 'USER', resourceId: '*', permissionTypes: ['CREATE', 'READ', 'UPDATE', 'DELETE'] })]);
    const starts = (all.body['items'] as AuthorizationResult[]).filter((a) => a.permissionTypes.includes('CREATE_PROCESS_INSTANCE')).map((a) => a.ownerId);
    expect(starts.sort()).toEqual(['admin', 'store', 'user']);
    const [one] = forUsers.body['items'] as AuthorizationResult[];
    const got = await admin('GET', `/v2/authorizations/${one?.authorizationKey ?? ''}`);
    expect(errorsOf(AuthorizationResult, got.body)).toEqual([]);
    expect(got.body).toEqual(one);
    expectProblem(await admin('GET', '/v2/authorizations/999999'), 404, 'NOT_FOUND');
    const grant = { ownerId: 'uma', ownerType: 'USER', resourceId: '*', resourceType: 'PROCESS_DEFINITION', permissionTypes: ['READ_PROCESS_INSTANCE'] };
    expectProblem(await admin('POST', '/v2/authorizations', grant), 501, 'NOT_IMPLEMENTED');
    expectProblem(await admin('POST', '/v2/authorizations', { ...grant, ownerType: 'PERSON' }), 400, 'VALIDATION_FAILED', 'ownerType');
    expectProblem(await admin('PUT', `/v2/authorizations/${one?.authorizationKey ?? ''}`, grant), 501, 'NOT_IMPLEMENTED');
    expectProblem(await admin('DELETE', `/v2/authorizations/${one?.authorizationKey ?? ''}`), 501, 'NOT_IMPLEMENTED');
    expectProblem(await admin('DELETE', '/v2/authorizations/999999'), 404, 'NOT_FOUND');
  });

  it('tenants: the one tenant <default>; creating another is refused 501 (multi-tenancy is not available)', async () => {
    const searched = await admin('POST', '/v2/tenants/search', {});
    expect(errorsOf(TenantSearchQueryResult, searched.body)).toEqual([]);
    expect(searched.body).toMatchObject({ items: [{ tenantId: '<default>' }], page: { totalItems: 1 } });
    expect((await admin('POST', '/v2/tenants/search', { filter: { tenantId: 'acme' } })).body).toMatchObject({ items: [], page: { totalItems: 0 } });
    expect(errorsOf(TenantResult, (await admin('GET', '/v2/tenants/<default>')).body)).toEqual([]);
    expectProblem(await admin('GET', '/v2/tenants/acme'), 404, 'NOT_FOUND');
    const refused = await admin('POST', '/v2/tenants', { tenantId: 'acme', name: 'ACME' });
    expectProblem(refused, 501, 'NOT_IMPLEMENTED');
    expect(refused.body['detail']).toMatch(/multi-tenancy is not available/);
    expectProblem(await admin('POST', '/v2/tenants', { tenantId: 'a b', name: 'ACME' }), 400, 'VALIDATION_FAILED', 'tenantId');
  });

  it('lists the identity operations in /openapi.json with closed request bodies (an unknown field is a 400)', async () => {
    // when
    const document = (await (await h.request('anonymous', 'GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>> };
    // then
    const identityPaths = Object.keys(document.paths).filter((path) => /^\/v2\/(users|groups|roles|authorizations|tenants|authentication)/.test(path));
    expect(identityPaths.length).toBeGreaterThanOrEqual(20);
    const open: string[] = [];
    const visit = (schema: Schema, where: string): void => {
      for (const branch of schema.anyOf ?? []) visit(branch, where);
      if (schema.items !== undefined) visit(schema.items, `${where}[]`);
      if (schema.properties === undefined) return;
      if (schema.additionalProperties !== false) open.push(where);
      for (const [name, property] of Object.entries(schema.properties)) visit(property, `${where}.${name}`);
    };
    for (const path of identityPaths) {
      for (const [method, operation] of Object.entries(document.paths[path] ?? {})) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (schema !== undefined) visit(schema, `${method.toUpperCase()} ${path}`);
      }
    }
    expect(open).toEqual([]);
  });

  it('refuses every identity operation to an ordinary user (403) and to no credentials (401), changing nothing', async () => {
    // given
    const before = await everyUser();
    const calls: readonly [string, string, unknown?][] = [
      ['POST', '/v2/users', { username: 'eve', password: 'eve-secret-1' }],
      ['POST', '/v2/users/search', {}],
      ['GET', '/v2/users/uma'],
      ['PUT', '/v2/users/uma', { name: 'Eve' }],
      ['DELETE', '/v2/users/oscar'],
      ['POST', '/v2/groups', { groupId: 'eves', name: 'Eves' }],
      ['POST', '/v2/groups/search', {}],
      ['GET', '/v2/groups/managers'],
      ['PUT', '/v2/groups/managers', { name: 'M', description: 'd' }],
      ['DELETE', '/v2/groups/managers'],
      ['PUT', '/v2/groups/managers/users/uma'],
      ['DELETE', '/v2/groups/managers/users/mia'],
      ['POST', '/v2/groups/managers/users/search', {}],
      ['POST', '/v2/groups/managers/roles/search', {}],
      ['POST', '/v2/roles', { roleId: 'eve', name: 'Eve' }],
      ['POST', '/v2/roles/search', {}],
      ['GET', '/v2/roles/admin'],
      ['PUT', '/v2/roles/admin', { name: 'A', description: 'd' }],
      ['DELETE', '/v2/roles/admin'],
      ['PUT', '/v2/roles/admin/users/uma'],
      ['DELETE', '/v2/roles/admin/users/alice'],
      ['PUT', '/v2/roles/admin/groups/managers'],
      ['DELETE', '/v2/roles/admin/groups/managers'],
      ['POST', '/v2/roles/admin/users/search', {}],
      ['POST', '/v2/roles/admin/groups/search', {}],
      ['POST', '/v2/authorizations', { ownerId: 'uma', ownerType: 'USER', resourceId: '*', resourceType: 'USER', permissionTypes: ['READ'] }],
      ['POST', '/v2/authorizations/search', {}],
      ['GET', '/v2/authorizations/1'],
      ['PUT', '/v2/authorizations/1', { ownerId: 'uma', ownerType: 'USER', resourceId: '*', resourceType: 'USER', permissionTypes: ['READ'] }],
      ['DELETE', '/v2/authorizations/1'],
      ['POST', '/v2/tenants', { tenantId: 'eve', name: 'Eve' }],
      ['POST', '/v2/tenants/search', {}],
      ['GET', '/v2/tenants/<default>'],
    ];
    for (const [method, path, body] of calls) {
      // when
      const asUser = await as('uma', method, path, body);
      const asNobody = await as('anonymous', method, path, body);
      // then
      expect({ call: `${method} ${path}`, status: asUser.status, code: asUser.body['code'] }).toEqual({ call: `${method} ${path}`, status: 403, code: 'FORBIDDEN' });
      expect({ call: `${method} ${path}`, status: asNobody.status }).toEqual({ call: `${method} ${path}`, status: 401 });
    }
    expect(await everyUser()).toEqual(before);
    expect((await as('uma', 'GET', '/v2/authentication/me')).body).toMatchObject({ roles: ['user'], groups: [] });
  });
});

describe('identity operations on a node without authentication', () => {
  it('answer 501 saying the node has no identity and how to give it one, and are not listed in /openapi.json', async () => {
    // given
    const h = await runtimeHarness(new VirtualClock(1_700_000_000_000));
    try {
      // when
      const created = await h.app.inject({ method: 'POST', url: '/v2/users', payload: { username: 'nina', password: 'nina-secret-1' } });
      const me = await h.app.inject({ method: 'GET', url: '/v2/authentication/me' });
      const document = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, unknown> }>();
      // then
      for (const answer of [created, me]) {
        expect(answer.statusCode).toBe(501);
        expect(answer.json()).toMatchObject({ code: 'NOT_IMPLEMENTED', detail: expect.stringMatching(/runs without (it|authentication).*--identity FILE/) });
      }
      expect(Object.keys(document.paths).filter((path) => /^\/v2\/(users|groups|roles|authorizations|tenants|authentication)/.test(path))).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authHarness, type AuthHarness } from './__fixtures__/auth-harness.js';
import { startOidcProvider, type TestOidcProvider } from './__fixtures__/oidc-provider.js';

describe('bearer JWTs from an OIDC provider (JWKS served on loopback)', () => {
  let provider: TestOidcProvider;
  let h: AuthHarness | undefined;
  beforeAll(async () => {
    provider = await startOidcProvider();
  });
  afterAll(() => provider.close());
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const node = async (jwksUri?: string): Promise<AuthHarness> =>
    (h = await authHarness({ oidc: { issuer: provider.issuer, audience: 'baton', ...(jwksUri === undefined ? {} : { jwksUri }) } }));
  const get = (url: string, token: string, path = '/v2/process-definitions') => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('accepts a valid token and takes username, roles and groups from its claims (JWKS found by discovery)', async () => {
    // given
    const { url } = await node();
    const token = await provider.sign({ sub: 'u-1', preferred_username: 'olga', roles: ['operator'], groups: ['managers'] });
    // when
    const me = await get(url, token, '/v2/auth/me');
    const definitions = await get(url, token);
    // then
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'olga', via: 'bearer', roles: ['operator'], groups: ['managers'] });
    expect(definitions.status).toBe(200);
  });

  it.each([
    ['another audience', { audience: 'someone-else' }],
    ['another issuer', { issuer: 'http://127.0.0.1:1/evil' }],
    ['an expired token', { expiresIn: Math.floor(Date.now() / 1000) - 3600 }],
    ['a key not in the JWKS', { key: 'unpublished' as const }],
  ])('refuses %s with 401, a problem and WWW-Authenticate', async (_name, options) => {
    const { url } = await node(provider.jwksUri);
    const token = await provider.sign({ sub: 'olga', roles: ['admin'] }, options);
    const res = await get(url, token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses an algorithm outside the allow-list (HS256 signed with a guessable secret)', async () => {
    const { url } = await node(provider.jwksUri);
    const forged = await new SignJWT({ sub: 'olga', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(provider.issuer)
      .setAudience('baton')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect((await get(url, forged)).status).toBe(401);
  });

  it('gives a token without roles no access beyond who it is, and a worker token only its job types', async () => {
    const { url } = await node(provider.jwksUri);
    const plain = await provider.sign({ sub: 'nobody' });
    expect((await get(url, plain)).status).toBe(403);
    expect((await get(url, plain, '/v2/auth/me')).status).toBe(200);
    const worker = await provider.sign({ sub: 'svc', roles: ['worker'], baton_job_types: ['ship'] });
    const activate = (type: string) =>
      fetch(`${url}/v2/jobs/activation`, {
        method: 'POST',
        headers: { authorization: `Bearer ${worker}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type, timeout: 1000, maxJobsToActivate: 1, requestTimeout: -1 }),
      });
    expect((await activate('ship')).status).toBe(200);
    expect((await activate('charge-card')).status).toBe(403);
  });

  it('refuses bearer JWTs when no OIDC provider is configured', async () => {
    h = await authHarness();
    const token = await provider.sign({ sub: 'olga', roles: ['admin'] });
    const res = await get(h.url, token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain('no OIDC provider');
  });
});

import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** A stand-in OIDC provider on 127.0.0.1:0: a discovery document, a JWKS, and a signer. */
export interface TestOidcProvider {
  readonly issuer: string;
  readonly jwksUri: string;
  /** A token signed with the published key; `options` change what the checks look at. */
  sign(claims: JWTPayload, options?: { audience?: string; issuer?: string; expiresIn?: string | number; key?: 'published' | 'unpublished' }): Promise<string>;
  close(): Promise<void>;
}

/** Starts the provider; its JWKS holds one ES256 key with kid `k1`. */
export async function startOidcProvider(): Promise<TestOidcProvider> {
  const published = await generateKeyPair('ES256');
  const unpublished = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  let issuer = '';
  const server: Server = createServer((request, response) => {
    const body = request.url === '/.well-known/openid-configuration' ? { issuer, jwks_uri: `${issuer}/jwks` } : request.url === '/jwks' ? { keys: [jwk] } : undefined;
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    async sign(claims, options = {}) {
      const key: CryptoKey = options.key === 'unpublished' ? unpublished.privateKey : published.privateKey;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? 'baton')
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(key);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

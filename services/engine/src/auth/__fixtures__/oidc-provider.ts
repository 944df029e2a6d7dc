import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/** A client the provider's token endpoint knows (OAuth 2.0 client credentials), and the claims of its tokens. */
export interface TestOidcClient {
  readonly secret: string;
  readonly claims: JWTPayload;
}

/** A stand-in OIDC provider on 127.0.0.1:0: a discovery document, a JWKS, a signer, and a client-credentials token endpoint. */
export interface TestOidcProvider {
  readonly issuer: string;
  readonly jwksUri: string;
  /** `POST` `grant_type=client_credentials&client_id&client_secret&audience` (form): `{ access_token, token_type, expires_in }`, or 401 `invalid_client`. */
  readonly tokenUrl: string;
  /** A token signed with the published key; `options` change what the checks look at. */
  sign(claims: JWTPayload, options?: { audience?: string; issuer?: string; expiresIn?: string | number; key?: 'published' | 'unpublished' }): Promise<string>;
  close(): Promise<void>;
}

/** Starts the provider; its JWKS holds one ES256 key with kid `k1`; its token endpoint knows `clients` by id. */
export async function startOidcProvider(clients: Readonly<Record<string, TestOidcClient>> = {}): Promise<TestOidcProvider> {
  const published = await generateKeyPair('ES256');
  const unpublished = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  let issuer = '';
  const sign = (claims: JWTPayload, options: { audience?: string; issuer?: string; expiresIn?: string | number; key?: 'published' | 'unpublished' } = {}): Promise<string> =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? 'baton')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key === 'unpublished' ? unpublished.privateKey : published.privateKey);
  /** The client-credentials grant: a token with the client's claims for the audience asked. */
  const issueToken = async (form: URLSearchParams): Promise<[number, unknown]> => {
    const client = clients[form.get('client_id') ?? ''];
    if (form.get('grant_type') !== 'client_credentials') return [400, { error: 'unsupported_grant_type' }];
    if (client === undefined || client.secret !== form.get('client_secret')) return [401, { error: 'invalid_client' }];
    const token = await sign({ sub: form.get('client_id') ?? '', ...client.claims }, { audience: form.get('audience') ?? '' });
    return [200, { access_token: token, token_type: 'Bearer', expires_in: 300 }];
  };
  const server: Server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/token') {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        void issueToken(new URLSearchParams(text)).then(([status, answer]) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer)));
      });
      return;
    }
    const body = request.url === '/.well-known/openid-configuration' ? { issuer, jwks_uri: `${issuer}/jwks` } : request.url === '/jwks' ? { keys: [jwk] } : undefined;
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    tokenUrl: `${issuer}/token`,
    sign,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

import '../fastify-augment.js';
import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BatonError } from '@baton/errors';
import type { MessageBus } from '@baton/runtime';
import type { EngineApi } from '../engine-api.js';
import { checkObject, checkRole, type Access } from './access.js';
import { apiKeyIdOf, apiKeyPrefix, matchesApiKey } from './api-key.js';
import type { AuthConfig } from './auth-config.js';
import { checkPassword, registerAuthRoutes } from './auth-routes.js';
import type { IdentityStore } from './identity-store.js';
import { registerIdentityRoutes } from './identity-routes.js';
import { createInMemoryIdentityStore } from './in-memory-identity-store.js';
import { createJwtVerifier, type JwtVerifier } from './jwt.js';
import { createLoginThrottle, type LoginThrottle } from './login-throttle.js';
import type { Principal } from './principal.js';
import { hasCsrfToken, readSession } from './session.js';
import { startSyncedIdentity, type SyncedIdentity } from './synced-identity.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const defaultSessionTtlMs = 8 * 60 * 60 * 1000;

/** The route class of a request; routes of plugins (Swagger UI under /docs) are public, any other unclassed route admin-only. */
function accessOf(request: FastifyRequest): Access {
  return request.routeOptions.config.access ?? (request.routeOptions.url?.startsWith('/docs') === true ? 'public' : 'admin');
}

interface Authenticator {
  readonly identity: SyncedIdentity;
  readonly verifyJwt: JwtVerifier | undefined;
  readonly now: () => number;
  /** The login throttle, also applied to HTTP Basic credentials. */
  readonly throttle: LoginThrottle;
}

function unauthenticated(reply: FastifyReply, message: string, error?: 'invalid_token'): BatonError {
  reply.header('www-authenticate', error === undefined ? 'Bearer realm="baton"' : `Bearer realm="baton", error="${error}"`);
  return new BatonError('UNAUTHENTICATED', message, {});
}

/**
 * `Authorization: Basic base64(username:password)` (Camunda's client strategy BASIC, issue 13):
 * a user with a password, checked as a login is, under the same throttle; stateless, so no CSRF.
 */
async function fromBasic(encoded: string, request: FastifyRequest, reply: FastifyReply, auth: Authenticator): Promise<Principal> {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw unauthenticated(reply, 'Malformed Basic credentials; expected base64 of "username:password".');
  const username = decoded.slice(0, colon);
  await auth.throttle.check(username, request.ip, auth.now());
  const directory = auth.identity.directory();
  const principal = (await checkPassword(directory, username, decoded.slice(colon + 1))) ? directory.principalOfUser(username, 'basic') : undefined;
  if (principal === undefined) {
    await auth.throttle.failed(username, request.ip, auth.now());
    throw unauthenticated(reply, 'Unknown user or wrong password in the Basic credentials.');
  }
  await auth.throttle.succeeded(username, request.ip);
  return principal;
}

/** The principal of an API key (`baton_<keyId>_<secret>`), sent as `Authorization: Bearer` or `x-api-key`. */
function fromApiKey(key: string, reply: FastifyReply, auth: Authenticator): Principal {
  const keyId = apiKeyIdOf(key);
  const directory = auth.identity.directory();
  const record = keyId === undefined ? undefined : directory.apiKey(keyId);
  const principal = record && matchesApiKey(key, record.hash) ? directory.principalOfApiKey(record.keyId) : undefined;
  if (principal === undefined) throw unauthenticated(reply, 'Unknown or revoked API key.', 'invalid_token');
  return principal;
}

async function fromAuthorization(header: string, request: FastifyRequest, reply: FastifyReply, auth: Authenticator): Promise<Principal> {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header)?.[1];
  if (basic !== undefined) return fromBasic(basic, request, reply, auth);
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (token === undefined) throw unauthenticated(reply, 'Unsupported Authorization header; send "Bearer <API key or token>" or "Basic <base64 of username:password>".');
  if (token.startsWith(apiKeyPrefix)) return fromApiKey(token, reply, auth);
  if (auth.verifyJwt === undefined) throw unauthenticated(reply, 'Bearer tokens are not accepted: this node has no OIDC provider configured.', 'invalid_token');
  try {
    return await auth.verifyJwt(token);
  } catch (error) {
    reply.header('www-authenticate', 'Bearer realm="baton", error="invalid_token"');
    throw error;
  }
}

async function authenticate(request: FastifyRequest, reply: FastifyReply, auth: Authenticator): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) return fromAuthorization(header, request, reply, auth);
  // @baton/client's `apiKey` and the CLI's --api-key send it as x-api-key.
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string') return fromApiKey(apiKey.trim(), reply, auth);
  const session = readSession(request, auth.now());
  if (session === undefined) return undefined;
  // Asked of the store on every request (one round trip), which also brings the directory up to date: a logout,
  // password change or deletion on any node ends the session as soon as it has answered (issue 12).
  const standing = await auth.identity.sessionStanding(session.sessionId, session.username);
  if (standing.isRevoked || standing.generation !== session.generation) return undefined;
  return auth.identity.directory().principalOfUser(session.username, 'session', session.csrfToken);
}

/** Authenticates (401), then checks CSRF for cookie sessions and the route's roles (403): before the body is read. */
function addGuards(app: FastifyInstance, auth: Authenticator, engine: EngineApi): void {
  app.addHook('onRequest', async (request, reply) => {
    // The backstop for a missed bus message: at most every 30 s, in the background; this request uses the directory as it is.
    void auth.identity.checkIfStale();
    const access = accessOf(request);
    if (request.is404 || access === 'public') return;
    const principal = await authenticate(request, reply, auth);
    if (principal === undefined) throw unauthenticated(reply, 'Log in (POST /v2/auth/login) or send "Authorization: Bearer <API key or token>" (or the API key as header x-api-key).');
    request.principal = principal;
    request.log = request.log.child({ subject: principal.subject, via: principal.via });
    reply.log = request.log;
    if (principal.via === 'session' && !safeMethods.has(request.method) && !hasCsrfToken(request, principal.csrfToken ?? '')) {
      throw new BatonError('FORBIDDEN', 'A state-changing request from a browser session must echo the CSRF token (cookie baton_csrf) in header x-csrf-token.', {
        subject: principal.subject,
      });
    }
    checkRole(principal, access);
  });
  app.addHook('preHandler', async (request) => {
    const access = accessOf(request);
    if (request.is404 || access === 'public' || request.principal === undefined) return;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    await checkObject(request.principal, access, { params, body: request.body as Record<string, unknown> | null | undefined }, engine);
  });
}

/** Where the admins' identity changes are kept and how the other nodes hear of them; default this node's memory. */
export interface IdentitySync {
  /** Owned by the caller, who closes it after the server. */
  readonly store?: IdentityStore;
  readonly bus?: MessageBus;
  /** Bus subjects are `baton.<cluster>.…`. Default `default`. */
  readonly cluster?: string;
  /** Default 30 000 ms. */
  readonly checkIntervalMs?: number;
}

/**
 * Turns on authentication and authorization for every route of `app` (issue 7): browser
 * sessions (signed httpOnly SameSite cookie, CSRF token on state-changing requests), API
 * keys, and OIDC bearer JWTs; role and object checks by each route's `config.access`.
 * Adds /v2/auth/login, /logout, /me and the admin's /v2/identity routes.
 * Register before the routes it guards. Returns the node's identity, for the routes that manage it
 * (`registerCamundaIdentityRoutes`, registered after the OpenAPI plugin so /openapi.json lists them).
 */
export async function registerAuth(app: FastifyInstance, config: AuthConfig, engine: EngineApi, sync: IdentitySync = {}): Promise<SyncedIdentity> {
  const secret = config.sessionSecret ?? randomBytes(32).toString('hex');
  if (secret.length < 32) {
    throw new BatonError('VALIDATION_FAILED', `The session secret must be at least 32 characters; it has ${secret.length}.`, { field: 'sessionSecret' });
  }
  await app.register(cookie, { secret });
  const now = config.now ?? Date.now;
  const store = sync.store ?? createInMemoryIdentityStore({ now });
  const identity = await startSyncedIdentity({
    seed: config.identity ?? { users: [], groups: [], apiKeys: [] },
    store,
    now,
    onError: (error, context) => app.log.error({ err: error, ...context }, 'identity not reloaded; serving the last directory'),
    ...pick(sync, ['bus', 'cluster', 'checkIntervalMs']),
  });
  app.addHook('onClose', async () => {
    await identity.close();
    if (sync.store === undefined) await store.close();
  });
  const throttle = createLoginThrottle(store, config.loginThrottle);
  const auth: Authenticator = { identity, verifyJwt: config.oidc && createJwtVerifier(config.oidc), now, throttle };
  addGuards(app, auth, engine);
  const cookieOptions = { ttlMs: config.sessionTtlMs ?? defaultSessionTtlMs, secure: config.secureCookies ?? false };
  registerAuthRoutes(app, { identity, now, cookie: cookieOptions, throttle });
  registerIdentityRoutes(app, identity);
  return identity;
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as Partial<Pick<T, K>>;
}

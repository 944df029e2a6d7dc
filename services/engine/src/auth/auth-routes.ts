import type { FastifyInstance } from 'fastify';
import { BatonError } from '@baton/errors';
import { errorResponses, noContent } from '../schemas.js';
import type { IdentityDirectory } from './directory.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import type { Principal } from './principal.js';
import { endSession, newSessionId, readSession, startSession, type SessionCookieOptions } from './session.js';
import type { SyncedIdentity } from './synced-identity.js';

interface AuthRouteContext {
  /** The directory as this node has it (replaced as the identity changes) and the sessions' standing in the store. */
  readonly identity: SyncedIdentity;
  readonly now: () => number;
  readonly cookie: SessionCookieOptions;
  readonly throttle: LoginThrottle;
}

const tags = ['auth'];

const meSchema = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    via: { type: 'string', enum: ['session', 'apiKey', 'bearer', 'basic'] },
    roles: { type: 'array', items: { type: 'string' } },
    groups: { type: 'array', items: { type: 'string' } },
    jobTypes: { type: 'array', items: { type: 'string' } },
    csrfToken: { type: 'string', description: 'Sessions: echo it in header x-csrf-token on POST, PUT and DELETE.' },
  },
} as const;

function describe(principal: Principal): object {
  const { subject, ...rest } = principal;
  return { username: subject, ...rest };
}

/** A hash of nothing, for a directory without any password hash. */
let decoyHash: Promise<string> | undefined;

/**
 * For an unknown user, verifies against another user's hash (same cost as a real check,
 * and never a success), so a login takes as long whether or not the user exists.
 */
export async function checkPassword(directory: IdentityDirectory, username: string, password: string): Promise<boolean> {
  const hash = directory.user(username)?.passwordHash;
  const decoy = hash ?? directory.users().find((user) => user.passwordHash !== undefined)?.passwordHash;
  const matches = await verifyPassword(password, decoy ?? (await (decoyHash ??= hashPassword('decoy'))));
  return hash !== undefined && matches;
}

/** POST /v2/auth/login (starts a browser session), POST /v2/auth/logout, GET /v2/auth/me. */
export function registerAuthRoutes(app: FastifyInstance, { identity, now, cookie, throttle }: AuthRouteContext): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/v2/auth/login',
    {
      config: { access: 'public', command: 'Login' },
      schema: {
        tags,
        summary: 'Log in with username and password: sets the session cookie and returns the CSRF token',
        description:
          'After 5 failed logins for one username from one client IP, that pair waits 1 minute, doubled by each further failure up to 15 minutes; ' +
          'after 20 from one client IP within 15 minutes, that client waits. Meanwhile answers 429 TOO_MANY_REQUESTS with Retry-After (counted in the identity store: across nodes on Redis). ' +
          'A username is never locked for other clients.',
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: { username: { type: 'string', minLength: 1, maxLength: 200 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
        },
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      try {
        await throttle.check(username, request.ip, now());
      } catch (error) {
        // Only a refusal carries a wait; a store that cannot be read (STORE_UNAVAILABLE) goes on as it is.
        if (error instanceof BatonError && error.code === 'TOO_MANY_REQUESTS') {
          reply.header('retry-after', String(error.details['retryAfterSeconds']));
          request.log.warn({ subject: username, ip: request.ip }, 'login refused: too many failed attempts');
        }
        throw error;
      }
      // Read before the password is checked, and the directory brought up to date: a password change that
      // answers after this read moves the generation on, so the session started here ends with it.
      const sessionId = newSessionId();
      const { generation } = await identity.sessionStanding(sessionId, username);
      if (!(await checkPassword(identity.directory(), username, password))) {
        await throttle.failed(username, request.ip, now());
        throw new BatonError('UNAUTHENTICATED', 'Unknown user or wrong password.', {});
      }
      await throttle.succeeded(username, request.ip);
      const session = startSession(reply, { sessionId, username, generation }, now(), cookie);
      request.log.info({ subject: username }, 'logged in');
      const principal = identity.directory().principalOfUser(username, 'session', session.csrfToken);
      return principal && describe(principal);
    },
  );
  app.post(
    '/v2/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'End the browser session, on every node: the cookie is refused from then on', response: { ...noContent, ...errorResponses } },
    },
    async (request, reply) => {
      const session = readSession(request, now());
      // Revoked in the store before the answer, so no node accepts the cookie once the client has it (issue 12).
      if (session !== undefined) await identity.revokeSession(session.sessionId, session.expiresAt - now());
      endSession(reply);
      return reply.code(204).send();
    },
  );
  app.get(
    '/v2/auth/me',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Who the caller is: roles, groups, job types', response: { 200: meSchema, ...errorResponses } } },
    async (request) => request.principal && describe(request.principal),
  );
}

import type { FastifyInstance } from 'fastify';
import { BatonError } from '@baton/errors';
import { errorResponses, noContent } from '../schemas.js';
import type { IdentityDirectory } from './directory.js';
import { hashPassword, verifyPassword } from './password.js';
import type { Principal } from './principal.js';
import { endSession, startSession, type SessionCookieOptions } from './session.js';

interface AuthRouteContext {
  readonly directory: IdentityDirectory;
  readonly now: () => number;
  readonly cookie: SessionCookieOptions;
}

const tags = ['auth'];

const meSchema = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    via: { type: 'string', enum: ['session', 'apiKey', 'bearer'] },
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

/** A hash of nothing, verified for unknown users so a login takes as long whether or not the user exists. */
let decoyHash: Promise<string> | undefined;

async function checkPassword(directory: IdentityDirectory, username: string, password: string): Promise<boolean> {
  const hash = directory.user(username)?.passwordHash;
  const matches = await verifyPassword(password, hash ?? (await (decoyHash ??= hashPassword('decoy'))));
  return hash !== undefined && matches;
}

/** POST /v2/auth/login (starts a browser session), POST /v2/auth/logout, GET /v2/auth/me. */
export function registerAuthRoutes(app: FastifyInstance, { directory, now, cookie }: AuthRouteContext): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/v2/auth/login',
    {
      config: { access: 'public', command: 'Login' },
      schema: {
        tags,
        summary: 'Log in with username and password: sets the session cookie and returns the CSRF token',
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
      if (!(await checkPassword(directory, username, password))) {
        throw new BatonError('UNAUTHENTICATED', 'Unknown user or wrong password.', {});
      }
      const session = startSession(reply, username, now(), cookie);
      request.log.info({ subject: username }, 'logged in');
      const principal = directory.principalOfUser(username, 'session', session.csrfToken);
      return principal && describe(principal);
    },
  );
  app.post(
    '/v2/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'End the browser session', response: { ...noContent, ...errorResponses } } },
    async (_request, reply) => {
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

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The httpOnly cookie holding the signed session. */
export const sessionCookie = 'baton_session';
/** A cookie the page's script can read: the CSRF token it echoes in {@link csrfHeader}. */
export const csrfCookie = 'baton_csrf';
/** The header a cookie-authenticated state-changing request must carry. */
export const csrfHeader = 'x-csrf-token';

/** What a session cookie says, signed with the node's session secret. */
export interface Session {
  /** Random; a logout revokes it in the IdentityStore, for every node. */
  readonly sessionId: string;
  readonly username: string;
  /** The user's session generation at login; a password change or a deletion moves it on, ending this session. */
  readonly generation: number;
  /** Epoch ms. */
  readonly expiresAt: number;
  readonly csrfToken: string;
}

/** Cookie flags; `secure` when the node is reached over HTTPS. */
export interface SessionCookieOptions {
  readonly ttlMs: number;
  readonly secure: boolean;
}

/** A new random session id. */
export function newSessionId(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Signed sessions: the cookie carries the session id, username, generation, expiry and
 * CSRF token, signed (HMAC-SHA256 by @fastify/cookie), so any node with the same secret
 * accepts it. What may end it early lives in the IdentityStore, checked on every request
 * (issue 12): a logout revokes its id, a password change or deletion moves the user's
 * generation on. Roles and groups are read from the directory on every request.
 */
export function startSession(reply: FastifyReply, owner: Pick<Session, 'sessionId' | 'username' | 'generation'>, now: number, options: SessionCookieOptions): Session {
  const session: Session = { ...owner, expiresAt: now + options.ttlMs, csrfToken: randomBytes(24).toString('base64url') };
  const value = Buffer.from(JSON.stringify(session)).toString('base64url');
  const flags = { path: '/', sameSite: 'strict', secure: options.secure, maxAge: Math.floor(options.ttlMs / 1000) } as const;
  reply.setCookie(sessionCookie, value, { ...flags, httpOnly: true, signed: true });
  reply.setCookie(csrfCookie, session.csrfToken, { ...flags, httpOnly: false });
  return session;
}

/** Clears both cookies. */
export function endSession(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
  reply.clearCookie(csrfCookie, { path: '/' });
}

/** The unexpired session of a validly signed cookie, else undefined. */
export function readSession(request: FastifyRequest, now: number): Session | undefined {
  const raw = request.cookies[sessionCookie];
  if (raw === undefined) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const session = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Partial<Session>;
    // A cookie of an older Baton (no session id) cannot be revoked: it is refused, and its user logs in again.
    const isWellFormed =
      typeof session.sessionId === 'string' &&
      typeof session.username === 'string' &&
      typeof session.generation === 'number' &&
      typeof session.expiresAt === 'number' &&
      typeof session.csrfToken === 'string';
    return isWellFormed && (session.expiresAt ?? 0) > now ? (session as Session) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the request echoes the session's CSRF token in {@link csrfHeader} (constant-time). */
export function hasCsrfToken(request: FastifyRequest, expected: string): boolean {
  const presented = request.headers[csrfHeader];
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

import { BatonError } from '@baton/errors';
import type { IdentityStore, LoginFailures } from './identity-store.js';

/**
 * Limits on failed logins, after OWASP's advice (issue 12, finding 6b): counted per client
 * IP *and* username, with a back-off that doubles, plus a looser limit per IP. There is no
 * lock-out of a username for everyone: an attacker elsewhere cannot lock the real admin out.
 */
export interface LoginThrottleConfig {
  /** Failed logins for one username from one client IP before that pair must wait. Default 5. */
  readonly maxFailuresPerUserAndIp?: number;
  /** The first wait of a pair over its limit; each further failure doubles it. Default 1 minute. */
  readonly firstLockMs?: number;
  /** The longest wait of a pair. Default 15 minutes. */
  readonly maxLockMs?: number;
  /** A pair with no failure for this long starts again from zero. Default 1 hour. */
  readonly resetAfterMs?: number;
  /** Failed logins per client IP (any usernames) within `windowMs` before that client is refused. Default 20 (offices share an IP). */
  readonly maxFailuresPerIp?: number;
  /** The sliding window of the per-IP limit. Default 15 minutes. */
  readonly windowMs?: number;
}

/**
 * The login throttle's rules over failures counted in the IdentityStore, so every node
 * sharing the store (Redis) applies one count; the in-memory store counts per process.
 */
export interface LoginThrottle {
  /** Rejects with `TOO_MANY_REQUESTS` (details `retryAfterSeconds`) when this username from this IP, or this IP, must wait. */
  check(username: string, ip: string, now: number): Promise<void>;
  /** Records a failed attempt against the (IP, username) pair and the IP. */
  failed(username: string, ip: string, now: number): Promise<void>;
  /** A successful login clears the pair's failures (not the IP's). */
  succeeded(username: string, ip: string): Promise<void>;
}

/** What the throttle needs of the store. */
export type LoginFailureLog = Pick<IdentityStore, 'loginFailures' | 'recordLoginFailure' | 'clearLoginFailures'>;

const defaults = {
  maxFailuresPerUserAndIp: 5,
  firstLockMs: 60 * 1000,
  maxLockMs: 15 * 60 * 1000,
  resetAfterMs: 60 * 60 * 1000,
  maxFailuresPerIp: 20,
  windowMs: 15 * 60 * 1000,
};

function tooMany(retryAfterMs: number, what: string): BatonError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new BatonError(
    'TOO_MANY_REQUESTS',
    `Too many failed logins ${what}; expected a wait before the next attempt, so the password was not checked. Try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}

/** The {@link LoginThrottle} over `log` (the node's IdentityStore). */
export function createLoginThrottle(log: LoginFailureLog, config: LoginThrottleConfig = {}): LoginThrottle {
  const limits = { ...defaults, ...config };
  const windows = { resetAfterMs: limits.resetAfterMs, windowMs: limits.windowMs };
  /** The pair waits from its last failure: firstLockMs at the limit, doubled for each failure beyond it. */
  const lockedUntil = ({ pairCount, pairLastAt }: LoginFailures): number => {
    const over = pairCount - limits.maxFailuresPerUserAndIp;
    return over < 0 ? pairLastAt : pairLastAt + Math.min(limits.maxLockMs, limits.firstLockMs * 2 ** Math.min(over, 30));
  };
  return {
    async check(username, ip, now) {
      const failures = await log.loginFailures(ip, username, now, windows);
      if (lockedUntil(failures) > now) throw tooMany(lockedUntil(failures) - now, 'for this user from this client');
      const times = failures.ipTimes;
      if (times.length >= limits.maxFailuresPerIp) {
        const oldest = times[times.length - limits.maxFailuresPerIp] ?? now;
        throw tooMany(oldest + limits.windowMs - now, 'from this client');
      }
    },
    failed: (username, ip, now) => log.recordLoginFailure(ip, username, now, windows),
    succeeded: (username, ip) => log.clearLoginFailures(ip, username),
  };
}

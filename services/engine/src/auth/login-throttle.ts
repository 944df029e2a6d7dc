import { BatonError } from '@baton/errors';

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
  /** Most pairs and IPs remembered at once; the longest-quiet ones are forgotten first. Default 10,000. */
  readonly maxTracked?: number;
}

/**
 * Counts failed logins in this node's memory: a cluster of N nodes behind a load balancer
 * allows up to N times the limits, and a restart forgets them.
 */
export interface LoginThrottle {
  /** Throws `TOO_MANY_REQUESTS` (details `retryAfterSeconds`) when this username from this IP, or this IP, must wait. */
  check(username: string, ip: string, now: number): void;
  /** Records a failed attempt against the (IP, username) pair and the IP. */
  failed(username: string, ip: string, now: number): void;
  /** A successful login clears the pair's failures (not the IP's). */
  succeeded(username: string, ip: string): void;
}

const defaults = {
  maxFailuresPerUserAndIp: 5,
  firstLockMs: 60 * 1000,
  maxLockMs: 15 * 60 * 1000,
  resetAfterMs: 60 * 60 * 1000,
  maxFailuresPerIp: 20,
  windowMs: 15 * 60 * 1000,
  maxTracked: 10_000,
};

/** Remembers at most `maxTracked` keys; a Map keeps insertion order, so re-inserting marks a key as recently used. */
class Recent<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxTracked: number) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxTracked) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

interface PairFailures {
  readonly count: number;
  readonly lastAt: number;
}

function tooMany(retryAfterMs: number, what: string): BatonError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new BatonError(
    'TOO_MANY_REQUESTS',
    `Too many failed logins ${what}; expected a wait before the next attempt, so the password was not checked. Try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}

/** The in-memory {@link LoginThrottle}. */
export function createLoginThrottle(config: LoginThrottleConfig = {}): LoginThrottle {
  const limits = { ...defaults, ...config };
  const pairs = new Recent<PairFailures>(limits.maxTracked);
  const ips = new Recent<number[]>(limits.maxTracked);
  // JSON keeps the pair unambiguous whatever characters the username holds.
  const pairKey = (username: string, ip: string): string => JSON.stringify([ip, username]);
  const pairOf = (key: string, now: number): PairFailures | undefined => {
    const pair = pairs.get(key);
    return pair !== undefined && now - pair.lastAt < limits.resetAfterMs ? pair : undefined;
  };
  /** The pair waits from its last failure: firstLockMs at the limit, doubled for each failure beyond it. */
  const lockedUntil = ({ count, lastAt }: PairFailures): number => {
    const over = count - limits.maxFailuresPerUserAndIp;
    return over < 0 ? lastAt : lastAt + Math.min(limits.maxLockMs, limits.firstLockMs * 2 ** Math.min(over, 30));
  };
  const ipFailures = (ip: string, now: number): number[] => (ips.get(ip) ?? []).filter((at) => at > now - limits.windowMs);
  return {
    check(username, ip, now) {
      const pair = pairOf(pairKey(username, ip), now);
      if (pair !== undefined && lockedUntil(pair) > now) throw tooMany(lockedUntil(pair) - now, 'for this user from this client');
      const times = ipFailures(ip, now);
      if (times.length >= limits.maxFailuresPerIp) {
        const oldest = times[times.length - limits.maxFailuresPerIp] ?? now;
        throw tooMany(oldest + limits.windowMs - now, 'from this client');
      }
    },
    failed(username, ip, now) {
      const key = pairKey(username, ip);
      pairs.set(key, { count: (pairOf(key, now)?.count ?? 0) + 1, lastAt: now });
      ips.set(ip, [...ipFailures(ip, now), now].slice(-limits.maxFailuresPerIp));
    },
    succeeded(username, ip) {
      pairs.delete(pairKey(username, ip));
    },
  };
}

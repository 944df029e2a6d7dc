import { BatonError } from '@baton/errors';

/** How many failed logins are allowed, per username and per client IP, within a sliding window. */
export interface LoginThrottleConfig {
  /** Failed logins per username within the window before that username is refused. Default 5. */
  readonly maxFailuresPerUser?: number;
  /** Failed logins per client IP within the window before that client is refused. Default 20 (offices share an IP). */
  readonly maxFailuresPerIp?: number;
  /** The sliding window. Default 15 minutes. */
  readonly windowMs?: number;
  /** Most usernames and IPs remembered at once; the longest-quiet ones are forgotten first. Default 10,000. */
  readonly maxTracked?: number;
}

/**
 * Counts failed logins per username and per client IP, in this node's memory: a cluster of
 * N nodes behind a load balancer allows up to N times the limit, and a restart forgets.
 */
export interface LoginThrottle {
  /** Throws `TOO_MANY_REQUESTS` (details `retryAfterSeconds`) when the username or the IP is over its limit. */
  check(username: string, ip: string, now: number): void;
  /** Records a failed attempt against both the username and the IP. */
  failed(username: string, ip: string, now: number): void;
  /** A successful login clears the username's failures (not the IP's). */
  succeeded(username: string): void;
}

const defaults = { maxFailuresPerUser: 5, maxFailuresPerIp: 20, windowMs: 15 * 60 * 1000, maxTracked: 10_000 };

/** Failure times per key, oldest first; a Map keeps insertion order, so re-inserting marks a key as recently used. */
class FailureLog {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxTracked: number,
  ) {}

  /** The failure times of `key` still inside the window at `now`. */
  recent(key: string, now: number): number[] {
    const fresh = (this.times.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (fresh.length === 0) this.times.delete(key);
    else this.times.set(key, fresh);
    return fresh;
  }

  add(key: string, now: number, keep: number): void {
    const fresh = [...this.recent(key, now), now].slice(-keep);
    this.times.delete(key);
    this.times.set(key, fresh);
    for (const oldest of this.times.keys()) {
      if (this.times.size <= this.maxTracked) break;
      this.times.delete(oldest);
    }
  }

  clear(key: string): void {
    this.times.delete(key);
  }
}

/** The in-memory {@link LoginThrottle}. */
export function createLoginThrottle(config: LoginThrottleConfig = {}): LoginThrottle {
  const { maxFailuresPerUser, maxFailuresPerIp, windowMs, maxTracked } = { ...defaults, ...config };
  const users = new FailureLog(windowMs, maxTracked);
  const ips = new FailureLog(windowMs, maxTracked);
  const refuse = (times: readonly number[], limit: number, now: number, what: string): void => {
    if (times.length < limit) return;
    const oldest = times[times.length - limit] ?? now;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    throw new BatonError('TOO_MANY_REQUESTS', `Too many failed logins for this ${what}; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  };
  return {
    check(username, ip, now) {
      refuse(users.recent(username, now), maxFailuresPerUser, now, 'user');
      refuse(ips.recent(ip, now), maxFailuresPerIp, now, 'client');
    },
    failed(username, ip, now) {
      users.add(username, now, maxFailuresPerUser);
      ips.add(ip, now, maxFailuresPerIp);
    },
    succeeded(username) {
      users.clear(username);
    },
  };
}

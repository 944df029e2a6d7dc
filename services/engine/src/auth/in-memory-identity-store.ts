import { BatonError } from '@baton/errors';
import type { GroupRecord, UserRecord } from './identity.js';
import type { IdentityChanges, IdentityStore, IdentityTombstone, LoginFailures, LoginFailureWindows, PutUserOptions, SessionStanding } from './identity-store.js';

const tombstone: IdentityTombstone = { deleted: true };

export interface InMemoryIdentityStoreOptions {
  /** Decides when a revocation or a failed login may be forgotten; default `Date.now`. */
  readonly now?: () => number;
  /** Most login-failure pairs and client IPs remembered at once; the longest-quiet are forgotten first. Default 10,000. */
  readonly maxTrackedLogins?: number;
}

/** Remembers at most `maxTracked` keys; a Map keeps insertion order, so re-inserting marks a key as recently used. */
class RecentMap<T> {
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

/**
 * The {@link IdentityStore} of one process (the default, and a single node's): changes
 * live as long as the store object. Nodes sharing one object (tests) see each other's
 * writes; nodes in different processes do not.
 */
export class InMemoryIdentityStore implements IdentityStore {
  private revisionNow = 0;
  private readonly users = new Map<string, UserRecord | IdentityTombstone>();
  private readonly groups = new Map<string, GroupRecord | IdentityTombstone>();
  private readonly generations = new Map<string, number>();
  /** Revoked session ids and when their record may be forgotten (epoch ms of `now`). */
  private readonly revoked = new Map<string, number>();
  private readonly loginPairs: RecentMap<{ readonly count: number; readonly lastAt: number }>;
  private readonly loginIps: RecentMap<readonly number[]>;
  private readonly now: () => number;
  private isClosed = false;

  constructor(options: InMemoryIdentityStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.loginPairs = new RecentMap(options.maxTrackedLogins ?? 10_000);
    this.loginIps = new RecentMap(options.maxTrackedLogins ?? 10_000);
  }

  async load(): Promise<IdentityChanges> {
    this.checkOpen();
    return { revision: this.revisionNow, users: new Map(this.users), groups: new Map(this.groups) };
  }

  async revision(): Promise<number> {
    this.checkOpen();
    return this.revisionNow;
  }

  async putUser(user: UserRecord, options: PutUserOptions = {}): Promise<number> {
    return this.write(() => {
      this.users.set(user.username, structuredClone(user));
      if (options.endSessions === true) this.endSessions(user.username);
    });
  }

  async deleteUser(username: string): Promise<number> {
    return this.write(() => {
      this.users.set(username, tombstone);
      this.endSessions(username);
    });
  }

  async putGroup(group: GroupRecord): Promise<number> {
    return this.write(() => this.groups.set(group.groupId, structuredClone(group)));
  }

  async deleteGroup(groupId: string): Promise<number> {
    return this.write(() => this.groups.set(groupId, tombstone));
  }

  async sessionStanding(sessionId: string, username: string): Promise<SessionStanding> {
    this.checkOpen();
    const forgetAt = this.revoked.get(sessionId);
    return { revision: this.revisionNow, generation: this.generations.get(username) ?? 0, isRevoked: forgetAt !== undefined && forgetAt > this.now() };
  }

  async revokeSession(sessionId: string, ttlMs: number): Promise<void> {
    this.checkOpen();
    const now = this.now();
    for (const [id, forgetAt] of this.revoked) if (forgetAt <= now) this.revoked.delete(id);
    this.revoked.set(sessionId, now + ttlMs);
  }

  async loginFailures(ip: string, username: string, now: number, windows: LoginFailureWindows): Promise<LoginFailures> {
    this.checkOpen();
    const pair = this.loginPairs.get(pairKey(ip, username));
    const isCounting = pair !== undefined && now - pair.lastAt < windows.resetAfterMs;
    return { pairCount: isCounting ? pair.count : 0, pairLastAt: isCounting ? pair.lastAt : 0, ipTimes: (this.loginIps.get(ip) ?? []).filter((at) => at > now - windows.windowMs) };
  }

  async recordLoginFailure(ip: string, username: string, at: number, windows: LoginFailureWindows): Promise<void> {
    const { pairCount, ipTimes } = await this.loginFailures(ip, username, at, windows);
    this.loginPairs.set(pairKey(ip, username), { count: pairCount + 1, lastAt: at });
    this.loginIps.set(ip, [...ipTimes, at]);
  }

  async clearLoginFailures(ip: string, username: string): Promise<void> {
    this.checkOpen();
    this.loginPairs.delete(pairKey(ip, username));
  }

  async close(): Promise<void> {
    this.isClosed = true;
  }

  private write(change: () => void): number {
    this.checkOpen();
    change();
    this.revisionNow += 1;
    return this.revisionNow;
  }

  private endSessions(username: string): void {
    this.generations.set(username, (this.generations.get(username) ?? 0) + 1);
  }

  private checkOpen(): void {
    if (this.isClosed) throw new BatonError('STORE_UNAVAILABLE', 'The in-memory identity store is closed; create a new one.');
  }
}

/** JSON keeps the pair unambiguous whatever characters the IP and username hold. */
function pairKey(ip: string, username: string): string {
  return JSON.stringify([ip, username]);
}

export function createInMemoryIdentityStore(options?: InMemoryIdentityStoreOptions): InMemoryIdentityStore {
  return new InMemoryIdentityStore(options);
}

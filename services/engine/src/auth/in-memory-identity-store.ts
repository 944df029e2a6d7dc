import { BatonError } from '@baton/errors';
import type { GroupRecord, UserRecord } from './identity.js';
import type { IdentityChanges, IdentityStore, IdentityTombstone, PutUserOptions, SessionStanding } from './identity-store.js';

const tombstone: IdentityTombstone = { deleted: true };

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
  private isClosed = false;

  /** `now` only decides when a revocation may be forgotten; default `Date.now`. */
  constructor(private readonly now: () => number = Date.now) {}

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

export function createInMemoryIdentityStore(now?: () => number): InMemoryIdentityStore {
  return new InMemoryIdentityStore(now);
}

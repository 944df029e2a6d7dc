import { BatonError } from '@baton/errors';
import type { GroupRecord, UserRecord } from './identity.js';
import type { IdentityChanges, IdentityStore, IdentityTombstone } from './identity-store.js';

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
  private isClosed = false;

  async load(): Promise<IdentityChanges> {
    this.checkOpen();
    return { revision: this.revisionNow, users: new Map(this.users), groups: new Map(this.groups) };
  }

  async revision(): Promise<number> {
    this.checkOpen();
    return this.revisionNow;
  }

  async putUser(user: UserRecord): Promise<number> {
    return this.write(() => this.users.set(user.username, structuredClone(user)));
  }

  async deleteUser(username: string): Promise<number> {
    return this.write(() => this.users.set(username, tombstone));
  }

  async putGroup(group: GroupRecord): Promise<number> {
    return this.write(() => this.groups.set(group.groupId, structuredClone(group)));
  }

  async deleteGroup(groupId: string): Promise<number> {
    return this.write(() => this.groups.set(groupId, tombstone));
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

  private checkOpen(): void {
    if (this.isClosed) throw new BatonError('STORE_UNAVAILABLE', 'The in-memory identity store is closed; create a new one.');
  }
}

export function createInMemoryIdentityStore(): InMemoryIdentityStore {
  return new InMemoryIdentityStore();
}

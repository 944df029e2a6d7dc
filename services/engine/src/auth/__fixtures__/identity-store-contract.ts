import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GroupRecord, IdentityData, UserRecord } from '../identity.js';
import { overlayIdentity, type IdentityStore } from '../identity-store.js';

/** A store under test, and a second handle on the same data (another node, or the same node after a restart). */
export interface IdentityStoreUnderTest {
  readonly store: IdentityStore;
  reopen(): Promise<IdentityStore>;
}

const hash = 'scrypt$16384$8$1$c2FsdA$aGFzaA';
const ann: UserRecord = { username: 'ann', name: 'Ann', passwordHash: hash, roles: ['user'], groups: ['clerks'] };
const clerks: GroupRecord = { groupId: 'clerks', name: 'Clerks', roles: ['user'], members: ['ann'] };
const seed: IdentityData = {
  users: [{ username: 'fay', passwordHash: hash, roles: ['operator'], groups: [] }],
  groups: [{ groupId: 'file-group', roles: [], members: ['fay'] }],
  apiKeys: [{ keyId: 'k', hash: `sha256:${'0'.repeat(64)}`, roles: ['worker'], jobTypes: ['*'] }],
};

/**
 * The IdentityStore contract (see its TSDoc), once for every adapter: the in-memory one
 * as a unit test, Redis in test/integration/redis.
 */
export function identityStoreContract(name: string, open: () => Promise<IdentityStoreUnderTest>): void {
  describe(`IdentityStore contract: ${name}`, () => {
    const opened: IdentityStore[] = [];
    const start = async (): Promise<IdentityStoreUnderTest> => {
      const underTest = await open();
      opened.push(underTest.store);
      return {
        store: underTest.store,
        reopen: async () => {
          const store = await underTest.reopen();
          opened.push(store);
          return store;
        },
      };
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('starts empty at revision 0', async () => {
      const { store } = await start();
      expect(await store.revision()).toBe(0);
      const changes = await store.load();
      expect({ revision: changes.revision, users: [...changes.users], groups: [...changes.groups] }).toEqual({ revision: 0, users: [], groups: [] });
    });

    it('keeps a put user and group whole, password hash included, each write one revision more', async () => {
      // given
      const { store } = await start();
      // when
      const revisions = [await store.putUser(ann), await store.putGroup(clerks)];
      // then
      expect(revisions).toEqual([1, 2]);
      expect(await store.revision()).toBe(2);
      const changes = await store.load();
      expect(changes.revision).toBe(2);
      expect(changes.users.get('ann')).toEqual(ann);
      expect(changes.groups.get('clerks')).toEqual(clerks);
    });

    it('replaces the whole record on a second put', async () => {
      const { store } = await start();
      await store.putUser(ann);
      await store.putUser({ username: 'ann', roles: ['admin'], groups: [] });
      expect((await store.load()).users.get('ann')).toEqual({ username: 'ann', roles: ['admin'], groups: [] });
    });

    it('keeps a deletion as a tombstone that hides a user and a group of the identity file', async () => {
      // given
      const { store } = await start();
      // when: the file's user and group are deleted, and one never seen
      expect(await store.deleteUser('fay')).toBe(1);
      expect(await store.deleteGroup('file-group')).toBe(2);
      expect(await store.deleteUser('nobody')).toBe(3);
      // then
      const changes = await store.load();
      expect(changes.users.get('fay')).toEqual({ deleted: true });
      expect(changes.groups.get('file-group')).toEqual({ deleted: true });
      const directory = overlayIdentity(seed, changes);
      expect(directory.users).toEqual([]);
      expect(directory.groups).toEqual([]);
      expect(directory.apiKeys).toEqual(seed.apiKeys);
    });

    it('brings a deleted user back with a later put, over the file', async () => {
      const { store } = await start();
      await store.deleteUser('fay');
      await store.putUser({ username: 'fay', roles: ['admin'], groups: [] });
      expect(overlayIdentity(seed, await store.load()).users).toEqual([{ username: 'fay', roles: ['admin'], groups: [] }]);
    });

    it('gives concurrent writes distinct revisions, the last one the count of writes', async () => {
      const { store } = await start();
      const revisions = await Promise.all(Array.from({ length: 12 }, (_, i) => store.putUser({ ...ann, username: `u${i}` })));
      expect([...revisions].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const changes = await store.load();
      expect(changes.revision).toBe(12);
      expect(changes.users.size).toBe(12);
    });

    it('stores ids with separators and object-property names as they are', async () => {
      const { store } = await start();
      for (const username of ['a:b', '{x}', '__proto__', 'constructor', 'ü ser']) await store.putUser({ ...ann, username });
      const { users } = await store.load();
      expect([...users.keys()].sort()).toEqual(['__proto__', 'a:b', 'constructor', '{x}', 'ü ser']);
      expect(users.get('__proto__')).toEqual({ ...ann, username: '__proto__' });
    });

    it('shows its writes through another handle on the same data', async () => {
      const { store, reopen } = await start();
      await store.putUser(ann);
      await store.deleteGroup('file-group');
      const other = await reopen();
      expect(await other.revision()).toBe(2);
      expect(await other.putGroup(clerks)).toBe(3);
      const changes = await store.load();
      expect(changes.revision).toBe(3);
      expect(changes.users.get('ann')).toEqual(ann);
      expect(changes.groups.get('clerks')).toEqual(clerks);
    });

    it('issue 12: reports a session revoked by a logout through every handle, and no other session', async () => {
      // given
      const { store, reopen } = await start();
      const other = await reopen();
      expect(await other.sessionStanding('s1', 'ann')).toEqual({ revision: 0, generation: 0, isRevoked: false });
      // when
      await store.revokeSession('s1', 60_000);
      // then
      expect(await other.sessionStanding('s1', 'ann')).toEqual({ revision: 0, generation: 0, isRevoked: true });
      expect(await other.sessionStanding('s2', 'ann')).toMatchObject({ isRevoked: false });
    });

    it('issue 12: forgets a revocation once its time to live has passed', async () => {
      const { store } = await start();
      await store.revokeSession('short', 50);
      await store.revokeSession('long', 600_000);
      await vi.waitFor(async () => expect(await store.sessionStanding('short', 'ann')).toMatchObject({ isRevoked: false }), { timeout: 10_000, interval: 20 });
      expect(await store.sessionStanding('long', 'ann')).toMatchObject({ isRevoked: true });
    });

    it('issue 12: a deletion and a put with endSessions move the user\'s session generation on in the same write; a plain put does not', async () => {
      // given
      const { store, reopen } = await start();
      // when
      await store.putUser(ann);
      const afterPlainPut = await store.sessionStanding('s', 'ann');
      await store.putUser({ ...ann, passwordHash: `${hash}x` }, { endSessions: true });
      const afterPasswordChange = await store.sessionStanding('s', 'ann');
      await store.deleteUser('ann');
      await store.deleteUser('fay');
      // then: each standing shows the revision of the write that moved the generation
      expect(afterPlainPut).toEqual({ revision: 1, generation: 0, isRevoked: false });
      expect(afterPasswordChange).toEqual({ revision: 2, generation: 1, isRevoked: false });
      const other = await reopen();
      expect(await other.sessionStanding('s', 'ann')).toEqual({ revision: 4, generation: 2, isRevoked: false });
      expect(await other.sessionStanding('s', 'fay')).toEqual({ revision: 4, generation: 1, isRevoked: false });
      expect(await other.sessionStanding('s', 'clerk')).toMatchObject({ generation: 0 });
      // and bringing the user back does not bring the old sessions back
      await store.putUser(ann);
      expect(await other.sessionStanding('s', 'ann')).toMatchObject({ generation: 2 });
    });

    it('issue 12: counts failed logins per (IP, username) pair and per IP through every handle; a clear forgets the pair only', async () => {
      // given
      const { store, reopen } = await start();
      const other = await reopen();
      const windows = { resetAfterMs: 3_600_000, windowMs: 900_000 };
      const t = Date.now();
      // when: two failures of ann and one of bob from one client, one of ann from another; pairs with separators in their names
      await store.recordLoginFailure('10.0.0.1', 'ann', t, windows);
      await other.recordLoginFailure('10.0.0.1', 'ann', t + 1, windows);
      await store.recordLoginFailure('10.0.0.1', 'bob', t + 2, windows);
      await store.recordLoginFailure('::1', 'ann', t + 3, windows);
      await store.recordLoginFailure('a","b', 'c', t + 4, windows);
      // then
      expect(await other.loginFailures('10.0.0.1', 'ann', t + 5, windows)).toEqual({ pairCount: 2, pairLastAt: t + 1, ipTimes: [t, t + 1, t + 2] });
      expect(await other.loginFailures('::1', 'ann', t + 5, windows)).toEqual({ pairCount: 1, pairLastAt: t + 3, ipTimes: [t + 3] });
      expect(await other.loginFailures('a', 'b","c', t + 5, windows)).toEqual({ pairCount: 0, pairLastAt: 0, ipTimes: [] });
      // and a failure counts for the IP only within the window, for the pair until it is quiet for resetAfterMs
      expect(await store.loginFailures('10.0.0.1', 'ann', t + 900_001, windows)).toEqual({ pairCount: 2, pairLastAt: t + 1, ipTimes: [t + 2] });
      expect(await store.loginFailures('10.0.0.1', 'ann', t + 3_600_001, windows)).toMatchObject({ pairCount: 0, pairLastAt: 0 });
      // when: ann logs in from the first client
      await other.clearLoginFailures('10.0.0.1', 'ann');
      // then
      expect(await store.loginFailures('10.0.0.1', 'ann', t + 5, windows)).toEqual({ pairCount: 0, pairLastAt: 0, ipTimes: [t, t + 1, t + 2] });
      expect(await store.loginFailures('::1', 'ann', t + 5, windows)).toMatchObject({ pairCount: 1 });
    });

    it('issue 12: forgets a quiet pair\'s failures by itself', async () => {
      const { store } = await start();
      const windows = { resetAfterMs: 50, windowMs: 50 };
      await store.recordLoginFailure('10.0.0.1', 'ann', Date.now(), windows);
      await vi.waitFor(async () => expect(await store.loginFailures('10.0.0.1', 'ann', Date.now(), windows)).toEqual({ pairCount: 0, pairLastAt: 0, ipTimes: [] }), {
        timeout: 10_000,
        interval: 20,
      });
    });

    it('refuses calls once closed with STORE_UNAVAILABLE; close is idempotent', async () => {
      const { store } = await start();
      await store.close();
      await store.close();
      await expect(store.putUser(ann)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.load()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.sessionStanding('s', 'ann')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.revokeSession('s', 1_000)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    });
  });
}

import { describe, expect, it, vi } from 'vitest';
import { createInMemoryMessageBus, VirtualClock } from '@baton/memory';
import type { IdentityData, UserRecord } from './identity.js';
import type { IdentityStore } from './identity-store.js';
import { createInMemoryIdentityStore } from './in-memory-identity-store.js';
import { identityChangedSubject, startSyncedIdentity, type SyncedIdentityOptions } from './synced-identity.js';

const seed: IdentityData = { users: [{ username: 'fay', roles: ['operator'], groups: [] }], groups: [], apiKeys: [] };
const zed: UserRecord = { username: 'zed', roles: ['user'], groups: ['night'] };
const quiet = { onError: () => undefined };

/** A node's view on a shared store; `now` moves by hand. */
function nodeOn(store: IdentityStore, extra: Partial<SyncedIdentityOptions> = {}) {
  let now = 1_000;
  return {
    advance: (ms: number) => (now += ms),
    start: () => startSyncedIdentity({ seed, store, now: () => now, ...quiet, ...extra }),
  };
}

describe('SyncedIdentity: a node\'s directory following the IdentityStore', () => {
  it('serves the identity file overlaid by the store from the start', async () => {
    const store = createInMemoryIdentityStore();
    await store.putUser(zed);
    await store.deleteUser('fay');
    const identity = await nodeOn(store).start();
    expect(identity.directory().users()).toEqual([zed]);
    expect(identity.revision()).toBe(2);
  });

  it('applies its own write before the write resolves, and tells the cluster on the bus', async () => {
    // given
    const bus = createInMemoryMessageBus({ clock: new VirtualClock(0) });
    const heard: unknown[] = [];
    await bus.subscribe(identityChangedSubject('c1'), (message) => void heard.push(message.data));
    const identity = await nodeOn(createInMemoryIdentityStore(), { bus, cluster: 'c1' }).start();
    // when
    const revision = await identity.putUser(zed);
    // then
    expect(identity.directory().user('zed')).toEqual(zed);
    expect(identity.directory().principalOfUser('zed', 'session')?.groups).toEqual(['night']);
    await vi.waitFor(() => expect(heard).toEqual([{ revision }]));
  });

  it('reloads when another node says on the bus that it wrote a newer revision', async () => {
    // given two nodes on one store and one bus
    const store = createInMemoryIdentityStore();
    const bus = createInMemoryMessageBus({ clock: new VirtualClock(0) });
    const a = await nodeOn(store, { bus }).start();
    const b = await nodeOn(store, { bus }).start();
    // when
    await a.deleteUser('fay');
    // then
    await vi.waitFor(() => expect(b.revision()).toBe(1));
    expect(b.directory().user('fay')).toBeUndefined();
    expect(b.directory().principalOfUser('fay', 'session')).toBeUndefined();
  });

  it('does not load again for a revision it already has', async () => {
    const store = createInMemoryIdentityStore();
    const bus = createInMemoryMessageBus({ clock: new VirtualClock(0) });
    const identity = await nodeOn(store, { bus }).start();
    await identity.putUser(zed);
    const load = vi.spyOn(store, 'load');
    await identity.catchUp(1);
    await bus.publish(identityChangedSubject(), { revision: 1 });
    await bus.publish(identityChangedSubject(), { revision: 'nonsense' });
    await identity.catchUp(0);
    // The bus hands messages out on a microtask: they have all been handled by the next macrotask.
    await new Promise((resolve) => setImmediate(resolve));
    expect(load).not.toHaveBeenCalled();
  });

  it('without a bus message, compares the revision on a request 30 s after the last check, in the background', async () => {
    // given: node b hears nothing (no bus)
    const store = createInMemoryIdentityStore();
    const a = await nodeOn(store).start();
    const clockB = nodeOn(store);
    const b = await clockB.start();
    await a.putUser(zed);
    // when: a request 29.999 s after b's load
    clockB.advance(29_999);
    // then: no check yet
    expect(b.checkIfStale()).toBeUndefined();
    expect(b.directory().user('zed')).toBeUndefined();
    // when: one at 30 s
    clockB.advance(1);
    const check = b.checkIfStale();
    // then: one check runs at a time, and it brings the change
    expect(check).toBeDefined();
    expect(b.checkIfStale()).toBeUndefined();
    await check;
    expect(b.directory().user('zed')).toEqual(zed);
    expect(b.checkIfStale()).toBeUndefined();
  });

  it('issue 12: a session\'s standing brings the directory up to date first, without a bus message or the 30 s check', async () => {
    // given: node b hears nothing (no bus) and has just loaded
    const store = createInMemoryIdentityStore();
    const a = await nodeOn(store).start();
    const b = await nodeOn(store).start();
    // when: a deletes fay and ends zed's sessions with a new record
    await a.deleteUser('fay');
    await a.putUser(zed, { endSessions: true });
    // then: b's standing of their sessions says so, and its directory already shows both writes
    expect(await b.sessionStanding('s1', 'fay')).toEqual({ generation: 1, isRevoked: false });
    expect(b.revision()).toBe(2);
    expect(b.directory().user('fay')).toBeUndefined();
    expect(b.directory().user('zed')).toEqual(zed);
    // and a logout on a is seen by b
    await a.revokeSession('s2', 60_000);
    expect(await b.sessionStanding('s2', 'zed')).toEqual({ generation: 1, isRevoked: true });
  });

  it('takes the store as it is when its revision went back (the store was emptied)', async () => {
    const first = createInMemoryIdentityStore();
    const shared = { current: first as IdentityStore };
    // Every call goes to the store of the moment.
    const switching = new Proxy(first, {
      get: (_target, name) => {
        const value: unknown = Reflect.get(shared.current, name);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(shared.current) : value;
      },
    }) as IdentityStore;
    const node = nodeOn(switching);
    const identity = await node.start();
    await identity.putUser(zed);
    await identity.deleteUser('fay');
    shared.current = createInMemoryIdentityStore();
    node.advance(30_000);
    await identity.checkIfStale();
    expect(identity.revision()).toBe(0);
    expect(identity.directory().users().map((u) => u.username)).toEqual(['fay']);
  });

  it('keeps serving its last directory when the backstop check fails, and says why', async () => {
    const store = createInMemoryIdentityStore();
    const errors: unknown[] = [];
    const node = nodeOn(store, { onError: (error) => void errors.push(error) });
    const identity = await node.start();
    await store.close();
    node.advance(30_000);
    await identity.checkIfStale();
    expect(errors).toMatchObject([{ code: 'STORE_UNAVAILABLE' }]);
    expect(identity.directory().user('fay')).toBeDefined();
  });

  it('refuses a write the store refuses, and changes nothing', async () => {
    const store = createInMemoryIdentityStore();
    const identity = await nodeOn(store).start();
    await store.close();
    await expect(identity.putUser(zed)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(identity.directory().user('zed')).toBeUndefined();
  });
});

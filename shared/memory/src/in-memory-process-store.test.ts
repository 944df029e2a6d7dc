import { commitOf, instanceState } from '@baton/testkit';
import { describe, expect, it } from 'vitest';
import { InMemoryProcessStore } from './in-memory-process-store.js';

/** Creates `instanceId` (version 1) and, when `endedAt` is given, ends it (version 2) at that time. */
async function run(store: InMemoryProcessStore, instanceId: string, endedAt?: number, parent?: string): Promise<void> {
  const link = parent === undefined ? {} : { parent: { instanceId: parent, elementId: 'call', elementInstanceId: `${parent}.1`, rootInstanceId: parent } };
  await store.commit(commitOf(instanceState(instanceId, link), 0, { at: endedAt ?? 1_000 }));
  if (endedAt !== undefined) await store.commit(commitOf(instanceState(instanceId, { ...link, status: 'completed', endedAt }), 1, { at: endedAt }));
}

describe('in-memory process store retention', () => {
  it('keeps at most maxEnded ended instances, dropping the oldest ended with their history, and keeps active ones', async () => {
    // given a store keeping two ended instances
    const store = new InMemoryProcessStore({ retention: { maxEnded: 2 } });
    await run(store, 'active');
    // when three instances end one after the other
    await run(store, 'e1', 2_000);
    await run(store, 'e2', 3_000);
    await run(store, 'e3', 4_000);
    // then the first to end is gone, as if it never existed; the others stay
    expect(await store.load('e1')).toBeUndefined();
    expect((await store.readHistory('e1', {})).items).toEqual([]);
    expect((await store.findInstances({})).items.map((s) => s.instanceId)).toEqual(['active', 'e2', 'e3']);
    expect((await store.readHistory('e2', {})).total).toBe(2);
    expect(await store.load('active')).toMatchObject({ version: 1 });
  });

  it('drops ended instances older than endedTtlMs, measured against the newest commit', async () => {
    // given a store keeping ended instances for 1 s of command time
    const store = new InMemoryProcessStore({ retention: { endedTtlMs: 1_000 } });
    await run(store, 'old', 2_000);
    await run(store, 'recent', 2_500);
    // when a commit comes 1.2 s after the first end
    await run(store, 'later', undefined);
    await store.commit(commitOf(instanceState('later'), 1, { at: 3_200 }));
    // then only the instance that ended more than 1 s before is gone
    expect(await store.load('old')).toBeUndefined();
    expect(await store.load('recent')).toBeDefined();
  });

  it('removes a dropped child from its call tree and the tree with its last member', async () => {
    // given a root and its ended child, in a store keeping one ended instance
    const store = new InMemoryProcessStore({ retention: { maxEnded: 1 } });
    await run(store, 'root');
    await run(store, 'child', 2_000, 'root');
    expect((await store.findInstances({ rootInstanceId: 'root' })).items.map((s) => s.instanceId)).toEqual(['root', 'child']);
    // when the root ends after the child
    await store.commit(commitOf(instanceState('root', { status: 'completed', endedAt: 3_000 }), 1, { at: 3_000 }));
    // then the child went first, and the tree lists the root alone
    expect((await store.findInstances({ rootInstanceId: 'root' })).items.map((s) => [s.instanceId, s.status, s.endedAt])).toEqual([
      ['root', 'completed', 3_000],
    ]);
  });

  it('keeps the 10,000 instances that ended last by default', async () => {
    const store = new InMemoryProcessStore();
    for (let i = 0; i < 10_001; i++) await run(store, `i${i}`, 1_000 + i);
    expect(await store.load('i0')).toBeUndefined();
    expect(await store.load('i1')).toBeDefined();
  });
});

import { createPostgresProcessStore, type PostgresProcessStore } from '@baton/postgres';
import { commitOf, instanceState } from '@baton/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

/** Retention of ended instances on Postgres (`endedRetentionMs`): without it every instance ever run would stay. */
describe('PostgresProcessStore retention of ended instances', () => {
  const stores: PostgresProcessStore[] = [];
  const open = async (endedRetentionMs: number): Promise<PostgresProcessStore> => {
    const store = await createPostgresProcessStore({ url: postgres.url(), schema: postgres.uniqueSchema(), poolSize: 2, endedRetentionMs });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  it('keeps an ended instance readable for its retention, then a later end purges it with its history; active ones stay', async () => {
    // given a store keeping ended instances for 1 s, an active instance and one that ends at t=1 000
    const store = await open(1_000);
    await store.commit(commitOf(instanceState('active'), 0, { at: 500 }));
    await store.commit(commitOf(instanceState('ended'), 0, { at: 900 }));
    await store.commit(commitOf(instanceState('ended', { status: 'completed', endedAt: 1_000 }), 1, { at: 1_000 }));
    // when another instance ends within the retention, then one after it
    await store.commit(commitOf(instanceState('second', { status: 'terminated', endedAt: 1_500 }), 0, { at: 1_500 }));
    const duringRetention = await store.load('ended');
    await store.commit(commitOf(instanceState('third', { status: 'completed', endedAt: 2_001 }), 0, { at: 2_001 }));
    // then the first end was readable until its retention ran out, and is gone after, history included
    expect(duringRetention).toMatchObject({ version: 2, state: { status: 'completed' } });
    expect(await store.load('ended')).toBeUndefined();
    expect((await store.readHistory('ended', {})).total).toBe(0);
    expect((await store.findInstances({})).items.map((s) => s.instanceId)).toEqual(['active', 'second', 'third']);
    expect(await store.load('active')).toMatchObject({ version: 1 });
  });
});

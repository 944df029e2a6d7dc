import { messageWait } from '@baton/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { toyEngine, type ToyEngine } from './__fixtures__/toy-engine.js';
import { InMemoryHistoryStore } from './in-memory-history-store.js';

const everything = { committedBefore: Number.MAX_SAFE_INTEGER, limit: 1_000 };

describe('an engine with a history store (issue 15, Databases combined)', () => {
  let running: ToyEngine | undefined;
  afterEach(async () => {
    await running?.engine.close();
    running = undefined;
  });

  it('copies every commit\'s history there, and reads history and instance search from it', async () => {
    // given an engine whose history goes to a store of its own
    const history = new InMemoryHistoryStore();
    const { engine } = (running = await toyEngine(['toy'], { history }));
    // when one instance waits for a message and gets it, and another waits on
    await engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [messageWait('i1.m', 'paid', 'o-1')] } });
    await engine.startInstance({ processId: 'toy', instanceId: 'i2' });
    await engine.publishMessage({ name: 'paid', correlationKey: 'o-1' });
    await engine.history?.idle();
    // then the copies equal the primary's history, the search reads the copy, and no note is left
    for (const id of ['i1', 'i2']) expect((await history.readHistory(id, { limit: 100 })).items).toEqual((await engine.store.readHistory(id, { limit: 100 })).items);
    expect((await engine.getHistory('i1')).total).toBe((await engine.store.readHistory('i1', {})).total);
    expect((await engine.searchInstances({ status: 'completed' })).items.map((s) => s.instanceId)).toEqual(['i1']);
    expect((await engine.searchInstances({})).items.map((s) => [s.instanceId, s.status])).toEqual([['i1', 'completed'], ['i2', 'active']]);
    expect(await engine.store.readOutbox(everything)).toEqual([]);
  });

  it('leaves the notes in the outbox while the history store is away, and instances go on', async () => {
    // given an engine whose history store is closed (every call fails)
    const away = new InMemoryHistoryStore();
    await away.close();
    const { engine } = (running = await toyEngine(['toy'], { history: away }));
    // when instances run
    await engine.startInstance({ processId: 'toy', instanceId: 'i1' });
    await engine.startInstance({ processId: 'toy', instanceId: 'i2' });
    // then they were created, and their notes wait in the outbox
    expect((await engine.getInstance('i2')).version).toBe(1);
    expect((await engine.store.readOutbox(everything)).map((entry) => [entry.instanceId, entry.effect.type])).toEqual([
      ['i1', 'ProjectHistory'],
      ['i2', 'ProjectHistory'],
    ]);
    expect(engine.history?.lag()).toMatchObject({ pendingInstances: 2 });
  });

  it('writes no notes without a history store, and acknowledges notes a node with one left behind', async () => {
    // given a note in the outbox, as a node with a history store leaves it
    const { engine } = (running = await toyEngine(['toy']));
    await engine.startInstance({ processId: 'toy', instanceId: 'i1' });
    expect(await engine.store.readOutbox(everything)).toEqual([]);
    await engine.store.commit({
      instanceId: 'i9',
      expectedVersion: 0,
      state: (await engine.getInstance('i1')).state,
      events: [{ type: 'Touched', instanceId: 'i9' }],
      outbox: [{ outboxId: 'c9/0', instanceId: 'i9', effect: { type: 'ProjectHistory' }, committedAt: 0 }],
      indexChanges: { upsertWaits: [], removeWaitKeys: [], upsertIncidents: [], removeIncidentKeys: [] },
      at: 0,
      commandId: 'c9',
    });
    // when the sweep runs
    await engine.sweepOutbox();
    // then the note is gone (nobody here would ever take it)
    expect(await engine.store.readOutbox(everything)).toEqual([]);
  });
});

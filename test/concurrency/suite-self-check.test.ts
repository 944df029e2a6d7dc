import type { InstanceEvent, InstanceState } from '@baton/core';
import type { CommitRequest, HistoryEntry, ProcessStore } from '@baton/runtime';
import { describe, expect, it } from 'vitest';
import { duplicateJobCompletion } from './races/duplicate-job-completion.js';
import { parallelJoin } from './races/parallel-join.js';
import { expectHistoryFoldsToState } from './support/invariants.js';
import { runRace } from './support/race.js';
import { memoryBackend, type BackendFactory } from './support/two-nodes.js';

/** A store that forgot its optimistic lock: every commit overwrites whatever is there (last writer wins). */
function lastWriterWins(store: ProcessStore): ProcessStore {
  const commit = async (request: CommitRequest): Promise<number> => {
    const current = (await store.load(request.instanceId))?.version ?? 0;
    return store.commit({ ...request, expectedVersion: current });
  };
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'commit') return commit;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const brokenBackend: BackendFactory = async (context) => {
  const backend = await memoryBackend(context);
  const store = lastWriterWins(backend.store);
  const nodes = { a: { ...backend.nodes.a, store }, b: { ...backend.nodes.b, store } };
  return { ...backend, nodes };
};

/** The suite can fail: it catches a store without the version check, and histories that lie. */
describe('the concurrency suite itself', () => {
  it('fails every order of a race on a store without optimistic locking', async () => {
    for (const heldIndex of [0, 1] as const) {
      // both commits from the contested version "win": the second overwrites the first
      await expect(runRace(parallelJoin, brokenBackend, heldIndex)).rejects.toThrow(/'committed'/);
      await expect(runRace(duplicateJobCompletion, brokenBackend, heldIndex)).rejects.toThrow(/'committed'/);
    }
  });

  it('rejects a history with an event twice, or one that does not fold to the stored state', () => {
    const at = 1;
    const created: InstanceEvent = { type: 'InstanceCreated', instanceId: 'i', at, processId: 'p', definitionKey: 'p:1' };
    const entry = (position: number, event: InstanceEvent, commandId: string): HistoryEntry<InstanceEvent> => ({ position, at, commandId, event });
    const activated: InstanceEvent = {
      type: 'ElementActivated',
      instanceId: 'i',
      at,
      elementId: 'task',
      elementInstanceId: 'i.1',
      elementType: 'userTask',
      hasScope: false,
    };
    const good = [entry(0, created, 'c1'), entry(1, activated, 'c1')];
    const state: InstanceState = {
      ...{ instanceId: 'i', processId: 'p', definitionKey: 'p:1', status: 'active', seq: 1, startedAt: at },
      elementInstances: { 'i.1': { elementInstanceId: 'i.1', elementId: 'task', elementType: 'userTask' } },
      ...{ variables: { root: {} }, waits: {}, incidents: {}, joins: {} },
    };
    const whole = { version: 1, state };
    expect(() => expectHistoryFoldsToState(good, whole)).not.toThrow();
    expect(() => expectHistoryFoldsToState([...good, entry(2, activated, 'c2')], whole)).toThrow(/no event appears twice/);
    expect(() => expectHistoryFoldsToState([...good, entry(2, { ...activated, at: 2 }, 'c2')], whole)).toThrow(/no one-off event happens twice/);
    expect(() => expectHistoryFoldsToState([good[0] as HistoryEntry<InstanceEvent>], whole)).toThrow();
  });
});

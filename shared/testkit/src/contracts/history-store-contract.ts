import type { HistoryEntry, HistoryStore, InstanceSummary } from '@baton/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uniqueId } from './fixtures.js';
import { expectCode } from './process-store-contract.js';

/** Entries `from` ≤ position < `to` of one instance, each event naming its position. */
export function historyEntries(instanceId: string, from: number, to: number): HistoryEntry[] {
  return Array.from({ length: to - from }, (_, i) => ({
    position: from + i,
    at: 1_000 + from + i,
    commandId: `c-${from + i}`,
    event: { type: 'Noted', instanceId, n: from + i } as HistoryEntry['event'],
  }));
}

/** A summary of an instance of process `processId` at `version`. */
export function projectedSummary(instanceId: string, version: number, more: Partial<InstanceSummary> = {}): InstanceSummary {
  return { instanceId, processId: 'p', definitionKey: 'p:1', rootInstanceId: instanceId, status: 'active', startedAt: 1_000, version, ...more };
}

/** The positions stored for `instanceId`, in order. */
async function positionsOf(store: HistoryStore, instanceId: string): Promise<number[]> {
  const page = await store.readHistory(instanceId, { limit: 1_000 });
  return page.items.map((entry) => entry.position);
}

/**
 * The HistoryStore contract (see the port's TSDoc), run on every adapter. `make` returns
 * a store in a namespace of its own; it is closed after each test.
 */
export function historyStoreContract(make: () => HistoryStore | Promise<HistoryStore>): void {
  describe('HistoryStore contract', () => {
    let store: HistoryStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });

    it('expects position 0 of an instance it never saw, and the next one after an append', async () => {
      // given
      const [a, b] = [uniqueId('h'), uniqueId('h')];
      // when
      await store.append([{ instanceId: a, entries: historyEntries(a, 0, 3), summary: projectedSummary(a, 2) }]);
      // then
      expect(Object.fromEntries(await store.positions([a, b]))).toEqual({ [a]: 3, [b]: 0 });
      expect((await store.readHistory(a, {})).items).toEqual(historyEntries(a, 0, 3));
    });

    it('writes a redelivered or overlapping batch once: each position once, in order', async () => {
      // given
      const id = uniqueId('h');
      await store.append([{ instanceId: id, entries: historyEntries(id, 0, 4) }]);
      // when: the same batch again, then one overlapping it
      await store.append([{ instanceId: id, entries: historyEntries(id, 0, 4) }]);
      await store.append([{ instanceId: id, entries: historyEntries(id, 2, 6) }]);
      // then
      expect(await positionsOf(store, id)).toEqual([0, 1, 2, 3, 4, 5]);
      expect((await store.readHistory(id, {})).total).toBe(6);
      expect((await store.positions([id])).get(id)).toBe(6);
    });

    it('refuses a gap with VALIDATION_FAILED and writes nothing of that batch', async () => {
      // given
      const [ok, gap] = [uniqueId('h'), uniqueId('h')];
      await store.append([{ instanceId: gap, entries: historyEntries(gap, 0, 2) }]);
      // when: one instance fine, the other skipping positions 2 and 3
      const appending = store.append([
        { instanceId: ok, entries: historyEntries(ok, 0, 2) },
        { instanceId: gap, entries: historyEntries(gap, 4, 6) },
      ]);
      // then
      await expectCode(appending, 'VALIDATION_FAILED');
      expect(await positionsOf(store, ok)).toEqual([]);
      expect(await positionsOf(store, gap)).toEqual([0, 1]);
    });

    it('keeps the newest summary: an older version arriving late changes nothing', async () => {
      // given
      const id = uniqueId('h');
      await store.append([{ instanceId: id, entries: historyEntries(id, 0, 5), summary: projectedSummary(id, 4, { status: 'completed', endedAt: 2_000 }) }]);
      // when
      await store.append([{ instanceId: id, entries: historyEntries(id, 0, 2), summary: projectedSummary(id, 2) }]);
      // then
      const { items } = await store.findInstances({ processId: 'p', status: 'completed', limit: 1_000 });
      expect(items.find((s) => s.instanceId === id)).toEqual(projectedSummary(id, 4, { status: 'completed', endedAt: 2_000 }));
    });

    it('searches instances by process, status and call tree, in the order they were first copied', async () => {
      // given
      const processId = uniqueId('proc');
      const [root, child, other] = [uniqueId('h'), uniqueId('h'), uniqueId('h')];
      await store.append([{ instanceId: root, entries: historyEntries(root, 0, 1), summary: projectedSummary(root, 1, { processId }) }]);
      await store.append([
        { instanceId: child, entries: historyEntries(child, 0, 1), summary: projectedSummary(child, 1, { processId, rootInstanceId: root, parentInstanceId: root, status: 'completed', endedAt: 1_500 }) },
      ]);
      await store.append([{ instanceId: other, entries: historyEntries(other, 0, 1), summary: projectedSummary(other, 1, { processId: uniqueId('proc') }) }]);
      // when
      const byProcess = await store.findInstances({ processId });
      const completed = await store.findInstances({ processId, status: 'completed' });
      const tree = await store.findInstances({ rootInstanceId: root });
      const firstPage = await store.findInstances({ processId, limit: 1 });
      // then
      expect(byProcess.items.map((s) => s.instanceId)).toEqual([root, child]);
      expect(completed.items.map((s) => s.instanceId)).toEqual([child]);
      expect(tree.items.map((s) => s.instanceId)).toEqual([root, child]);
      expect(firstPage).toMatchObject({ total: 2, nextOffset: 1 });
    });

    it('pages an instance history by position', async () => {
      // given
      const id = uniqueId('h');
      await store.append([{ instanceId: id, entries: historyEntries(id, 0, 5) }]);
      // when
      const first = await store.readHistory(id, { limit: 2 });
      const last = await store.readHistory(id, { offset: 4, limit: 2 });
      // then
      expect(first).toEqual({ items: historyEntries(id, 0, 2), total: 5, nextOffset: 2 });
      expect(last).toEqual({ items: historyEntries(id, 4, 5), total: 5 });
    });
  });
}

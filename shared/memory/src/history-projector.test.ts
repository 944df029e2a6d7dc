import { createHistoryProjector, VirtualClock, type HistoryStore, type OutboxEntry, type RuntimeLogger } from '@baton/runtime';
import { commitOf, instanceState } from '@baton/testkit';
import { describe, expect, it } from 'vitest';
import { InMemoryHistoryStore } from './in-memory-history-store.js';
import { InMemoryProcessStore } from './in-memory-process-store.js';

/** A history store that fails every call while `isDown`, and counts what it wrote. */
class FlakyHistoryStore extends InMemoryHistoryStore implements HistoryStore {
  isDown = false;
  failedCalls = 0;
  appendedEntries = 0;

  override async positions(instanceIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    this.failIfDown();
    return super.positions(instanceIds);
  }

  override async append(batch: Parameters<HistoryStore['append']>[0]): Promise<void> {
    this.failIfDown();
    const before = await super.positions(batch.map((instance) => instance.instanceId));
    await super.append(batch);
    const after = await super.positions(batch.map((instance) => instance.instanceId));
    for (const [id, next] of after) this.appendedEntries += next - (before.get(id) ?? 0);
  }

  private failIfDown(): void {
    if (!this.isDown) return;
    this.failedCalls += 1;
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  }
}

/** Commits `count` commands of two events each to `instanceId`, each with its ProjectHistory note; returns the notes. */
async function commitSteps(store: InMemoryProcessStore, instanceId: string, count: number, fromVersion = 0): Promise<OutboxEntry[]> {
  const notes: OutboxEntry[] = [];
  for (let i = 0; i < count; i++) {
    const version = fromVersion + i;
    const commandId = `${instanceId}-cmd-${version}`;
    const note: OutboxEntry = { outboxId: `${commandId}/0`, instanceId, effect: { type: 'ProjectHistory' }, committedAt: 1_000 + version };
    const events = [
      { type: 'Stepped', instanceId, step: version, part: 'a' },
      { type: 'Stepped', instanceId, step: version, part: 'b' },
    ];
    await store.commit(commitOf(instanceState(instanceId, { seq: version + 1 }), version, { events, outbox: [note], commandId }));
    notes.push(note);
  }
  return notes;
}

function recordingLogger(): RuntimeLogger & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (_fields, message) => lines.push(`warn: ${message}`), info: (_fields, message) => lines.push(`info: ${message}`) };
}

describe('history projector (issue 15, Databases combined)', () => {
  it('copies each instance\'s history in position order, once, whatever order and how often its notes arrive', async () => {
    // given two instances with three commits each
    const store = new InMemoryProcessStore();
    const history = new FlakyHistoryStore();
    const projector = createHistoryProjector({ store, history, clock: new VirtualClock(5_000) });
    const a = await commitSteps(store, 'a', 3);
    const b = await commitSteps(store, 'b', 3);
    // when the notes come newest first, each twice (a commit's own, then the sweep's)
    projector.offer([...a].reverse());
    projector.offer([...b, ...a].reverse());
    await projector.idle();
    // then the copies equal the primary's history, each event once, and the notes are acknowledged
    for (const id of ['a', 'b']) expect(await history.readHistory(id, { limit: 100 })).toEqual(await store.readHistory(id, { limit: 100 }));
    expect((await history.readHistory('a', {})).items.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(history.appendedEntries).toBe(12);
    expect(await store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 100 })).toEqual([]);
    expect((await history.findInstances({})).items.map((s) => [s.instanceId, s.version])).toEqual([['a', 3], ['b', 3]]);
  });

  it('writes nothing twice when a note comes back after its copy (a sweep that read it before the acknowledgement)', async () => {
    // given an instance copied once
    const store = new InMemoryProcessStore();
    const history = new FlakyHistoryStore();
    const projector = createHistoryProjector({ store, history, clock: new VirtualClock(5_000) });
    const notes = await commitSteps(store, 'a', 2);
    projector.offer(notes);
    await projector.idle();
    // when the same notes are offered again, and a later commit's note too
    projector.offer(notes);
    await projector.idle();
    projector.offer(await commitSteps(store, 'a', 1, 2));
    await projector.idle();
    // then every position is written once
    expect(history.appendedEntries).toBe(6);
    expect((await history.readHistory('a', {})).items.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps the notes in the outbox while the history store is down, retries with back-off and catches up without a loss or a repeat', async () => {
    // given a history store that is down
    const store = new InMemoryProcessStore();
    const history = new FlakyHistoryStore();
    const clock = new VirtualClock(5_000);
    const logger = recordingLogger();
    const projector = createHistoryProjector({ store, history, clock, logger, minBackoffMs: 100, maxBackoffMs: 400 });
    history.isDown = true;
    // when instances go on committing meanwhile
    projector.offer(await commitSteps(store, 'a', 2));
    await expect.poll(() => clock.pendingCount()).toBe(1);
    projector.offer(await commitSteps(store, 'a', 2, 2));
    projector.offer(await commitSteps(store, 'b', 1));
    await clock.advanceBy(100);
    await clock.advanceBy(200);
    // then nothing is copied, the notes wait in the outbox, the lag shows it
    expect(history.failedCalls).toBeGreaterThanOrEqual(3);
    expect(await store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 100 })).toHaveLength(5);
    expect(projector.lag()).toMatchObject({ pendingInstances: 2, oldestCommittedAt: 1_000, failingSince: 5_000 });
    expect(logger.lines).toEqual(['warn: history projection failing: the history store (or the primary) did not answer; instances go on, their history is copied when it answers']);
    // when it answers again and the back-off runs out (capped at 400 ms)
    history.isDown = false;
    await clock.advanceBy(400);
    await projector.idle();
    // then all of it is copied once, in order, and the outbox is empty
    expect((await history.readHistory('a', {})).items.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(history.appendedEntries).toBe(10);
    expect(await store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 100 })).toEqual([]);
    expect(projector.lag()).toEqual({ pendingInstances: 0 });
    expect(logger.lines.at(-1)).toBe('info: history projection resumed: catching up');
  });

  it('copies again, without a repeat, when the acknowledgement failed after the copy', async () => {
    // given a primary whose first acknowledgement fails
    const store = new InMemoryProcessStore();
    const history = new FlakyHistoryStore();
    const clock = new VirtualClock(5_000);
    let acks = 0;
    const ackOutbox = store.ackOutbox.bind(store);
    store.ackOutbox = async (ids) => {
      acks += 1;
      if (acks === 1) throw new Error('primary away');
      return ackOutbox(ids);
    };
    const projector = createHistoryProjector({ store, history, clock, minBackoffMs: 50 });
    // when
    projector.offer(await commitSteps(store, 'a', 2));
    await expect.poll(() => clock.pendingCount()).toBe(1);
    await clock.advanceBy(50);
    await projector.idle();
    // then the second pass wrote nothing the first had written, and acknowledged
    expect(acks).toBe(2);
    expect(history.appendedEntries).toBe(4);
    expect(await store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 100 })).toEqual([]);
  });
});

import type { ProcessStore } from '@baton/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changes, commitOf, incident, instanceState, jobWait, messageWait, signalWait, uniqueId, userTaskWait } from './fixtures.js';
import { processStoreDeploymentContract } from './process-store-deployment-contract.js';

/** Rejects with a BatonError of `code`. */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'BatonError', code });
}

/**
 * The ProcessStore contract (see the port's TSDoc), written once and run on every
 * adapter. `make` returns a store in a namespace of its own; it is closed after each test.
 */
export function processStoreContract(make: () => ProcessStore | Promise<ProcessStore>): void {
  describe('ProcessStore contract', () => {
    let store: ProcessStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('versioned commit', () => {
      it('loads nothing for an unknown instance', async () => {
        expect(await store.load(uniqueId('missing'))).toBeUndefined();
      });

      it('creates at version 1 and counts up per commit', async () => {
        // given
        const id = uniqueId('i');
        // when
        const v1 = await store.commit(commitOf(instanceState(id), 0));
        const v2 = await store.commit(commitOf(instanceState(id, { seq: 2 }), 1));
        // then
        expect([v1, v2]).toEqual([1, 2]);
        const loaded = await store.load(id);
        expect(loaded?.version).toBe(2);
        expect(loaded?.state.seq).toBe(2);
      });

      it('refuses a second create with VERSION_CONFLICT and keeps the first', async () => {
        const id = uniqueId('i');
        await store.commit(commitOf(instanceState(id, { seq: 1 }), 0));
        await expectCode(store.commit(commitOf(instanceState(id, { seq: 99 }), 0)), 'VERSION_CONFLICT');
        expect((await store.load(id))?.state.seq).toBe(1);
      });

      it('refuses a stale version and writes nothing of that commit', async () => {
        // given an instance at version 2
        const id = uniqueId('i');
        await store.commit(commitOf(instanceState(id), 0));
        await store.commit(commitOf(instanceState(id, { seq: 2 }), 1));
        const key = `${id}.task`;
        const loser = commitOf(instanceState(id, { seq: 3, waits: { [key]: userTaskWait(key) } }), 1, {
          indexChanges: changes([userTaskWait(key)]),
          outbox: [{ outboxId: `${id}/lost`, instanceId: id, effect: { type: 'CancelTimer', timerKey: 't' }, committedAt: 1_000 }],
        });
        // when a commit still expects version 1
        await expectCode(store.commit(loser), 'VERSION_CONFLICT');
        // then state, history, index and outbox are untouched
        expect((await store.load(id))?.version).toBe(2);
        expect((await store.readHistory(id, {})).total).toBe(2);
        expect(await store.findWait(key)).toBeUndefined();
        const outbox = await store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 1000 });
        expect(outbox.map((e) => e.outboxId)).not.toContain(`${id}/lost`);
      });

      it('commits a create on "the latest version" only while that version is the latest', async () => {
        // given process p deployed twice (p:2 is the latest)
        const processId = uniqueId('latest-check');
        const deployment = { processId, resourceName: 'p.bpmn', isExecutable: true, startEvents: [], deployedAt: 1 };
        await store.saveDeployment({ ...deployment, xml: '<one/>', definitionKey: `${processId}:1` });
        const { record } = await store.saveDeployment({ ...deployment, xml: '<two/>', definitionKey: `${processId}:2` });
        expect(record.definitionKey).toBe(`${processId}:2`);
        const stale = uniqueId('i');
        // when a create was decided on p:1, then on p:2
        const refused = store.commit({ ...commitOf(instanceState(stale), 0), latestOf: { processId, definitionKey: `${processId}:1` } });
        // then the first conflicts and writes nothing; the second commits
        await expect(refused).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
        expect(await store.load(stale)).toBeUndefined();
        expect((await store.readHistory(stale, {})).total).toBe(0);
        const fresh = uniqueId('i');
        expect(await store.commit({ ...commitOf(instanceState(fresh), 0), latestOf: { processId, definitionKey: `${processId}:2` } })).toBe(1);
      });

      it('lets exactly one of two racing commits win', async () => {
        const id = uniqueId('i');
        await store.commit(commitOf(instanceState(id), 0));
        const results = await Promise.allSettled([
          store.commit(commitOf(instanceState(id, { seq: 10 }), 1, { commandId: 'a' })),
          store.commit(commitOf(instanceState(id, { seq: 20 }), 1, { commandId: 'b' })),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r) => r.status === 'rejected');
        expect(lost?.status === 'rejected' && (lost.reason as { code: string }).code).toBe('VERSION_CONFLICT');
        expect((await store.readHistory(id, {})).total).toBe(2);
      });
    });

    describe('history', () => {
      it('appends events in commit order and pages them', async () => {
        const id = uniqueId('i');
        const events = (n: number) => Array.from({ length: n }, (_, i) => ({ type: `E${i}`, instanceId: id }));
        await store.commit(commitOf(instanceState(id), 0, { events: events(3), at: 5, commandId: 'c1' }));
        await store.commit(commitOf(instanceState(id, { seq: 2 }), 1, { events: events(2), at: 6, commandId: 'c2' }));
        const first = await store.readHistory(id, { offset: 0, limit: 4 });
        expect(first.total).toBe(5);
        expect(first.items.map((e) => e.position)).toEqual([0, 1, 2, 3]);
        expect(first.items.map((e) => e.event.type)).toEqual(['E0', 'E1', 'E2', 'E0']);
        expect(first.items[3]).toMatchObject({ at: 6, commandId: 'c2' });
        expect(first.nextOffset).toBe(4);
        const last = await store.readHistory(id, { offset: first.nextOffset, limit: 4 });
        expect(last.items.map((e) => e.event.type)).toEqual(['E1']);
        expect(last.nextOffset).toBeUndefined();
      });

      it('pages from any position, wherever a commit starts or ends', async () => {
        // given 9 commits of 1 to 4 events (23 in all), each event named by its position
        const id = uniqueId('i');
        const sizes = [3, 1, 4, 1, 2, 4, 1, 3, 4];
        let position = 0;
        for (const [i, size] of sizes.entries()) {
          const events = Array.from({ length: size }, () => ({ type: `P${position++}`, instanceId: id }));
          await store.commit(commitOf(instanceState(id, { seq: i + 1 }), i, { events, at: 100 + i, commandId: `c${i}` }));
        }
        // when every offset is read with limits 1, 2, 5 and 30
        for (let offset = 0; offset <= position + 1; offset++) {
          for (const limit of [1, 2, 5, 30]) {
            const page = await store.readHistory(id, { offset, limit });
            // then the page holds exactly those positions, in order
            const expected = Array.from({ length: Math.max(0, Math.min(limit, position - offset)) }, (_, k) => offset + k);
            expect(page.total).toBe(position);
            expect(page.items.map((e) => e.position)).toEqual(expected);
            expect(page.items.map((e) => e.event.type)).toEqual(expected.map((p) => `P${p}`));
            expect(page.nextOffset).toBe(offset + expected.length < position ? offset + expected.length : undefined);
          }
        }
      });
    });

    describe('wait and incident indexes', () => {
      it('finds open user tasks by assignee, candidates, state and instance, and follows changes', async () => {
        // given two tasks, one assigned
        const id = uniqueId('i');
        const a = userTaskWait(`${id}.a`, { assignee: 'ann', candidateGroups: ['sales'] });
        const b = userTaskWait(`${id}.b`, { candidateUsers: ['bob'], candidateGroups: ['sales', 'ops'] });
        await store.commit(commitOf(instanceState(id, { waits: { [a.userTaskKey]: a, [b.userTaskKey]: b } }), 0, { indexChanges: changes([a, b]) }));
        const keys = async (q: Parameters<ProcessStore['findUserTasks']>[0]) => (await store.findUserTasks(q)).items.map((t) => t.userTaskKey);
        // then
        expect(await keys({ instanceId: id })).toEqual([a.userTaskKey, b.userTaskKey]);
        expect(await keys({ instanceId: id, assignee: 'ann' })).toEqual([a.userTaskKey]);
        expect(await keys({ instanceId: id, candidateGroup: 'ops' })).toEqual([b.userTaskKey]);
        expect(await keys({ instanceId: id, candidateUser: 'bob' })).toEqual([b.userTaskKey]);
        expect(await keys({ instanceId: id, state: 'unassigned' })).toEqual([b.userTaskKey]);
        expect((await store.findUserTasks({ rootInstanceId: id })).items[0]).toMatchObject({ instanceId: id, processId: 'order', rootInstanceId: id });
        // when b is claimed and a completes
        const claimed = { ...b, assignee: 'bob' };
        await store.commit(commitOf(instanceState(id, { waits: { [b.userTaskKey]: claimed } }), 1, { indexChanges: changes([claimed], [a.userTaskKey]) }));
        // then
        expect(await keys({ instanceId: id, assignee: 'bob' })).toEqual([b.userTaskKey]);
        expect(await keys({ instanceId: id })).toEqual([b.userTaskKey]);
        expect(await store.findWait(a.userTaskKey)).toBeUndefined();
      });

      it('finds open jobs by type and state, and any wait by key', async () => {
        const id = uniqueId('i');
        const j1 = jobWait(`${id}.j1`, { jobType: 'mail' });
        const j2 = jobWait(`${id}.j2`, { jobType: 'pay', state: 'failed', retries: 0 });
        // the state lists the waits its index changes open (as the runtime derives them)
        await store.commit(commitOf(instanceState(id, { waits: { [j1.jobKey]: j1, [j2.jobKey]: j2 } }), 0, { indexChanges: changes([j1, j2]) }));
        expect((await store.findJobs({ instanceId: id, jobType: 'mail' })).items.map((j) => j.jobKey)).toEqual([j1.jobKey]);
        expect((await store.findJobs({ instanceId: id, state: 'failed' })).items.map((j) => j.jobKey)).toEqual([j2.jobKey]);
        expect(await store.findWait(j2.jobKey)).toMatchObject({ kind: 'job', instanceId: id, jobType: 'pay' });
      });

      it('matches message subscriptions by name and key; a keyless one takes any key', async () => {
        const id = uniqueId('i');
        const name = uniqueId('paid');
        const keyed = messageWait(`${id}.m1`, name, 'order-1');
        const keyless = messageWait(`${id}.m2`, name);
        const other = messageWait(`${id}.m3`, `${name}-other`, 'order-1');
        await store.commit(commitOf(instanceState(id), 0, { indexChanges: changes([keyed, keyless, other]) }));
        const found = async (key: string | undefined) => (await store.findMessageSubscriptions(name, key)).map((s) => s.subscriptionKey);
        expect(await found('order-1')).toEqual([keyed.subscriptionKey, keyless.subscriptionKey]);
        expect(await found('order-2')).toEqual([keyless.subscriptionKey]);
        expect(await found(undefined)).toEqual([keyless.subscriptionKey]);
        await store.commit(commitOf(instanceState(id), 1, { indexChanges: changes([], [keyed.subscriptionKey]) }));
        expect(await found('order-1')).toEqual([keyless.subscriptionKey]);
      });

      it('finds signal subscriptions by name across instances, oldest first', async () => {
        const name = uniqueId('alarm');
        const [first, second] = [uniqueId('i'), uniqueId('i')];
        await store.commit(commitOf(instanceState(first), 0, { indexChanges: changes([signalWait(`${first}.s`, name)]) }));
        await store.commit(commitOf(instanceState(second), 0, { indexChanges: changes([signalWait(`${second}.s`, name)]) }));
        const found = await store.findSignalSubscriptions(name);
        expect(found.map((s) => s.instanceId)).toEqual([first, second]);
        expect(await store.findSignalSubscriptions(`${name}-none`)).toEqual([]);
      });

      it('indexes open incidents and drops resolved ones', async () => {
        const id = uniqueId('i');
        const open = incident(`${id}.inc`);
        await store.commit(commitOf(instanceState(id), 0, { indexChanges: changes([], [], [open]) }));
        expect((await store.findIncidents({ incidentKey: open.incidentKey })).items).toMatchObject([{ instanceId: id, errorType: 'JOB_NO_RETRIES' }]);
        expect((await store.findIncidents({ instanceId: id })).total).toBe(1);
        await store.commit(commitOf(instanceState(id), 1, { indexChanges: changes([], [], [], [open.incidentKey]) }));
        expect((await store.findIncidents({ instanceId: id })).total).toBe(0);
      });
    });

    describe('call trees', () => {
      it('lists an instance and the instances it called under its root', async () => {
        const root = uniqueId('root');
        const child = uniqueId('child');
        const grandchild = uniqueId('grandchild');
        const link = (parent: string) => ({ instanceId: parent, elementInstanceId: 'call-1', elementId: 'call', rootInstanceId: root });
        await store.commit(commitOf(instanceState(root), 0));
        await store.commit(commitOf(instanceState(child, { parent: link(root) }), 0));
        await store.commit(commitOf(instanceState(grandchild, { parent: link(child), status: 'completed', endedAt: 2_000 }), 0));
        const tree = await store.findInstances({ rootInstanceId: root });
        expect(tree.items.map((s) => s.instanceId)).toEqual([root, child, grandchild]);
        expect(tree.items[2]).toMatchObject({ parentInstanceId: child, rootInstanceId: root, status: 'completed', version: 1 });
        expect((await store.findInstances({ rootInstanceId: root, status: 'active' })).total).toBe(2);
      });

      it('pages the list of every instance in creation order', async () => {
        // given three new instances, the newest of the store
        const ids = [uniqueId('a'), uniqueId('b'), uniqueId('c')];
        for (const id of ids) await store.commit(commitOf(instanceState(id), 0));
        const { total } = await store.findInstances({ limit: 0 });
        // when the last three are read two at a time
        const first = await store.findInstances({ offset: total - 3, limit: 2 });
        const second = await store.findInstances({ offset: first.nextOffset ?? -1, limit: 2 });
        // then they come in creation order, and the second page is the last
        expect(first.items.map((s) => s.instanceId)).toEqual(ids.slice(0, 2));
        expect(first).toMatchObject({ total, nextOffset: total - 1 });
        expect(second.items.map((s) => s.instanceId)).toEqual(ids.slice(2));
        expect(second.nextOffset).toBeUndefined();
      });
    });

    describe('outbox', () => {
      it('keeps committed effects until acknowledged', async () => {
        const id = uniqueId('i');
        const entry = (n: number, committedAt: number) => ({ outboxId: `${id}/${n}`, instanceId: id, effect: { type: 'CancelTimer' as const, timerKey: `t${n}` }, committedAt });
        await store.commit(commitOf(instanceState(id), 0, { outbox: [entry(0, 100), entry(1, 100)], at: 100 }));
        await store.commit(commitOf(instanceState(id), 1, { outbox: [entry(2, 200)], at: 200 }));
        const mine = async (committedBefore: number) =>
          (await store.readOutbox({ committedBefore, limit: 10_000 })).filter((e) => e.instanceId === id).map((e) => e.outboxId);
        expect(await mine(150)).toEqual([`${id}/0`, `${id}/1`]);
        expect(await mine(200)).toEqual([`${id}/0`, `${id}/1`, `${id}/2`]);
        await store.ackOutbox([`${id}/0`, `${id}/2`, `${id}/unknown`]);
        expect(await mine(200)).toEqual([`${id}/1`]);
        await store.ackOutbox([`${id}/0`]);
        expect(await mine(200)).toEqual([`${id}/1`]);
      });
    });

    describe('buffered messages', () => {
      it('hands a buffered message to one taker while it is alive', async () => {
        const name = uniqueId('msg');
        const message = { messageId: uniqueId('m'), messageName: name, correlationKey: 'k1', variables: { a: 1 }, publishedAt: 0, expiresAt: 100 };
        await store.bufferMessage(message);
        await store.bufferMessage(message);
        expect(await store.takeBufferedMessage(name, 'k2', 50)).toBeUndefined();
        const takers = await Promise.all([store.takeBufferedMessage(name, 'k1', 50), store.takeBufferedMessage(name, 'k1', 50)]);
        expect(takers.filter((t) => t !== undefined)).toEqual([message]);
      });

      it('lets a keyless taker take any key, and never returns an expired message', async () => {
        const name = uniqueId('msg');
        await store.bufferMessage({ messageId: uniqueId('m'), messageName: name, correlationKey: 'old', variables: {}, publishedAt: 0, expiresAt: 10 });
        await store.bufferMessage({ messageId: uniqueId('m'), messageName: name, correlationKey: 'new', variables: {}, publishedAt: 0, expiresAt: 100 });
        expect(await store.takeBufferedMessage(name, 'old', 11)).toBeUndefined();
        expect((await store.takeBufferedMessage(name, undefined, 100))?.correlationKey).toBe('new');
        expect(await store.takeBufferedMessage(name, undefined, 100)).toBeUndefined();
      });
    });

    describe('messageId claims (idempotent publication)', () => {
      it('grants one of two concurrent claims of an id, name and key while it holds, and claims of others independently', async () => {
        // given
        const claim = { messageId: uniqueId('m'), messageName: uniqueId('msg'), correlationKey: 'k1', now: 1_000, expiresAt: 61_000 };
        // when
        const granted = await Promise.all([store.claimMessageId(claim), store.claimMessageId(claim)]);
        // then
        expect(granted.sort()).toEqual([false, true]);
        expect(await store.claimMessageId({ ...claim, now: 2_000 })).toBe(false);
        expect(await store.claimMessageId({ ...claim, correlationKey: 'k2' })).toBe(true);
        expect(await store.claimMessageId({ ...claim, messageId: uniqueId('m') })).toBe(true);
        const { correlationKey: _key, ...keyless } = claim;
        expect(await store.claimMessageId(keyless)).toBe(true);
      });
    });

    processStoreDeploymentContract(() => store);
  });
}

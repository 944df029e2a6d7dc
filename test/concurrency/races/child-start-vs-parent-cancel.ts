import { describe, expect, it } from 'vitest';
import { expectHistoryFoldsToState, expectIndexesMatchState, expectNothingLeft, readAllHistory } from '../support/invariants.js';
import { twoNodes, type BackendFactory, type TwoNodes } from '../support/two-nodes.js';

/**
 * Race 15: a parent cancelled while its call activity's child is being started.
 * The parent's commit (call activity entered) is followed by the dispatch of
 * StartChildInstance; the child's CreateInstance is held at its commit while the
 * parent is cancelled on the other node, whose CancelChildInstance finds no child
 * yet. Not a version race (the child does not exist, so its create cannot
 * conflict): the question is whether a child created after its parent ended is
 * left running on its own. The whole tree must end with nothing waiting.
 */
export function describeChildStartRace(backend: BackendFactory): void {
  describe('race 15: a parent cancelled while its child instance is being started', () => {
    it('the child created after the cancel does not outlive its parent', async () => {
      const nodes = await twoNodes(backend, ['call-activity.bpmn']);
      try {
        const childCreate = { node: 'a', eventType: 'InstanceCreated', where: (r: { state: { processId: string } }) => r.state.processId === 'race_child' };
        const holding = await nodes.race.holdAtCommit(childCreate, () => nodes.a.startInstance({ processId: 'race_parent', instanceId: 'parent-1' }));
        const childInstanceId = holding.commit.request.instanceId;
        // when the parent is cancelled while its child's create waits at its commit
        await nodes.b.cancelInstance('parent-1');
        const started = await holding.release();
        // then the start went through, and the whole tree ended
        expect(started.status).toBe('fulfilled');
        await expectTreeEnded(nodes, ['parent-1', childInstanceId]);
        expect(nodes.errors).toEqual([]);
      } finally {
        await nodes.close();
      }
    });
  });
}

async function expectTreeEnded(nodes: TwoNodes, instanceIds: readonly string[]): Promise<void> {
  for (const instanceId of instanceIds) {
    const stored = await nodes.store.load(instanceId);
    if (stored === undefined) continue;
    expect({ instanceId, status: stored.state.status }).toEqual({ instanceId, status: 'terminated' });
    expectNothingLeft(stored.state);
    expectHistoryFoldsToState(await readAllHistory(nodes.store, instanceId), stored);
    await expectIndexesMatchState(nodes.store, stored.state);
  }
  expect((await nodes.store.findUserTasks({ rootInstanceId: 'parent-1' })).items).toEqual([]);
  expect(await nodes.store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 100 })).toEqual([]);
}

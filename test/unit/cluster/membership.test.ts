import { createInMemoryMessageBus } from '@baton/memory';
import { VirtualClock, clusterSubjects, joinCluster, type ClusterMembership } from '@baton/runtime';
import { afterEach, describe, expect, it } from 'vitest';

/** Lets the in-memory bus deliver what is in flight (it delivers on microtasks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

describe('cluster membership on the in-memory bus', () => {
  const clock = new VirtualClock(1_000);
  const bus = createInMemoryMessageBus({ clock });
  const joined: ClusterMembership[] = [];
  const join = async (nodeId: string, capabilities: string[], heartbeatMs = 100): Promise<ClusterMembership> => {
    const m = await joinCluster({ bus, clock, nodeId, capabilities, heartbeatMs, url: `http://${nodeId}` });
    joined.push(m);
    return m;
  };
  afterEach(async () => {
    for (const m of joined.splice(0)) await m.leave();
  });

  it('announces each node with its capabilities, and a newcomer learns of the others at once', async () => {
    // given
    const a = await join('a', ['store', 'payment']);
    await settle();
    // when
    const b = await join('b', ['label-printer']);
    await settle();
    // then both see the other, without waiting for a heartbeat
    expect(a.view.peers().map((p) => [p.nodeId, p.capabilities, p.url])).toEqual([['b', ['label-printer'], 'http://b']]);
    expect(b.view.peers().map((p) => [p.nodeId, p.capabilities])).toEqual([['a', ['payment', 'store']]]);
    expect(b.view.capableOf('store').map((p) => p.nodeId)).toEqual(['a']);
    expect(b.view.capableOf('shipping')).toEqual([]);
  });

  it('keeps a peer alive with heartbeats, and drops one after three missed heartbeats', async () => {
    const a = await join('a', ['store']);
    // a node that announces once and then dies
    await bus.publish(clusterSubjects().node('ghost'), { nodeId: 'ghost', capabilities: ['x'], status: 'up', heartbeatMs: 100 });
    await join('b', ['y']);
    await settle();
    expect(a.view.peers().map((p) => p.nodeId)).toEqual(['b', 'ghost']);
    // when time passes with b heartbeating and ghost silent
    for (let i = 0; i < 4; i += 1) {
      await clock.advanceBy(100);
      await settle();
    }
    // then
    expect(a.view.peers().map((p) => p.nodeId)).toEqual(['b']);
    expect(a.view.peers()[0]?.lastSeenAt).toBe(clock.now());
  });

  it('forgets a peer at once when it leaves', async () => {
    const a = await join('a', ['store']);
    const b = await join('b', ['y']);
    await settle();
    expect(a.view.peers()).toHaveLength(1);
    await b.leave();
    await settle();
    expect(a.view.peers()).toEqual([]);
  });

  it('ignores malformed announcements and its own', async () => {
    const errors: unknown[] = [];
    const a = await joinCluster({ bus, clock, nodeId: 'a', capabilities: [], onError: (e) => errors.push(e) });
    joined.push(a);
    await bus.publish(clusterSubjects().node('junk'), { nodeId: 7 });
    await settle();
    expect(a.view.peers()).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});

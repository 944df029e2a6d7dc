import type { Effect } from '@baton/core';
import { BatonError } from '@baton/errors';
import { createCommandProcessor, VirtualClock, type CommandProcessor } from '@baton/runtime';
import { jobWait, toyDecide, toyDefinition, userTaskWait } from '@baton/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { toyEngine, type ToyEngine } from './__fixtures__/toy-engine.js';
import { InMemoryProcessStore } from './in-memory-process-store.js';

const enqueue = (jobKey: string, instanceId = 'i1'): Effect => ({
  type: 'EnqueueJob',
  jobKey,
  instanceId,
  elementId: 'charge',
  elementInstanceId: 'ei-1',
  jobType: 'pay',
  retries: 3,
  customHeaders: {},
});

/** Another node's processor on the toy engine's store (no dispatch). */
function peerProcessor(t: ToyEngine): CommandProcessor {
  const store = t.engine.store;
  return createCommandProcessor({
    store,
    clock: t.clock,
    decide: toyDecide,
    definitionOf: (key) => t.engine.getDefinition(key),
    latestKeyOf: async (processId) => (await store.latestDeployment(processId))?.definitionKey ?? processId,
    dispatch: async () => undefined,
    random: () => 0.5,
    sleep: async () => undefined,
  });
}

describe('command processor', () => {
  let running: ToyEngine | undefined;
  afterEach(async () => {
    await running?.engine.close();
    running = undefined;
  });

  it('retries a command that lost a version race and reaches a consistent result', async () => {
    // given an instance with two open tasks, and another node's commit slipped in before the first commit
    const t = await toyEngine();
    running = t;
    const waits = [userTaskWait('i1.a'), userTaskWait('i1.b')];
    await t.engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits } });
    const store = t.engine.store;
    const commit = store.commit.bind(store);
    const otherNode = peerProcessor(t);
    const command = { type: 'CompleteUserTask', commandId: 'rival', at: t.clock.now(), userTaskKey: 'i1.b', variables: { b: 2 } } as const;
    let rival: (() => Promise<unknown>) | undefined = () => otherNode.execute({ instanceId: 'i1', command });
    store.commit = async (request) => {
      const race = rival;
      rival = undefined;
      if (race !== undefined) await race();
      return commit(request);
    };
    // when
    const result = await t.engine.completeUserTask({ userTaskKey: 'i1.a', variables: { a: 1 } });
    // then the loser reloaded, decided again and both changes are in
    expect(result.attempts).toBe(2);
    const { state, version } = await t.engine.getInstance('i1');
    expect(version).toBe(3);
    expect(state.status).toBe('completed');
    expect(state.variables['root']).toEqual({ a: 1, b: 2 });
    expect(t.sleeps).toEqual([]);
  });

  it('lets commands of one node to one instance take turns instead of conflicting', async () => {
    // given an instance with three open tasks, and a store that counts conflicts
    const t = await toyEngine();
    running = t;
    const waits = [userTaskWait('i1.a'), userTaskWait('i1.b'), userTaskWait('i1.c')];
    await t.engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits } });
    // when all three complete at once on this node
    const results = await Promise.all(
      ['a', 'b', 'c'].map((name) => t.engine.completeUserTask({ userTaskKey: `i1.${name}`, variables: { [name]: name } })),
    );
    // then each committed at its first attempt, in the order they came, and all changes are in
    expect(results.map((r) => [r.attempts, r.version])).toEqual([
      [1, 2],
      [1, 3],
      [1, 4],
    ]);
    const { state } = await t.engine.getInstance('i1');
    expect(state.status).toBe('completed');
    expect(state.variables['root']).toEqual({ a: 'a', b: 'b', c: 'c' });
  });

  it('gives up with VERSION_CONFLICT after bounded, jittered attempts', async () => {
    // given a store where every commit conflicts
    const store = new InMemoryProcessStore();
    store.commit = async () => {
      throw new BatonError('VERSION_CONFLICT', 'always');
    };
    const sleeps: number[] = [];
    const processor = createCommandProcessor({
      store,
      clock: new VirtualClock(0),
      decide: toyDecide,
      definitionOf: async () => toyDefinition(),
      latestKeyOf: async (processId) => `${processId}:1`,
      dispatch: async () => undefined,
      random: () => 0.25,
      sleep: async (ms) => void sleeps.push(ms),
      maxAttempts: 4,
      backoffMs: 10,
    });
    // when
    const run = processor.execute({ instanceId: 'i1', definitionKey: 'toy:1', command: { type: 'CreateInstance', commandId: 'c', at: 0, instanceId: 'i1', variables: {} } });
    // then: first retry at once, then 10 and 20 ms scaled by the jitter (0.5 + 0.25)
    await expect(run).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(sleeps).toEqual([7.5, 15]);
  });

  it('refuses a stale command with the core code and changes nothing', async () => {
    // given
    const t = await toyEngine();
    running = t;
    await t.engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [userTaskWait('i1.a'), userTaskWait('i1.b')] } });
    await t.engine.completeUserTask({ userTaskKey: 'i1.a' });
    const before = await t.engine.getInstance('i1');
    const historyBefore = await t.engine.getHistory('i1');
    // when the same task is completed again
    const again = t.engine.completeUserTask({ userTaskKey: 'i1.a', instanceId: 'i1' });
    // then
    await expect(again).rejects.toMatchObject({ code: 'STALE_COMMAND', details: { instanceId: 'i1', commandType: 'CompleteUserTask' } });
    expect(await t.engine.getInstance('i1')).toBe(before);
    expect((await t.engine.getHistory('i1')).total).toBe(historyBefore.total);
    await expect(t.engine.completeUserTask({ userTaskKey: 'i1.a' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('forgets its remembered copy of an instance once a peer\'s commit proves it stale (issue 12, finding 7)', async () => {
    // given two nodes' processors on one store; this node remembers its last commit to i1
    const t = await toyEngine();
    running = t;
    const [mine, peer] = [peerProcessor(t), peerProcessor(t)];
    await t.engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [userTaskWait('i1.a'), userTaskWait('i1.b')] } });
    const complete = (userTaskKey: string, commandId: string) => ({ type: 'CompleteUserTask', commandId, at: t.clock.now(), userTaskKey, variables: {} }) as const;
    await mine.execute({ instanceId: 'i1', command: complete('i1.a', 'mine-a') });
    const remembered = mine.recentState('i1');
    expect(remembered?.state.waits['i1.b']).toBeDefined();
    // and a peer completed the instance since
    await peer.execute({ instanceId: 'i1', command: complete('i1.b', 'peer-b') });
    // when this node decides on its remembered copy
    const stale = mine.execute({ instanceId: 'i1', command: complete('i1.b', 'mine-b'), ...(remembered === undefined ? {} : { known: remembered }) });
    // then the store refuses it, and the copy is forgotten: nothing more is decided on it
    await expect(stale).rejects.toMatchObject({ code: expect.stringMatching(/^(STALE_COMMAND|INSTANCE_NOT_ACTIVE)$/) });
    expect(mine.recentState('i1')).toBeUndefined();
    expect((await t.engine.getInstance('i1')).state.status).toBe('completed');
  });

  it('refuses commands on an unknown instance and a second create', async () => {
    const t = await toyEngine();
    running = t;
    await expect(t.engine.cancelInstance('nope')).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    await t.engine.startInstance({ processId: 'toy', instanceId: 'i1' });
    await expect(t.engine.startInstance({ processId: 'toy', instanceId: 'i1' })).rejects.toMatchObject({ code: 'STALE_COMMAND' });
    await expect(t.engine.startInstance({ processId: 'missing' })).rejects.toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
  });

  it('re-dispatches effects left in the outbox by a crash, and a second sweep changes nothing', async () => {
    // given a node that "dies" after the commit: its queue fails the first enqueue
    const t = await toyEngine();
    running = t;
    const queue = t.engine.queue;
    const enqueueJob = queue.enqueue.bind(queue);
    let crashes = 1;
    queue.enqueue = async (request) => {
      if (crashes-- > 0) throw new Error('node died');
      return enqueueJob(request);
    };
    await t.engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [jobWait('i1.j')], effects: [enqueue('i1.j')] } });
    expect(queue.size()).toBe(0);
    // when the outbox is swept twice
    const first = await t.engine.sweepOutbox();
    const second = await t.engine.sweepOutbox();
    // then the job was queued once
    expect([first, second]).toEqual([1, 0]);
    expect(queue.size()).toBe(1);
    expect(t.errors).toHaveLength(1);
  });

  it('dispatches an effect twice harmlessly when the ack was lost', async () => {
    // given a store that loses the first outbox ack (crash after dispatch)
    const t = await toyEngine();
    running = t;
    const store = t.engine.store;
    const ack = store.ackOutbox.bind(store);
    let lost = 1;
    store.ackOutbox = async (ids) => {
      if (lost-- > 0) throw new Error('crash before ack');
      return ack(ids);
    };
    await expect(
      t.engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [jobWait('i1.j')], effects: [enqueue('i1.j')] } }),
    ).rejects.toThrow('crash before ack');
    // when
    const swept = await t.engine.sweepOutbox();
    // then the job is queued once and the outbox is empty
    expect(swept).toBe(1);
    expect(t.engine.queue.size()).toBe(1);
    expect(await store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 10 })).toEqual([]);
  });
});

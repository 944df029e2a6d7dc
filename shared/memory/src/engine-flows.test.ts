import { jobWait, messageWait, signalWait, userTaskWait } from '@baton/testkit';
import type { Effect } from '@baton/core';
import { afterEach, describe, expect, it } from 'vitest';
import { toyEngine, type ToyEngine } from './__fixtures__/toy-engine.js';

describe('engine flows on the toy core', () => {
  let running: ToyEngine | undefined;
  afterEach(async () => {
    await running?.engine.close();
    running = undefined;
  });
  const start = async (options?: Parameters<typeof toyEngine>[1], processIds?: string[]) => (running = await toyEngine(processIds, options));

  it('buffers a message with a TTL for a subscription that opens later, until the TTL passes', async () => {
    // given a message published before anyone waits for it
    const { engine, clock } = await start();
    const published = await engine.publishMessage({ name: 'paid', correlationKey: 'o-1', variables: { amount: 5 }, timeToLiveMs: 60_000 });
    expect(published).toMatchObject({ isBuffered: true, startedInstanceIds: [] });
    // when a subscription with that name and key opens
    await engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [messageWait('i1.m', 'paid', 'o-1')] } });
    // then it took the message
    const first = await engine.getInstance('i1');
    expect(first.state.status).toBe('completed');
    expect(first.state.variables['root']).toMatchObject({ amount: 5 });
    // and a message whose TTL passed is gone
    await engine.publishMessage({ name: 'paid', correlationKey: 'o-2', timeToLiveMs: 1_000 });
    await clock.advanceBy(1_001);
    await engine.startInstance({ processId: 'toy', instanceId: 'i2', variables: { waits: [messageWait('i2.m', 'paid', 'o-2')] } });
    expect((await engine.getInstance('i2')).state.status).toBe('active');
  });

  it('correlates a message to one matching subscription, and drops one nobody takes without a TTL', async () => {
    const { engine } = await start();
    await engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [messageWait('i1.m', 'paid', 'o-1')] } });
    await engine.startInstance({ processId: 'toy', instanceId: 'i2', variables: { waits: [messageWait('i2.m', 'paid', 'o-1')] } });
    const result = await engine.publishMessage({ name: 'paid', correlationKey: 'o-1' });
    expect(result.correlatedInstanceId).toBe('i1');
    expect((await engine.getInstance('i2')).state.status).toBe('active');
    expect(await engine.publishMessage({ name: 'paid', correlationKey: 'nobody' })).toMatchObject({ isBuffered: false, startedInstanceIds: [] });
    expect(await engine.store.takeBufferedMessage('paid', 'nobody', engine.clock.now())).toBeUndefined();
  });

  it('refuses a second publication with the same messageId within its TTL, even after the first correlated (issue 12)', async () => {
    // given: an instance waiting for o-1, and a message with a TTL and an id that it took
    const { engine, clock } = await start();
    await engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [messageWait('i1.m', 'paid', 'o-1')] } });
    const message = { name: 'paid', correlationKey: 'o-1', messageId: 'payment-1', timeToLiveMs: 60_000 };
    expect((await engine.publishMessage(message)).correlatedInstanceId).toBe('i1');
    // when: the same message is published again (a producer's retry)
    const again = engine.publishMessage(message);
    // then: it is refused, not buffered for the next instance waiting for o-1
    await expect(again).rejects.toMatchObject({ code: 'MESSAGE_ALREADY_PUBLISHED', details: { messageId: 'payment-1', messageName: 'paid', correlationKey: 'o-1' } });
    await engine.startInstance({ processId: 'toy', instanceId: 'i2', variables: { waits: [messageWait('i2.m', 'paid', 'o-1')] } });
    expect((await engine.getInstance('i2')).state.status).toBe('active');
    // and: without a TTL, or once the TTL passed, the id may be used again
    expect((await engine.publishMessage({ ...message, timeToLiveMs: 0 })).correlatedInstanceId).toBe('i2');
    await clock.advanceBy(60_001);
    expect(await engine.publishMessage(message)).toMatchObject({ messageId: 'payment-1', isBuffered: true });
  });

  it('broadcasts a signal to every subscription of that name', async () => {
    const { engine } = await start();
    for (const id of ['i1', 'i2']) await engine.startInstance({ processId: 'toy', instanceId: id, variables: { waits: [signalWait(`${id}.s`, 'alarm')] } });
    await engine.startInstance({ processId: 'toy', instanceId: 'i3', variables: { waits: [signalWait('i3.s', 'other')] } });
    const result = await engine.broadcastSignal({ name: 'alarm', variables: { loud: true } });
    expect(result.triggeredInstanceIds).toEqual(['i1', 'i2']);
    for (const id of ['i1', 'i2']) expect((await engine.getInstance(id)).state).toMatchObject({ status: 'completed', variables: { root: { loud: true } } });
    expect((await engine.getInstance('i3')).state.status).toBe('active');
  });

  it('runs a call activity round trip: child started, child completes, parent notified', async () => {
    // given a parent calling "child", which waits on a user task
    const { engine } = await start({}, ['parent', 'child']);
    await engine.startInstance({ processId: 'parent', instanceId: 'p1', variables: { callProcess: 'child', childWaits: [userTaskWait('t')], x: 1 } });
    const tree = await engine.instancesOfTree('p1');
    expect(tree.map((i) => [i.instanceId, i.processId, i.parentInstanceId])).toEqual([
      ['p1', 'parent', undefined],
      ['p1.child', 'child', 'p1'],
    ]);
    const [task] = (await engine.searchUserTasks({ rootInstanceId: 'p1' })).items;
    // when the child's task completes
    await engine.completeUserTask({ userTaskKey: task!.userTaskKey, variables: { y: 2 } });
    // then the child and the parent completed, with the child's variables back in the parent
    expect((await engine.getInstance('p1.child')).state.status).toBe('completed');
    expect((await engine.getInstance('p1')).state).toMatchObject({ status: 'completed', variables: { root: { x: 1, y: 2 } } });
  });

  it('cancels the child when the parent is cancelled', async () => {
    const { engine } = await start({}, ['parent', 'child']);
    await engine.startInstance({ processId: 'parent', instanceId: 'p1', variables: { callProcess: 'child', childWaits: [userTaskWait('t')] } });
    await engine.cancelInstance('p1');
    expect((await engine.instancesOfTree('p1')).map((i) => i.status)).toEqual(['terminated', 'terminated']);
    expect((await engine.searchUserTasks({ rootInstanceId: 'p1' })).total).toBe(0);
  });

  it('fires a timer when the virtual clock passes its due time, not before', async () => {
    const { engine, clock } = await start();
    const dueAt = clock.now() + 60_000;
    const schedule: Effect = { type: 'ScheduleTimer', timerKey: 'i1.t', instanceId: 'i1', elementId: 'wait', dueAt };
    const timer = { kind: 'timer' as const, elementId: 'wait', elementInstanceId: 'e', createdAt: 0, timerKey: 'i1.t', dueAt };
    await engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [timer], effects: [schedule] } });
    await clock.advanceBy(59_999);
    expect((await engine.getInstance('i1')).state.status).toBe('active');
    await clock.advanceBy(1);
    expect((await engine.getInstance('i1')).state).toMatchObject({ status: 'completed', endedAt: dueAt });
  });

  describe('jobs', () => {
    const job = (jobKey: string): Effect => ({
      type: 'EnqueueJob',
      jobKey,
      instanceId: 'i1',
      elementId: 'charge',
      elementInstanceId: 'ei-1',
      jobType: 'payments',
      retries: 3,
      customHeaders: { h: '1' },
    });
    const startWithJob = (engine: ToyEngine['engine']) =>
      engine.startInstance({ processId: 'toy', instanceId: 'i1', variables: { waits: [jobWait('i1.j')], effects: [job('i1.j')], amount: 9 } });

    it('activates a job with its variables, hides it while leased, and gives it back after the timeout', async () => {
      const { engine, clock } = await start();
      await startWithJob(engine);
      const [activated] = await engine.activateJobs({ type: 'payments', worker: 'w1', maxJobs: 5, timeoutMs: 30_000 });
      expect(activated).toMatchObject({ jobKey: 'i1.j', instanceId: 'i1', processId: 'toy', variables: { amount: 9 }, worker: 'w1' });
      expect(await engine.activateJobs({ type: 'payments', worker: 'w2', maxJobs: 5, timeoutMs: 30_000 })).toEqual([]);
      await clock.advanceBy(30_000);
      expect((await engine.activateJobs({ type: 'payments', worker: 'w2', maxJobs: 5, timeoutMs: 30_000 })).map((j) => j.jobKey)).toEqual(['i1.j']);
      await engine.completeJob({ jobKey: 'i1.j', variables: { paid: true } });
      expect((await engine.getInstance('i1')).state.status).toBe('completed');
      expect(engine.queue.size()).toBe(0);
    });

    it('puts a failed job with retries back after its back-off', async () => {
      const { engine, clock } = await start();
      await startWithJob(engine);
      await engine.activateJobs({ type: 'payments', worker: 'w1', maxJobs: 1, timeoutMs: 30_000 });
      await engine.failJob({ jobKey: 'i1.j', retries: 2, errorMessage: 'card declined', retryBackOffMs: 5_000 });
      expect(await engine.activateJobs({ type: 'payments', worker: 'w1', maxJobs: 1, timeoutMs: 30_000 })).toEqual([]);
      await clock.advanceBy(5_000);
      const [again] = await engine.activateJobs({ type: 'payments', worker: 'w1', maxJobs: 1, timeoutMs: 30_000 });
      expect(again).toMatchObject({ jobKey: 'i1.j', retries: 2 });
    });

    it('runs jobs in process when the node has a handler for their type', async () => {
      const seen: string[] = [];
      const { engine } = await start({
        handlers: {
          payments: async (j) => {
            seen.push(j.jobKey);
            return { receipt: `r-${j.variables['amount']}` };
          },
        },
      });
      await startWithJob(engine);
      await expect.poll(async () => (await engine.getInstance('i1')).state.status).toBe('completed');
      expect(seen).toEqual(['i1.j']);
      expect((await engine.getInstance('i1')).state.variables['root']).toMatchObject({ receipt: 'r-9' });
    });
  });
});

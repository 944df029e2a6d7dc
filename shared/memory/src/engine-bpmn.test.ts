import { readFileSync } from 'node:fs';
import { createEngine, VirtualClock } from '@baton/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryEngine, type InMemoryEngine } from './create-in-memory-engine.js';
import { InMemoryJobQueue } from './in-memory-job-queue.js';
import { InMemoryMessageBus } from './in-memory-message-bus.js';

const bpmn = (name: string) => ({ name, xml: readFileSync(new URL(`./__fixtures__/bpmn/${name}`, import.meta.url), 'utf8') });
const t0 = Date.UTC(2026, 0, 1);

describe('engine on the real core and model', () => {
  let engine: InMemoryEngine;
  let clock: VirtualClock;
  const errors: unknown[] = [];
  const boot = async (...files: string[]) => {
    clock = new VirtualClock(t0);
    engine = createInMemoryEngine({ clock, store: { freeze: true }, onError: (e) => void errors.push(e) });
    await engine.deploy(files.map(bpmn));
  };
  const completedIn = async (instanceId: string) =>
    (await engine.getHistory(instanceId, { limit: 10_000 })).items.flatMap((e) => (e.event.type === 'ElementCompleted' ? [e.event.elementId] : []));
  afterEach(async () => {
    await engine.close();
    expect(errors).toEqual([]);
    errors.length = 0;
  });

  it('runs a user task then a service task to the end', async () => {
    await boot('order.bpmn');
    const { instanceId } = await engine.startInstance({ processId: 'order', variables: { amount: 150 } });
    const [task] = (await engine.searchUserTasks({ instanceId })).items;
    expect(task?.elementId).toBe('approve');
    await engine.completeUserTask({ userTaskKey: task!.userTaskKey, variables: { approved: true } });
    const [job] = await engine.activateJobs({ type: 'payments', worker: 'w', maxJobs: 1, timeoutMs: 10_000 });
    expect(job).toMatchObject({ elementId: 'charge', variables: { amount: 150, approved: true } });
    await engine.completeJob({ jobKey: job!.jobKey, variables: { receipt: 'r-1' } });
    expect((await engine.getInstance(instanceId)).state.status).toBe('completed');
    expect(await completedIn(instanceId)).toEqual(['start', 'approve', 'charge', 'end']);
    expect(engine.queue.size()).toBe(0);
  });

  it('starts on the version a peer node deployed after this node last read the latest', async () => {
    // given two nodes on one store; node A started an instance of order:1 (and so knows order:1 as the latest)
    await boot('order.bpmn');
    const peer = createEngine({ store: engine.store, queue: new InMemoryJobQueue({ clock }), bus: new InMemoryMessageBus({ clock }), clock, nodeId: 'peer', sweepIntervalMs: 0 });
    const first = await engine.startInstance({ processId: 'order' });
    const v1 = (await engine.listDefinitions({ processId: 'order' }))[0]?.definitionKey;
    expect(first.state.definitionKey).toBe(v1);
    // when node B deploys a changed model and node A starts the process again
    const xml = bpmn('order.bpmn').xml.replace('</bpmn:definitions>', '<!-- v2 --></bpmn:definitions>');
    const [v2] = await peer.deploy([{ name: 'order.bpmn', xml }]);
    const second = await engine.startInstance({ processId: 'order' });
    // then A's commit refused its cached order:1 and the start runs on order:2
    expect(v2?.version).toBe(2);
    expect(v2?.definitionKey).not.toBe(v1);
    expect(second.state.definitionKey).toBe(v2?.definitionKey);
    expect(second.attempts).toBe(2);
    expect((await engine.startInstance({ processId: 'order' })).attempts).toBe(1);
    await peer.close();
  });

  it('runs a job in process, retrying a worker failure and counting down the retries', async () => {
    // given a worker that fails once
    clock = new VirtualClock(t0);
    let calls = 0;
    engine = createInMemoryEngine({
      clock,
      onError: (e) => void errors.push(e),
      handlers: {
        payments: async (job) => {
          calls += 1;
          if (calls === 1) throw new Error('gateway timeout');
          return { receipt: `r-${job.retries}` };
        },
      },
    });
    await engine.deploy([bpmn('order.bpmn')]);
    const { instanceId } = await engine.startInstance({ processId: 'order' });
    const [task] = (await engine.searchUserTasks({ instanceId })).items;
    // when the job is reached
    await engine.completeUserTask({ userTaskKey: task!.userTaskKey });
    // then the second attempt completes it, seeing one retry fewer
    await expect.poll(async () => (await engine.getInstance(instanceId)).state.status).toBe('completed');
    expect(calls).toBe(2);
    expect((await engine.getInstance(instanceId)).state.variables['root']).toMatchObject({ receipt: 'r-2' });
  });

  it('refuses an invalid or non-executable deployment as a whole, and keeps identical XML at its version', async () => {
    await boot('order.bpmn');
    await expect(engine.deploy([bpmn('calls.bpmn'), bpmn('invalid.bpmn')])).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      details: { problems: expect.arrayContaining([expect.objectContaining({ resourceName: 'invalid.bpmn' })]) },
    });
    expect((await engine.listDefinitions()).map((d) => d.processId)).toEqual(['order']);
    await expect(engine.deploy([bpmn('draft.bpmn')])).rejects.toMatchObject({ code: 'MODEL_NOT_EXECUTABLE' });
    expect(await engine.deploy([bpmn('draft.bpmn')], { allowNonExecutable: true })).toMatchObject([{ processId: 'draft', version: 1 }]);
    expect(await engine.deploy([bpmn('order.bpmn')])).toMatchObject([{ processId: 'order', version: 1, isNew: false }]);
    expect(await engine.getDefinitionXml({ processId: 'order' })).toBe(bpmn('order.bpmn').xml);
  });

  it('fires a timer when the virtual clock passes it', async () => {
    await boot('waits.bpmn');
    const { instanceId } = await engine.startInstance({ processId: 'timer' });
    await clock.advanceBy(60 * 60_000 - 1);
    expect((await engine.getInstance(instanceId)).state.status).toBe('active');
    await clock.advanceBy(1);
    expect((await engine.getInstance(instanceId)).state).toMatchObject({ status: 'completed', endedAt: t0 + 3_600_000 });
  });

  it('keeps a message with a TTL for a subscription that opens later', async () => {
    await boot('waits.bpmn');
    await engine.publishMessage({ name: 'paid', correlationKey: 'o-1', variables: { paid: 10 }, timeToLiveMs: 60_000 });
    const { instanceId } = await engine.startInstance({ processId: 'message', variables: { orderId: 'o-1' } });
    expect((await engine.getInstance(instanceId)).state).toMatchObject({ status: 'completed', variables: { root: { paid: 10 } } });
    const late = await engine.startInstance({ processId: 'message', variables: { orderId: 'o-2' } });
    expect((await engine.publishMessage({ name: 'paid', correlationKey: 'o-2' })).correlatedInstanceId).toBe(late.instanceId);
  });

  it('broadcasts a signal to every waiting instance', async () => {
    await boot('waits.bpmn');
    const ids = [(await engine.startInstance({ processId: 'signal' })).instanceId, (await engine.startInstance({ processId: 'signal' })).instanceId];
    const result = await engine.broadcastSignal({ name: 'alarm' });
    expect([...result.triggeredInstanceIds].sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await engine.getInstance(id)).state.status).toBe('completed');
  });

  it('runs a call activity: the child joins the tree and its end completes the parent', async () => {
    await boot('calls.bpmn');
    const { instanceId } = await engine.startInstance({ processId: 'parent', variables: { x: 1 } });
    const tree = await engine.instancesOfTree(instanceId);
    expect(tree.map((i) => i.processId)).toEqual(['parent', 'child']);
    const [task] = (await engine.searchUserTasks({ rootInstanceId: instanceId })).items;
    await engine.completeUserTask({ userTaskKey: task!.userTaskKey, variables: { y: 2 } });
    expect((await engine.getInstance(instanceId)).state).toMatchObject({ status: 'completed', variables: { root: { x: 1, y: 2 } } });
    expect(await completedIn(instanceId)).toEqual(['p-start', 'call', 'p-end']);
  });

  it('raises an incident on a call activity whose process is not deployed', async () => {
    await boot('missing-child.bpmn');
    const { instanceId } = await engine.startInstance({ processId: 'orphan' });
    const incidents = (await engine.searchIncidents({ rootInstanceId: instanceId })).items;
    expect(incidents).toMatchObject([{ elementId: 'call', errorType: 'CALLED_ELEMENT_ERROR' }]);
    expect(await engine.instancesOfTree(instanceId)).toHaveLength(1);
  });

  it('starts instances through message, signal and timer start events', async () => {
    await boot('starts.bpmn');
    const byMessage = await engine.publishMessage({ name: 'order-placed', variables: { n: 1 } });
    expect(byMessage.startedInstanceIds).toHaveLength(1);
    expect((await engine.searchUserTasks({ instanceId: byMessage.startedInstanceIds[0]! })).items.map((t) => t.elementId)).toEqual(['a-task']);
    expect((await engine.broadcastSignal({ name: 'go' })).startedInstanceIds).toHaveLength(1);
    await clock.advanceBy(5 * 3_600_000);
    expect((await engine.searchInstances({ processId: 'by-timer' })).items.map((i) => i.startedAt)).toEqual([t0 + 3_600_000, t0 + 7_200_000]);
  });
});

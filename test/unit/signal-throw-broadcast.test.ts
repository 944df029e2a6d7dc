import { createInMemoryEngine, VirtualClock, type InMemoryEngine } from '@baton/memory';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * A signal thrown by an instance: its own open subscriptions react in the command
 * that threw it (core), so the broadcast that runs after the commit skips that
 * instance (runtime, `excludeInstanceId`) and still reaches every other instance
 * and the signal start events.
 */
const signal = '<bpmn:signalEventDefinition signalRef="sig" />';
const definitions = (processes: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
${processes}
<bpmn:signal id="sig" name="go" />
</bpmn:definitions>`;

const thrower = `<bpmn:process id="thrower" isExecutable="true">
  <bpmn:startEvent id="t-start" />
  <bpmn:endEvent id="t-announce">${signal}</bpmn:endEvent>
  <bpmn:sequenceFlow id="t1" sourceRef="t-start" targetRef="t-announce" />
  <bpmn:subProcess id="t-esp" triggeredByEvent="true">
    <bpmn:startEvent id="t-esp-start" isInterrupting="false">${signal}</bpmn:startEvent>
    <bpmn:serviceTask id="t-react"><bpmn:extensionElements><zeebe:taskDefinition type="react" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="t-esp-end" />
    <bpmn:sequenceFlow id="t2" sourceRef="t-esp-start" targetRef="t-react" />
    <bpmn:sequenceFlow id="t3" sourceRef="t-react" targetRef="t-esp-end" />
  </bpmn:subProcess>
</bpmn:process>`;

const waiter = `<bpmn:process id="waiter" isExecutable="true">
  <bpmn:startEvent id="w-start" />
  <bpmn:intermediateCatchEvent id="w-wait">${signal}</bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="w-end" />
  <bpmn:sequenceFlow id="w1" sourceRef="w-start" targetRef="w-wait" />
  <bpmn:sequenceFlow id="w2" sourceRef="w-wait" targetRef="w-end" />
</bpmn:process>`;

const starter = `<bpmn:process id="starter" isExecutable="true">
  <bpmn:startEvent id="s-start">${signal}</bpmn:startEvent>
  <bpmn:endEvent id="s-end" />
  <bpmn:sequenceFlow id="s1" sourceRef="s-start" targetRef="s-end" />
</bpmn:process>`;

describe('a signal thrown by an instance, broadcast after its commit', () => {
  let engine: InMemoryEngine;
  const errors: unknown[] = [];
  afterEach(async () => {
    await engine.close();
    expect(errors).toEqual([]);
  });

  it('reaches other instances and signal start events, and the thrower only once', async () => {
    // given an instance waiting for the signal
    engine = createInMemoryEngine({ clock: new VirtualClock(Date.UTC(2026, 0, 1)), onError: (e) => void errors.push(e) });
    await engine.deploy([{ name: 'signals.bpmn', xml: definitions([thrower, waiter, starter].join('\n')) }]);
    const other = await engine.startInstance({ processId: 'waiter' });
    // when an instance throws it, with its own signal event subprocess open
    const throwing = await engine.startInstance({ processId: 'thrower' });
    // then its event subprocess ran once (in the throwing command), not again through the broadcast
    const jobs = (await engine.searchJobs({ instanceId: throwing.instanceId })).items;
    expect(jobs.map((job) => job.elementId)).toEqual(['t-react']);
    // and the broadcast reached the other instance and the signal start event
    expect((await engine.getInstance(other.instanceId)).state.status).toBe('completed');
    expect((await engine.searchInstances({ processId: 'starter' })).items).toHaveLength(1);
  });
});

import { createInMemoryMessageBus } from '@baton/memory';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { createEngine, systemClock, type Engine, type JobWorker } from '@baton/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { deletePrefix, SkewedWallClock, uniquePrefix } from './redis-test-support.js';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://baton.test">
  <bpmn:process id="ship" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="charge" />
    <bpmn:serviceTask id="charge">
      <bpmn:extensionElements><zeebe:taskDefinition type="payments" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="cooling" />
    <bpmn:intermediateCatchEvent id="cooling">
      <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="cooling" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A DMN file and a process whose business rule task calls its decision (issue 16). */
const dmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="risk" name="Risk" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="riskClass" name="Risk class">
    <decisionTable id="table" hitPolicy="FIRST">
      <input id="in1" label="Amount"><inputExpression typeRef="number"><text>amount</text></inputExpression></input>
      <output id="out1" name="class" typeRef="string" />
      <rule id="high"><inputEntry><text>&gt;= 1000</text></inputEntry><outputEntry><text>"high"</text></outputEntry></rule>
      <rule id="low"><inputEntry><text>-</text></inputEntry><outputEntry><text>"low"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>`;

const decisionBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://baton.test">
  <bpmn:process id="assess" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="classify" />
    <bpmn:businessRuleTask id="classify">
      <bpmn:extensionElements><zeebe:calledDecision decisionId="riskClass" resultVariable="risk" /></bpmn:extensionElements>
    </bpmn:businessRuleTask>
    <bpmn:sequenceFlow id="f2" sourceRef="classify" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const clock = new SkewedWallClock();
const prefixes: string[] = [];
const running: { close(): Promise<void> }[] = [];

/** One engine node on the Redis store and BullMQ queue of `prefix`. */
async function node(prefix: string, nodeId: string, handlers: Readonly<Record<string, JobWorker>> = {}): Promise<Engine> {
  const url = inject('redisUrl');
  const store = await createRedisProcessStore({ url, prefix, onWarning: () => undefined });
  const queue = await createBullmqJobQueue({ url, prefix, onWarning: () => undefined });
  const bus = createInMemoryMessageBus({ clock: systemClock() });
  const engine = createEngine({ store, queue, bus, clock: systemClock(), nodeId, handlers, onError: (error) => errors.push(error) });
  running.push({
    close: async () => {
      await engine.close();
      await queue.close();
      await bus.close();
      await store.close();
    },
  });
  return engine;
}

const errors: unknown[] = [];
const statusOf = async (engine: Engine, instanceId: string) => (await engine.getInstance(instanceId)).state.status;

describe('engine on Redis and BullMQ', () => {
  let prefix: string;
  beforeAll(() => {
    clock.install((impl) => vi.spyOn(Date, 'now').mockImplementation(impl));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.close()));
    clock.reset();
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all(prefixes.map((p) => deletePrefix(p)));
  });
  const freshPrefix = () => {
    prefix = uniquePrefix();
    prefixes.push(prefix);
    return prefix;
  };

  it('runs a service task in process, then a timer, to completion', async () => {
    // given a node with a payments handler
    const engine = await node(freshPrefix(), 'n1', { payments: async (job) => ({ receipt: `r-${job.variables['amount'] as number}` }) });
    await engine.deploy([{ name: 'ship.bpmn', xml }]);
    // when an instance starts and its job is handled
    const { instanceId } = await engine.startInstance({ processId: 'ship', variables: { amount: 7 } });
    await vi.waitFor(async () => expect((await engine.searchJobs({ instanceId })).total).toBe(0));
    expect(await statusOf(engine, instanceId)).toBe('active');
    // then the timer holds it until an hour has passed
    await clock.advanceBy(3_600_000, prefix);
    await vi.waitFor(async () => expect(await statusOf(engine, instanceId)).toBe('completed'));
    const history = await engine.getHistory(instanceId, { limit: 1_000 });
    const completed = history.items.flatMap((e) => (e.event.type === 'ElementCompleted' ? [e.event.elementId] : []));
    expect(completed).toEqual(['start', 'charge', 'cooling', 'end']);
    expect((await engine.getInstance(instanceId)).state.variables['root']).toMatchObject({ receipt: 'r-7' });
  });

  it('completes through one node a job another node activated', async () => {
    // given two nodes sharing one Redis, neither with a handler
    const shared = freshPrefix();
    const [a, b] = [await node(shared, 'a'), await node(shared, 'b')];
    await a.deploy([{ name: 'ship.bpmn', xml }]);
    const { instanceId } = await a.startInstance({ processId: 'ship' });
    // when node a activates the job and node b completes it
    const [job] = await a.activateJobs({ type: 'payments', worker: 'w-a', maxJobs: 1, timeoutMs: 10_000 });
    expect(job).toMatchObject({ instanceId, elementId: 'charge' });
    await b.completeJob({ jobKey: job!.jobKey, variables: { paid: true } });
    // then the instance waits on its timer, seen alike by both nodes, and no job is left
    expect(await statusOf(a, instanceId)).toBe('active');
    expect((await a.getInstance(instanceId)).state.variables['root']).toMatchObject({ paid: true });
    await clock.advanceBy(10_000, shared);
    expect(await b.activateJobs({ type: 'payments', worker: 'w-b', maxJobs: 1, timeoutMs: 10_000 })).toEqual([]);
    await clock.advanceBy(3_600_000, shared);
    await vi.waitFor(async () => expect(await statusOf(b, instanceId)).toBe('completed'));
  });

  it('evaluates on one node a DMN decision another node deployed (issue 16)', async () => {
    // given node A deploys the DMN file and the process into one Redis store
    const shared = freshPrefix();
    const a = await node(shared, 'a');
    const b = await node(shared, 'b');
    await a.deploy([
      { name: 'risk.dmn', xml: dmn },
      { name: 'assess.bpmn', xml: decisionBpmn },
    ]);
    // when node B runs the process
    const { instanceId } = await b.startInstance({ processId: 'assess', variables: { amount: 5000 } });
    // then B read the decision from the store, evaluated it and recorded the evaluation
    const { state } = await b.getInstance(instanceId);
    expect(state.status).toBe('completed');
    expect(state.variables['root']).toMatchObject({ risk: 'high' });
    const history = (await b.getHistory(instanceId, { limit: 100 })).items.map((entry) => entry.event);
    expect(history.find((event) => event.type === 'DecisionEvaluated')).toMatchObject({ decisionId: 'riskClass', decisionVersion: 1, result: 'high' });
  });
});

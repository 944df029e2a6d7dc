import { createBusClient, createWorker, silentLogger, type BatonBusClient, type Worker } from '@baton/client';
import { createNatsMessageBus, type NatsMessageBus } from '@baton/nats';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { definitions, startBusNode, uniqueCluster, type BusNode } from './bus-api-support.js';

const xml = definitions(`  <bpmn:process id="bus-labels" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="print" />
    <bpmn:serviceTask id="print"><bpmn:extensionElements><zeebe:taskDefinition type="label-printer" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="print" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>`);

// Issue 14: an edge machine that reaches only the bus runs the worker SDK unchanged.
describe('an edge worker with only a bus connection (NATS)', () => {
  const cluster = uniqueCluster();
  let bus: NatsMessageBus;
  let served: BusNode;
  let edge: BatonBusClient;
  let worker: Worker | undefined;

  beforeAll(async () => {
    bus = await createNatsMessageBus({ url: inject('natsUrl') });
    served = await startBusNode(bus, cluster);
    edge = await createBusClient({ bus: inject('natsUrl'), cluster, timeoutMs: 20_000 });
  });
  afterAll(async () => {
    await worker?.close();
    await edge.close();
    await served.close();
    await bus.close();
  });

  it('answers other requests while a job activation long-polls, and hands the poll the job that arrives', async () => {
    // given an activation waiting for a job of a type nothing has yet
    await edge.deployResources({ xml: xml.replaceAll('label-printer', 'late-printer').replace('"bus-labels"', '"bus-late"'), name: 'bus-late.bpmn' });
    let isPollAnswered = false;
    const poll = edge.activateJobs({ type: 'late-printer', worker: 'edge-1', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 120_000 }).finally(() => {
      isPollAnswered = true;
    });
    // when other requests go to the same node meanwhile
    const topology = await edge.getTopology();
    const { processInstanceKey } = await edge.createProcessInstance({ processDefinitionId: 'bus-late' });
    // then they were answered while the poll still waited, and the poll got the new instance's job
    expect(topology.capabilities).toContain('store');
    expect(isPollAnswered).toBe(false);
    const jobs = await poll;
    expect(jobs.map((job) => job.processInstanceKey)).toEqual([processInstanceKey]);
    await edge.completeJob(jobs[0]!.jobKey);
  });

  it('completes the jobs of instances started while its long poll waits', async () => {
    // given a worker whose activation long-polls over the bus (nothing to do yet)
    const printed: string[] = [];
    worker = createWorker({
      client: edge,
      taskType: 'label-printer',
      requestTimeoutMs: 15_000,
      logger: silentLogger,
      handler: async (job) => {
        printed.push(String(job.variables['label']));
        return job.complete({ printedBy: 'edge-1' });
      },
    });
    await edge.deployResources({ xml, name: 'bus-labels.bpmn' });
    // when three instances start over the same bus (answered while the poll is held)
    const keys: string[] = [];
    for (const label of ['A-1', 'A-2', 'A-3']) keys.push((await edge.createProcessInstance({ processDefinitionId: 'bus-labels', variables: { label } })).processInstanceKey);
    // then the worker completed each job, and each instance ended with its variables
    for (const key of keys) {
      await vi.waitFor(async () => expect(await edge.getProcessInstance(key)).toMatchObject({ state: 'COMPLETED' }), { timeout: 20_000, interval: 50 });
    }
    expect(printed.sort()).toEqual(['A-1', 'A-2', 'A-3']);
    const found = await edge.searchProcessInstances({ filter: { processDefinitionId: 'bus-labels', state: 'COMPLETED' } });
    expect(found.items).toHaveLength(3);
  });
});

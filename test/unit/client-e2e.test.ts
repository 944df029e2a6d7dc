import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, createWorker, silentLogger, type BatonClient, type Worker } from '@baton/client';
import { startNode, type RunningNode } from '@baton/engine';

/** One service task of type `edge-check`, done by an external worker. */
const processXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                  id="edge-definitions" targetNamespace="http://baton.dev/test">
  <bpmn:process id="edge" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="check" name="Check on the edge">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="edge-check" retries="3" />
        <zeebe:taskHeaders><zeebe:header key="site" value="plant-7" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('@baton/client against a real engine node', () => {
  let node: RunningNode;
  let client: BatonClient;
  let worker: Worker | undefined;

  beforeEach(async () => {
    node = await startNode({ port: 0, logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false });
    client = createClient({ baseUrl: node.url });
  });
  afterEach(async () => {
    await worker?.close();
    await node.close();
  });

  it('a worker made with createWorker completes the job of a deployed process, which then completes', async () => {
    // given: the process deployed over HTTP and a worker for its job type
    const deployed = await client.deployResources({ resources: [{ name: 'edge.bpmn', content: processXml }] });
    expect(deployed.deployments).toMatchObject([{ processDefinition: { processDefinitionId: 'edge', processDefinitionVersion: 1 } }]);
    const seen: { site?: string; reading?: unknown }[] = [];
    worker = createWorker({
      client,
      taskType: 'edge-check',
      workerName: 'plant-7',
      logger: silentLogger,
      handler: async (job) => {
        seen.push({ site: job.customHeaders['site'], reading: job.variables['reading'] });
        return job.complete({ checked: true });
      },
    });
    // when: an instance starts and the caller waits for its end
    const started = await client.createProcessInstance({
      processDefinitionId: 'edge',
      variables: { reading: 42 },
      awaitCompletion: true,
      requestTimeout: 20_000,
    });
    // then
    expect(started).toMatchObject({ state: 'COMPLETED', hasIncident: false, variables: { reading: 42, checked: true } });
    expect(seen).toEqual([{ site: 'plant-7', reading: 42 }]);
    const instance = await client.getProcessInstance(started.processInstanceKey);
    expect(instance.state).toBe('COMPLETED');
    const history = await client.getProcessInstanceHistory(started.processInstanceKey);
    expect(history.items.length).toBeGreaterThan(0);
  });

  it('a handler that throws leaves the job retried, then an incident once retries run out', async () => {
    // given
    await client.deployResources({ xml: processXml, name: 'edge.bpmn' });
    worker = createWorker({
      client,
      taskType: 'edge-check',
      logger: silentLogger,
      handler: async () => {
        throw new Error('sensor offline');
      },
    });
    // when
    const started = await client.createProcessInstance({ processDefinitionId: 'edge', awaitCompletion: true, requestTimeout: 20_000 });
    // then: three attempts, each failing with retries - 1, end in an incident
    expect(started).toMatchObject({ state: 'ACTIVE', hasIncident: true });
    const incidents = await client.searchIncidents({ filter: { processInstanceKey: started.processInstanceKey } });
    expect(incidents.items).toMatchObject([{ elementId: 'check', errorMessage: 'sensor offline', state: 'ACTIVE' }]);
  });

  it('a job whose worker died mid-job times out and goes to another worker', async () => {
    // given: a first worker activated the job for 200 ms and then vanished (never reports)
    await client.deployResources({ xml: processXml, name: 'edge.bpmn' });
    const { processInstanceKey } = await client.createProcessInstance({ processDefinitionId: 'edge' });
    const [lost] = await client.activateJobs({ type: 'edge-check', worker: 'dead', timeout: 200, maxJobsToActivate: 1 });
    expect(lost?.processInstanceKey).toBe(processInstanceKey);
    // when: a second worker polls for the same type
    let completed = (): void => undefined;
    const handedOver = new Promise<void>((resolve) => {
      completed = resolve;
    });
    const seen: string[] = [];
    worker = createWorker({
      client,
      taskType: 'edge-check',
      workerName: 'alive',
      logger: silentLogger,
      handler: async (job) => {
        seen.push(`${job.jobKey}@${job.worker}`);
        const receipt = await job.complete({ by: 'alive' });
        completed();
        return receipt;
      },
    });
    await handedOver;
    // then: it got the same job once the deadline passed, and the instance completed
    expect(seen).toEqual([`${lost?.jobKey ?? ''}@alive`]);
    expect(await client.getProcessInstance(processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { by: 'alive' } });
  });

  it('maps the node\'s problem answers to BatonErrors with its codes', async () => {
    await expect(client.health()).resolves.toMatchObject({ status: 'UP', checks: { node: { status: 'UP' }, deployed: { status: 'UP' } } });
    const unknown = '99999999999999';
    await expect(client.getProcessInstance(unknown)).rejects.toMatchObject({ name: 'BatonError', code: 'INSTANCE_NOT_FOUND', details: { status: 404 } });
    await expect(client.completeJob(unknown)).rejects.toMatchObject({ code: 'JOB_NOT_OPEN', details: { status: 404, jobKey: unknown } });
    await expect(client.getProcessInstance('nope')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { status: 400 } });
    await expect(client.deployResources({ xml: '<not-bpmn/>' })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      details: { status: 400, problems: [expect.objectContaining({ code: 'XML_INVALID' })] },
    });
  });
});

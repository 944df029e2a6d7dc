import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { definitions } from './bus-api-support.js';
import type { ConformanceCalls } from './graphql-client.js';

/** The client calls the suite makes: a `BatonClient` (REST, the bus) has them all; GraphQL's door implements them. */
type BatonClient = ConformanceCalls;

/** One door to a node: a client, and what closes it (and the node behind it). */
export interface ClientDoor {
  readonly client: BatonClient;
  close(): Promise<void>;
}

const jobType = 'bus-conformance-charge';
const flakyType = 'bus-conformance-print';


/** Service task, user task, then a message: each family of the client in one instance. */
const orderXml = definitions(`  <bpmn:message id="msg-shipped" name="bus-shipped">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="bus-order" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="charge" />
    <bpmn:serviceTask id="charge">
      <bpmn:extensionElements><zeebe:taskDefinition type="${jobType}" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="approve" />
    <bpmn:userTask id="approve" />
    <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="shipped" />
    <bpmn:intermediateCatchEvent id="shipped">
      <bpmn:messageEventDefinition messageRef="msg-shipped" />
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="shipped" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>`);

const labelXml = definitions(`  <bpmn:process id="bus-label" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="print" />
    <bpmn:serviceTask id="print">
      <bpmn:extensionElements><zeebe:taskDefinition type="${flakyType}" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="print" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>`);

async function activateOne(client: BatonClient, type: string): Promise<string> {
  const jobs = await client.activateJobs({ type, worker: 'conformance', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 20_000 });
  expect(jobs).toHaveLength(1);
  return jobs[0]!.jobKey;
}

async function untilState(client: BatonClient, processInstanceKey: string, state: string): Promise<void> {
  await vi.waitFor(async () => expect(await client.getProcessInstance(processInstanceKey)).toMatchObject({ state }), { timeout: 15_000, interval: 50 });
}

/**
 * The client conformance suite of issue 14: the same `BatonClient` calls, whichever door
 * (`createClient` over REST, `/graphql`, `createBusClient` over NATS or Faye) `open` gives.
 */
export function clientConformance(door: string, open: () => Promise<ClientDoor>): void {
  describe(`BatonClient over ${door}`, () => {
    let opened: ClientDoor | undefined;
    const client = (): BatonClient => opened!.client;

    beforeAll(async () => {
      opened = await open();
      const multipart = await client().deployResources({ resources: [{ name: 'bus-order.bpmn', content: orderXml }] });
      const raw = await client().deployResources({ xml: labelXml, name: 'bus-label.bpmn' });
      expect([...multipart.deployments, ...raw.deployments].map((d) => ('processDefinition' in d ? d.processDefinition.processDefinitionId : ''))).toEqual(['bus-order', 'bus-label']);
    });
    afterAll(async () => {
      await opened?.close();
    });

    it('runs an instance through a job, a user task and a message, and finds it by search', async () => {
      // given a started instance
      const { processInstanceKey } = await client().createProcessInstance({ processDefinitionId: 'bus-order', variables: { orderId: `o-${door}` } });
      const found = await client().searchProcessInstances({ filter: { processInstanceKey } });
      expect(found.items.map((item) => [item.processInstanceKey, item.processDefinitionId, item.state])).toEqual([[processInstanceKey, 'bus-order', 'ACTIVE']]);
      // when its job is completed, its user task claimed and completed, and its message published
      await client().completeJob(await activateOne(client(), jobType), { charged: true });
      let userTaskKey = '';
      await vi.waitFor(async () => {
        const tasks = await client().searchUserTasks({ filter: { processInstanceKey } });
        expect(tasks.items).toHaveLength(1);
        userTaskKey = tasks.items[0]!.userTaskKey;
      }, { timeout: 15_000, interval: 50 });
      await client().assignUserTask(userTaskKey, 'demo');
      expect(await client().getUserTask(userTaskKey)).toMatchObject({ userTaskKey, assignee: 'demo' });
      await client().completeUserTask(userTaskKey, { approved: true });
      const publication = await client().publishMessage({ name: 'bus-shipped', correlationKey: `o-${door}`, timeToLive: 60_000 });
      expect(publication.messageKey).toMatch(/^\d+$/);
      // then the instance completed with the variables the calls set
      await untilState(client(), processInstanceKey, 'COMPLETED');
      expect(await client().getProcessDefinitionXml((await client().getProcessInstance(processInstanceKey)).processDefinitionKey)).toContain('bus-shipped');
    });

    it('shows an incident from a job failed without retries, and resolves it', async () => {
      // given a job failed with no retries left
      const { processInstanceKey } = await client().createProcessInstance({ processDefinitionId: 'bus-label' });
      await client().failJob(await activateOne(client(), flakyType), { retries: 0, errorMessage: 'printer jammed' });
      // when the incidents are searched
      let incidentKey = '';
      await vi.waitFor(async () => {
        const incidents = await client().searchIncidents({ filter: { processInstanceKey } });
        expect(incidents.items.map((incident) => incident.errorMessage)).toEqual(['printer jammed']);
        incidentKey = incidents.items[0]!.incidentKey;
      }, { timeout: 15_000, interval: 50 });
      // then it is resolved with a retry, and the retried job completes the instance
      await client().resolveIncident(incidentKey, 1);
      await client().completeJob(await activateOne(client(), flakyType));
      await untilState(client(), processInstanceKey, 'COMPLETED');
    });

    it('refuses as REST does: an unknown instance is INSTANCE_NOT_FOUND with status 404', async () => {
      await expect(client().getProcessInstance('2251799813685249')).rejects.toMatchObject({ name: 'BatonError', code: 'INSTANCE_NOT_FOUND', details: { status: 404 } });
      await expect(client().completeJob('2251799813685249')).rejects.toMatchObject({ details: { status: 404 } });
    });
  });
}

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createBusClient, type BatonClient } from '@baton/client';
import { createInMemoryMessageBus } from '@baton/memory';
import { systemClock } from '@baton/runtime';
import { describe, expect, it } from 'vitest';
import { busOperations, matchesPath } from '../../services/engine/src/bus-api/bus-operations.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const key = '2251799813685249';

/** Every BatonClient method, called once (a new method fails to compile here until it is added). */
const calls: Record<Exclude<keyof BatonClient, 'baseUrl'>, (client: BatonClient) => Promise<unknown>> = {
  deployResources: (c) => c.deployResources({ xml: '<definitions/>' }),
  listProcessDefinitions: (c) => c.listProcessDefinitions(),
  searchProcessDefinitions: (c) => c.searchProcessDefinitions(),
  getProcessDefinition: (c) => c.getProcessDefinition(key),
  getProcessDefinitionXml: (c) => c.getProcessDefinitionXml(key),
  createProcessInstance: (c) => c.createProcessInstance({ processDefinitionId: 'p' }),
  searchProcessInstances: (c) => c.searchProcessInstances(),
  getProcessInstance: (c) => c.getProcessInstance(key),
  getProcessInstanceHistory: (c) => c.getProcessInstanceHistory(key),
  getProcessInstanceCallHierarchy: (c) => c.getProcessInstanceCallHierarchy(key),
  getProcessInstanceSequenceFlows: (c) => c.getProcessInstanceSequenceFlows(key),
  getProcessInstanceStatistics: (c) => c.getProcessInstanceStatistics(key),
  searchProcessInstanceIncidents: (c) => c.searchProcessInstanceIncidents(key),
  cancelProcessInstance: (c) => c.cancelProcessInstance(key),
  correlateMessage: (c) => c.correlateMessage({ name: 'm' }),
  publishMessage: (c) => c.publishMessage({ name: 'm' }),
  searchMessageSubscriptions: (c) => c.searchMessageSubscriptions(),
  broadcastSignal: (c) => c.broadcastSignal({ signalName: 's' }),
  activateJobs: (c) => c.activateJobs({ type: 't', timeout: 1, maxJobsToActivate: 1 }),
  completeJob: (c) => c.completeJob(key),
  failJob: (c) => c.failJob(key, {}),
  throwJobError: (c) => c.throwJobError(key, { errorCode: 'e' }),
  updateJob: (c) => c.updateJob(key, { changeset: { retries: 1 } }),
  searchJobs: (c) => c.searchJobs(),
  searchUserTasks: (c) => c.searchUserTasks(),
  getUserTask: (c) => c.getUserTask(key),
  updateUserTask: (c) => c.updateUserTask(key, { priority: 1 }),
  assignUserTask: (c) => c.assignUserTask(key, 'demo'),
  unassignUserTask: (c) => c.unassignUserTask(key),
  completeUserTask: (c) => c.completeUserTask(key),
  getUserTaskForm: (c) => c.getUserTaskForm(key),
  searchUserTaskVariables: (c) => c.searchUserTaskVariables(key),
  searchIncidents: (c) => c.searchIncidents(),
  getIncident: (c) => c.getIncident(key),
  resolveIncident: (c) => c.resolveIncident(key),
  getTopology: (c) => c.getTopology(),
  health: (c) => c.health(),
};

// Issue 14: the client and the node name each operation alike, so no client call misses over the bus.
describe('the bus client API names', () => {
  it('sends every BatonClient call on a subject the node serves, with that operation\'s method and path', async () => {
    // given a bus that records each request and answers 200
    const bus = createInMemoryMessageBus({ clock: systemClock() });
    const requests: { operationId: string; method: string; path: string }[] = [];
    await bus.subscribe('baton.names.api.*', (message) => {
      const { method, path } = message.data as { method: string; path: string };
      requests.push({ operationId: message.subject.slice('baton.names.api.'.length), method, path });
      message.respond?.({ v: 1, status: 200, nodeId: 'n', contentType: 'application/json', body: { jobs: [] } });
    });
    const client = await createBusClient({ bus, cluster: 'names' });
    // when every method is called
    for (const call of Object.values(calls)) await call(client);
    // then each went out under a name whose route (as the node knows it) is its method and path
    expect(requests).toHaveLength(Object.keys(calls).length);
    const mismatched = requests.filter(({ operationId, method, path }) => {
      const served = busOperations.get(operationId);
      return served === undefined || served.method !== method || !matchesPath(served.path, path);
    });
    expect(mismatched).toEqual([]);
    await bus.close();
  });

  it('leaves @baton/client bundling for a browser: the NATS and Faye adapters are not pulled in', async () => {
    const stdin = { contents: "export { createBusClient } from './index.ts';", resolveDir: `${root}shared/client/src`, loader: 'ts' as const };
    const { metafile } = await build({ stdin, bundle: true, write: false, metafile: true, platform: 'browser', format: 'esm', conditions: ['source'], logLevel: 'silent' });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('shared/client/src/bus-client.ts');
    expect(inputs.filter((input) => /shared\/(nats|faye)\/|node_modules\/(nats|faye)\//.test(input))).toEqual([]);
  });
});

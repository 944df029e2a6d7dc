import { createBusClient, createClient, type BatonClient } from '@baton/client';
import { createNatsMessageBus, type NatsMessageBus } from '@baton/nats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../../services/engine/src/auth/api-key.js';
import { definitions, startBusNode, uniqueCluster, type BusNode } from './bus-api-support.js';

const xml = definitions('  <bpmn:process id="bus-authz" isExecutable="true"><bpmn:startEvent id="start" /></bpmn:process>');

type Credentials = { readonly apiKey?: string; readonly bearerToken?: string };

/** What a refused call rejected with, in the fields a caller branches on. */
async function refusal(call: Promise<unknown>): Promise<{ code: unknown; status: unknown }> {
  const error = await call.then(
    () => ({ code: 'NONE', details: { status: 'answered' } }),
    (reason: { code?: unknown; details?: { status?: unknown } }) => reason,
  );
  return { code: error.code, status: error.details?.status };
}

// Issue 14: the bus is no side door. Each refusal over the bus is REST's, code and status.
describe('authorization over the bus (NATS)', () => {
  const admin = createApiKey('bus-admin');
  const printer = createApiKey('bus-printer');
  const cluster = uniqueCluster();
  let bus: NatsMessageBus;
  let served: BusNode;
  const busClients: { close(): Promise<void> }[] = [];

  const rest = (credentials: Credentials): BatonClient => createClient({ baseUrl: served.node.url, ...credentials });
  const overBus = async (credentials: Credentials): Promise<BatonClient> => {
    const client = await createBusClient({ bus: inject('natsUrl'), cluster, timeoutMs: 20_000, ...credentials });
    busClients.push(client);
    return client;
  };

  beforeAll(async () => {
    bus = await createNatsMessageBus({ url: inject('natsUrl') });
    served = await startBusNode(bus, cluster, {
      auth: {
        identity: {
          users: [],
          groups: [],
          apiKeys: [
            { keyId: 'bus-admin', hash: admin.hash, roles: ['admin'], jobTypes: ['*'] },
            { keyId: 'bus-printer', hash: printer.hash, roles: ['worker'], jobTypes: ['label-printer'] },
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await Promise.all(busClients.map((client) => client.close()));
    await served.close();
    await bus.close();
  });

  const cases: readonly { readonly name: string; readonly credentials: Credentials; readonly call: (client: BatonClient) => Promise<unknown>; readonly expected: { code: string; status: number } }[] = [
    { name: 'a worker key deploying', credentials: { bearerToken: printer.key }, call: (c) => c.deployResources({ xml }), expected: { code: 'FORBIDDEN', status: 403 } },
    {
      name: 'a worker key activating a job type it does not hold',
      credentials: { bearerToken: printer.key },
      call: (c) => c.activateJobs({ type: 'payments', timeout: 1_000, maxJobsToActivate: 1, requestTimeout: -1 }),
      expected: { code: 'FORBIDDEN', status: 403 },
    },
    { name: 'no credentials', credentials: {}, call: (c) => c.searchProcessInstances(), expected: { code: 'UNAUTHENTICATED', status: 401 } },
    { name: 'an unknown API key', credentials: { bearerToken: `${printer.key}x` }, call: (c) => c.searchProcessInstances(), expected: { code: 'UNAUTHENTICATED', status: 401 } },
    { name: 'a bearer token the node cannot verify', credentials: { bearerToken: 'not-a-jwt' }, call: (c) => c.searchProcessInstances(), expected: { code: 'UNAUTHENTICATED', status: 401 } },
  ];

  for (const { name, credentials, call, expected } of cases) {
    it(`refuses ${name} as REST does`, async () => {
      const overRest = await refusal(call(rest(credentials)));
      const overTheBus = await refusal(call(await overBus(credentials)));
      expect(overRest).toEqual(expected);
      expect(overTheBus).toEqual(overRest);
    });
  }

  it('takes the apiKey option as the node takes API keys (a bearer token): the worker key is refused a deployment, not unknown', async () => {
    expect(await refusal((await overBus({ apiKey: printer.key })).deployResources({ xml }))).toEqual({ code: 'FORBIDDEN', status: 403 });
  });

  it('lets the admin key deploy over the bus, and the worker key activate its own job type', async () => {
    const deployed = await (await overBus({ bearerToken: admin.key })).deployResources({ xml, name: 'bus-authz.bpmn' });
    expect(deployed.deployments).toHaveLength(1);
    expect(await (await overBus({ bearerToken: printer.key })).activateJobs({ type: 'label-printer', timeout: 1_000, maxJobsToActivate: 1, requestTimeout: -1 })).toEqual([]);
  });
});

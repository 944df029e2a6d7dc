import { randomUUID } from 'node:crypto';
import { createClient } from '@baton/client';
import { createFayeMessageBus, createFayeServer } from '@baton/faye';
import { createInMemoryMessageBus } from '@baton/memory';
import { createNatsMessageBus } from '@baton/nats';
import { systemClock } from '@baton/runtime';
import { inject } from 'vitest';
import { busDoor, startBusNode, uniqueCluster } from './bus-api-support.js';
import { clientConformance } from './client-conformance.js';
import { graphqlClient } from './graphql-client.js';

// Issue 14: one client suite, three doors (REST, GraphQL, the bus); the bus doors on a real nats-server and a real Faye endpoint.
clientConformance('REST', async () => {
  const bus = createInMemoryMessageBus({ clock: systemClock() });
  const served = await startBusNode(bus, uniqueCluster());
  return {
    client: createClient({ baseUrl: served.node.url }),
    close: async () => {
      await served.close();
      await bus.close();
    },
  };
});

clientConformance('GraphQL', async () => {
  const bus = createInMemoryMessageBus({ clock: systemClock() });
  const served = await startBusNode(bus, uniqueCluster());
  return {
    client: graphqlClient(served.node.url),
    close: async () => {
      await served.close();
      await bus.close();
    },
  };
});

clientConformance('the bus on NATS', async () => {
  const natsUrl = inject('natsUrl');
  return busDoor(await createNatsMessageBus({ url: natsUrl }), { bus: natsUrl });
});

clientConformance('the bus on Faye', async () => {
  const token = `t-${randomUUID()}`;
  const faye = await createFayeServer({ port: 0, token });
  return busDoor(await createFayeMessageBus({ url: faye.url, token }), { bus: `faye+${faye.url}`, fayeToken: token }, () => faye.close());
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from 'graphql-ws';
import { authHarness, login, password, type AuthHarness } from '../auth/__fixtures__/auth-harness.js';
import { record, wsClient } from './__fixtures__/graphql-ws-client.js';

/** Waits on a condition, long enough for a loaded machine (each change is a bus message and a REST re-read). */
const eventually = (check: () => void): Promise<void> => vi.waitFor(check, { timeout: 15_000, interval: 20 });

interface InstanceEvent {
  processInstance: { state: string; userTasks: { elementId: string }[] };
}
interface TasksEvent {
  userTasks: { elementId: string; assignee: string | null }[];
}
interface IncidentsEvent {
  incidents: { errorMessage: string; processInstanceKey: string }[];
}

/** Subscriptions over WebSocket (graphql-ws) on one node with auth: each event is the subscriber's own authorized read. */
// Each step waits on a WebSocket event: generous on a loaded 2-core machine.
describe('GraphQL subscriptions', { timeout: 60_000 }, () => {
  let h: AuthHarness;
  let clients: Client[];
  /** A client logged in as `username`: its session cookie on the upgrade request, the CSRF token in connection_init. */
  const clientOf = async (username: string): Promise<Client> => {
    const session = await login(h.url, username);
    const client = wsClient(`${h.url.replace('http', 'ws')}/graphql`, { cookie: session.cookie }, { headers: { 'x-csrf-token': session.csrfToken } });
    clients.push(client);
    return client;
  };
  beforeEach(async () => {
    h = await authHarness();
    clients = [];
  });
  afterEach(async () => {
    for (const client of clients) await client.dispose();
    await h.close();
  });

  /** Completes the charge-card job of `key`: the instance moves on to its user tasks. */
  const charge = async (): Promise<void> => {
    const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await h.engine.completeJob(job?.jobKey ?? '', {});
  };

  it('sends an instance\'s state at once and after each change, with its user tasks appearing', async () => {
    // given
    const key = await h.startPay();
    const events = record<InstanceEvent>(await clientOf('oscar'), 'subscription ($key: ID!) { processInstance(key: $key) { state userTasks { elementId } } }', { key });
    await eventually(() => expect(events.events).toEqual([{ processInstance: { state: 'ACTIVE', userTasks: [] } }]));
    // when
    await charge();
    // then
    await eventually(() => expect(events.events.at(-1)).toEqual({ processInstance: { state: 'ACTIVE', userTasks: [{ elementId: 'approve' }, { elementId: 'check' }] } }));
    // when
    await h.engine.cancelInstance(key);
    // then
    await eventually(() => expect(events.events.at(-1)?.processInstance.state).toBe('TERMINATED'));
    expect(events.errors).toEqual([]);
  });

  it('gives each user their live task list only: tasks appearing, claimed, completed', async () => {
    // given
    await h.startPay();
    const mia = record<TasksEvent>(await clientOf('mia'), 'subscription { userTasks { elementId assignee } }');
    const uma = record<TasksEvent>(await clientOf('uma'), 'subscription { userTasks { elementId assignee } }');
    await eventually(() => expect(mia.events).toEqual([{ userTasks: [] }]));
    // when
    await charge();
    // then
    await eventually(() => expect(mia.events.at(-1)).toEqual({ userTasks: [{ elementId: 'approve', assignee: null }] }));
    // when
    const [task] = (await h.engine.searchUserTasks({ filter: { elementId: 'approve' } })).items;
    await h.engine.assignUserTask(task?.userTaskKey ?? '', { assignee: 'mia' });
    // then
    await eventually(() => expect(mia.events.at(-1)).toEqual({ userTasks: [{ elementId: 'approve', assignee: 'mia' }] }));
    // when
    await h.engine.completeUserTask(task?.userTaskKey ?? '', {});
    // then
    await eventually(() => expect(mia.events.at(-1)).toEqual({ userTasks: [] }));
    expect(uma.events).toEqual([{ userTasks: [] }]);
  });

  it('refuses a subscription over the limits before it starts', async () => {
    // given
    const key = await h.startPay();
    const client = await clientOf('oscar');
    // when
    const deep = record(client, 'subscription ($key: ID!) { processInstance(key: $key) { userTasks { processInstance { userTasks { processInstance { userTasks { processInstance { processDefinition { version } } } } } } } } }', { key });
    const largePage = record(client, 'subscription ($key: ID!, $page: PageInput) { processInstance(key: $key) { elementInstances(page: $page) { items { elementId } } } }', { key, page: { limit: 1000 } });
    // then
    await eventually(() => expect(deep.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'VALIDATION_FAILED', limit: 'depth' }) })]));
    await eventually(() => expect(largePage.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'VALIDATION_FAILED', limit: 'pageSize' }) })]));
    expect([...deep.events, ...largePage.events]).toEqual([]);
  });

  it('refuses a subscriber what REST refuses them, and sends operators new incidents', async () => {
    // given
    const key = await h.startPay();
    const refused = record(await clientOf('uma'), 'subscription ($key: ID!) { processInstance(key: $key) { state } }', { key });
    // Credentials in connection_init only (HTTP Basic), as a client that cannot set upgrade headers sends them.
    const basic = wsClient(`${h.url.replace('http', 'ws')}/graphql`, {}, { headers: { authorization: `Basic ${Buffer.from(`oscar:${password}`).toString('base64')}` } });
    clients.push(basic);
    const incidents = record<IncidentsEvent>(basic, 'subscription { incidents { errorMessage processInstanceKey } }');
    await eventually(() => expect(incidents.events).toEqual([{ incidents: [] }]));
    // when
    const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1 });
    await h.engine.failJob(job?.jobKey ?? '', { retries: 0, errorMessage: 'card declined', retryBackOffMs: 0 });
    // then
    await eventually(() => expect(incidents.events.at(-1)).toEqual({ incidents: [{ errorMessage: 'card declined', processInstanceKey: key }] }));
    await eventually(() => expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]));
    expect(refused.events).toEqual([]);
  });
});

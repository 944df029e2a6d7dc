/**
 * Issue 17: an edge node whose ProcessStore is a central Baton node
 * (`baton serve --store baton+http://central`): its own job handler and timer run on the
 * edge while the state is on the central node (on Redis); with the central node stopped
 * the edge answers STORE_UNAVAILABLE and nothing is half-applied.
 */
import { randomUUID } from 'node:crypto';
import { startRedis, type RunningServer } from '@baton/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, stop, type ServedNode } from '../../compat/serve-node.js';
import { bundleBatonCli } from '../deploy/bundle-cli.js';
import { centralNode, fixtures } from './proxy-support.js';

interface Instance {
  readonly state: string;
  readonly variables?: Record<string, unknown>;
}
interface History {
  readonly items: readonly { readonly type: string; readonly elementId?: string }[];
}
interface Tasks {
  readonly items: readonly { readonly userTaskKey: string; readonly elementId: string }[];
}

let cli = '';
let redis: RunningServer | undefined;
let edge: ServedNode | undefined;
const central = centralNode(() => cli, () => ['--store', redis?.url ?? '', '--queue', redis?.url ?? '', '--cluster', `proxy-${randomUUID()}`]);

beforeAll(async () => {
  [cli, redis] = await Promise.all([bundleBatonCli(), startRedis()]);
  await central.start();
  // The edge: its own handler and deployment, no identity (loopback only), state on the central node.
  edge = await serve(cli, ['--node-id', 'edge', '--store', `baton+${central.url()}`, '--handlers', `${fixtures}edge-handlers.js`, '--deploy', fixtures], {
    BATON_STORE_API_KEY: central.storeKey,
    BATON_NODE_ID: 'edge',
  });
}, 120_000);

afterAll(async () => {
  await stop(edge?.child);
  await central.stop();
  await redis?.stop();
  central.dispose();
});

async function onEdge(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${edge?.url ?? ''}${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
}

/** Polls (the central node, or the edge about it) until `found` returns a value (no sleeps in assertions: a condition, generously bounded). */
async function untilCentral<T>(what: string, found: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} on the central node`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openTask(instanceKey: string): Promise<string | undefined> {
  const tasks = await central.read<Tasks>('/v2/user-tasks/search', { filter: { processInstanceKey: instanceKey } });
  return tasks.body.items.find((task) => task.elementId === 'approve')?.userTaskKey;
}

describe('an edge node on a proxy store', () => {
  let instanceKey = '';
  let taskKey = '';

  it('runs its job handler and timer locally, and the central node holds the state', async () => {
    // when an instance starts on the edge
    const started = await onEdge('POST', '/v2/process-instances', { processDefinitionId: 'edge-work' });
    expect(started.status, await started.clone().text()).toBe(200);
    instanceKey = ((await started.json()) as { processInstanceKey: string }).processInstanceKey;
    // then the central node sees it reach the user task: the edge's handler ran and its timer fired
    taskKey = await untilCentral('the user task', () => openTask(instanceKey));
    const instance = await central.read<Instance>(`/v2/process-instances/${instanceKey}`);
    expect(instance.body).toMatchObject({ state: 'ACTIVE', variables: { measuredOn: 'edge', value: 42 } });
    const history = await central.read<History>(`/v2/process-instances/${instanceKey}/history`);
    expect(history.body.items.map((e) => e.type)).toEqual(expect.arrayContaining(['JobCompleted', 'TimerFired', 'UserTaskCreated']));
  });

  it('answers STORE_UNAVAILABLE while the central node is down, applies nothing, and goes on once it is back', async () => {
    // given the instance waiting on its task, as the central node holds it
    const before = await central.read<History>(`/v2/process-instances/${instanceKey}/history`);
    const instancesBefore = await central.read<{ page: { totalItems: number } }>('/v2/process-instances/search', {});
    // when the central node stops
    await central.stop();
    // then the edge refuses a completion and a start with STORE_UNAVAILABLE
    const completion = await onEdge('POST', `/v2/user-tasks/${taskKey}/completion`, { variables: { approved: true } });
    expect(completion.status).toBe(503);
    expect(await completion.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const start = await onEdge('POST', '/v2/process-instances', { processDefinitionId: 'edge-work' });
    expect(start.status).toBe(503);
    expect(await start.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    // and its readiness says the store is down
    await untilCentral('the edge to report not ready', async () => ((await onEdge('GET', '/health/ready')).status === 503 ? true : undefined));
    // and once the central node is back, nothing of them was applied
    await central.start();
    await untilCentral('the edge to report ready', async () => ((await onEdge('GET', '/health/ready')).status === 200 ? true : undefined));
    expect((await central.read<History>(`/v2/process-instances/${instanceKey}/history`)).body.items).toEqual(before.body.items);
    expect(await openTask(instanceKey)).toBe(taskKey);
    expect((await central.read<{ page: { totalItems: number } }>('/v2/process-instances/search', {})).body.page.totalItems).toBe(instancesBefore.body.page.totalItems);
    // and the edge completes the task now
    const retried = await onEdge('POST', `/v2/user-tasks/${taskKey}/completion`, { variables: { approved: true } });
    expect(retried.status, await retried.clone().text()).toBe(204);
    const ended = await untilCentral('the instance to complete', async () => {
      const { body } = await central.read<Instance>(`/v2/process-instances/${instanceKey}`);
      return body.state === 'COMPLETED' ? body : undefined;
    });
    expect(ended.variables).toMatchObject({ approved: true, measuredOn: 'edge' });
  });
});

import { createClient } from '@baton/client';
import { createNatsMessageBus, type NatsMessageBus } from '@baton/nats';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { run } from '../../../services/cli/src/run.js';
import { definitions, startBusNode, uniqueCluster, type BusNode } from './bus-api-support.js';

const xml = definitions(`  <bpmn:process id="bus-cli" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review the order" />
  </bpmn:process>`);

async function baton(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

// Issue 14: `baton --bus nats://… tasks` drives the cluster over the bus.
describe('the CLI over the bus (NATS)', () => {
  const cluster = uniqueCluster();
  let bus: NatsMessageBus;
  let served: BusNode;
  let processInstanceKey = '';

  beforeAll(async () => {
    bus = await createNatsMessageBus({ url: inject('natsUrl') });
    served = await startBusNode(bus, cluster);
    const rest = createClient({ baseUrl: served.node.url });
    await rest.deployResources({ xml, name: 'bus-cli.bpmn' });
    processInstanceKey = (await rest.createProcessInstance({ processDefinitionId: 'bus-cli' })).processInstanceKey;
    await vi.waitFor(async () => expect((await rest.searchUserTasks({ filter: { processInstanceKey } })).items).toHaveLength(1), { timeout: 15_000, interval: 50 });
  });
  afterAll(async () => {
    await served.close();
    await bus.close();
  });

  it('lists the open tasks with --bus before the command and after it', async () => {
    const before = await baton('--bus', inject('natsUrl'), 'tasks', '--cluster', cluster);
    const after = await baton('tasks', '--bus', inject('natsUrl'), '--cluster', cluster, '--json');
    expect(before).toMatchObject({ code: 0, stderr: '' });
    expect(before.stdout).toMatch(new RegExp(`review\\s+Review the order\\s+-\\s+-\\s+${processInstanceKey}`));
    expect(JSON.parse(after.stdout)).toMatchObject({ items: [{ elementId: 'review', processInstanceKey }] });
  });

  it('exits 3 naming the bus when no node of the cluster answers', async () => {
    const result = await baton('--bus', inject('natsUrl'), 'tasks', '--cluster', uniqueCluster());
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^baton tasks: no Baton node answered over the bus at nats:\/\/.*searchUserTasks/);
  });

  it('leaves `baton serve --bus` to serve', async () => {
    const result = await baton('serve', '--bus', 'amqp://nowhere', '--port', '0');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('"amqp://nowhere"');
  });
});

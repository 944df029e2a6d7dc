import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { untilInstance } from './__fixtures__/until-instance.js';
import { startNode } from './start-node.js';

const examples = fileURLToPath(new URL('../examples', import.meta.url));
const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;

const until = untilInstance;

describe('startNode', () => {
  it('refuses an adapter it does not support, naming the option and what is supported', async () => {
    await expect(startNode({ ...quiet, store: 'redis' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/"store".*BATON_STORE.*"redis".*supported: memory/),
    });
  });

  it('refuses a handlers module whose values are not functions', async () => {
    const file = fileURLToPath(new URL('./__fixtures__/bad-handlers.js', import.meta.url));
    await expect(startNode({ ...quiet, handlersModule: file })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('"charge-card"') });
  });

  it('runs the example order process end to end over a real socket, then stops', async () => {
    // given: a node with the examples deployed and their handlers in-process
    const lines: string[] = [];
    const node = await startNode({ ...quiet, print: (line) => lines.push(line), deployDir: examples, handlersModule: `${examples}/handlers.js` });
    try {
      expect(lines[0]).toContain(node.url);
      expect(node.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${node.url}/health/ready`)).status).toBe(200);
      const topology = (await (await fetch(`${node.url}/v2/topology`)).json()) as { capabilities: string[] };
      expect(topology.capabilities).toEqual(expect.arrayContaining(['reserve-stock', 'charge-card', 'ship-order']));
      // when: an order over 100 starts
      const started = await fetch(`${node.url}/v2/process-instances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ processDefinitionId: 'order', variables: { amount: 150 } }),
      });
      expect(started.status).toBe(200);
      const { processInstanceKey: key } = (await started.json()) as { processInstanceKey: string };
      // then: it waits for approval after the handler reserved stock
      const waiting = await until(node, key, (v) => v.waiting.some((w) => w.kind === 'userTask'));
      expect(waiting.variables).toMatchObject({ reserved: true });
      const userTaskKey = waiting.waiting.find((w) => w.kind === 'userTask')?.userTaskKey ?? '';
      // when: a manager approves
      const completed = await fetch(`${node.url}/v2/user-tasks/${userTaskKey}/completion`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: { approved: true } }),
      });
      expect(completed.status).toBe(204);
      // then: the card is charged, the timer fires, the order ships
      const done = await until(node, key, (v) => v.state !== 'ACTIVE' || v.hasIncident);
      expect(done).toMatchObject({ state: 'COMPLETED', variables: { approved: true, receipt: `r-${key}`, trackingNumber: `TRACK-${key}` } });
    } finally {
      await node.close();
    }
    await expect(fetch(`${node.url}/health/live`)).rejects.toThrow();
  }, 60_000); // a 2 s warehouse timer, on a machine that may be busy

  it('rejects an example order when the manager unticks "approved" on its form: stock released, nothing charged or shipped', async () => {
    // given: the example node and an order that needs approval
    const node = await startNode({ ...quiet, deployDir: examples, handlersModule: `${examples}/handlers.js` });
    try {
      const started = await fetch(`${node.url}/v2/process-instances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ processDefinitionId: 'order', variables: { amount: 300 } }),
      });
      const { processInstanceKey: key } = (await started.json()) as { processInstanceKey: string };
      const waiting = await until(node, key, (v) => v.waiting.some((w) => w.kind === 'userTask'));
      const userTaskKey = waiting.waiting.find((w) => w.kind === 'userTask')?.userTaskKey ?? '';
      // then: the approval form deployed with the model asks for the decision
      const form = (await (await fetch(`${node.url}/v2/user-tasks/${userTaskKey}/form`)).json()) as { formId: string; schema: { components: { key?: string; type: string }[] } };
      expect(form.formId).toBe('order-approval');
      expect(form.schema.components).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'approved', type: 'checkbox' })]));
      // when: the manager rejects it
      const completed = await fetch(`${node.url}/v2/user-tasks/${userTaskKey}/completion`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: { approved: false, comment: 'over budget' } }),
      });
      expect(completed.status).toBe(204);
      // then: the order ends rejected with its stock released, never charged or shipped
      const done = await until(node, key, (v) => v.state !== 'ACTIVE' || v.hasIncident);
      expect(done).toMatchObject({ state: 'COMPLETED', variables: { approved: false, reserved: false } });
      expect(done.variables).not.toHaveProperty('receipt');
      expect(done.variables).not.toHaveProperty('trackingNumber');
      const history = (await (await fetch(`${node.url}/v2/process-instances/${key}/history`)).json()) as { items?: { elementId?: string }[] } | { elementId?: string }[];
      const elements = (Array.isArray(history) ? history : history.items ?? []).map((event) => event.elementId);
      expect(elements).toContain('order-rejected');
      expect(elements).not.toContain('charge-card');
    } finally {
      await node.close();
    }
  }, 60_000);
});

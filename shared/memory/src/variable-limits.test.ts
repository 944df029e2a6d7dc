import { readFileSync } from 'node:fs';
import { isBatonError } from '@baton/errors';
import { JobBpmnError, type JobWorker } from '@baton/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryEngine, type InMemoryEngine } from './create-in-memory-engine.js';

/** Issue 12, finding 2, below HTTP: every Engine door and in-process workers keep variables within the limits. */

const order = { name: 'order.bpmn', xml: readFileSync(new URL('./__fixtures__/bpmn/order.bpmn', import.meta.url), 'utf8') };
const limits = { maxDepth: 8, maxBytes: 4096, maxEntries: 50 };

function nested(levels: number): Record<string, unknown> {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value as Record<string, unknown>;
}

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (isBatonError(error)) return `${error.code}:${String(error.details['limit'])}`;
    throw error;
  }
  return 'accepted';
}

describe('variable limits on the Engine', () => {
  let engine: InMemoryEngine;
  afterEach(() => engine.close());

  /** An order instance waiting in its service task `charge` (type payments), the user task done. */
  async function atCharge(handlers: Readonly<Record<string, JobWorker>> = {}): Promise<string> {
    engine = createInMemoryEngine({ variableLimits: limits, handlers });
    await engine.deploy([order]);
    const { instanceId } = await engine.startInstance({ processId: 'order', variables: { amount: 1 } });
    const [task] = (await engine.searchUserTasks({ instanceId })).items;
    await engine.completeUserTask({ userTaskKey: task!.userTaskKey, variables: { approved: true } });
    return instanceId;
  }

  it('refuses, at each door, variables over a limit, before anything is stored', async () => {
    // given
    const instanceId = await atCharge();
    const [job] = await engine.activateJobs({ type: 'payments', worker: 'w', maxJobs: 1, timeoutMs: 60_000 });
    const historyBefore = (await engine.getHistory(instanceId)).items.length;
    const deep = { deep: nested(10_000) };
    // when / then
    expect(await codeOf(engine.startInstance({ processId: 'order', variables: deep }))).toBe('VARIABLE_LIMIT_EXCEEDED:maxDepth');
    expect(await codeOf(engine.completeJob({ jobKey: job!.jobKey, variables: deep }))).toBe('VARIABLE_LIMIT_EXCEEDED:maxDepth');
    expect(await codeOf(engine.failJob({ jobKey: job!.jobKey, retries: 1, errorMessage: 'x', variables: { s: 'x'.repeat(5000) } }))).toBe(
      'VARIABLE_LIMIT_EXCEEDED:maxBytes',
    );
    expect(await codeOf(engine.throwError({ jobKey: job!.jobKey, errorCode: 'E', variables: deep }))).toBe('VARIABLE_LIMIT_EXCEEDED:maxDepth');
    const wide = { list: Array.from({ length: 51 }, () => 0) };
    expect(await codeOf(engine.publishMessage({ name: 'm', correlationKey: 'k', timeToLiveMs: 60_000, variables: wide }))).toBe(
      'VARIABLE_LIMIT_EXCEEDED:maxEntries',
    );
    expect(await codeOf(engine.broadcastSignal({ name: 's', variables: deep }))).toBe('VARIABLE_LIMIT_EXCEEDED:maxDepth');
    expect((await engine.getHistory(instanceId)).items.length).toBe(historyBefore);
    expect((await engine.searchInstances({})).total).toBe(1);
    // and within the limits the job completes
    expect(await codeOf(engine.completeJob({ jobKey: job!.jobKey, variables: nested(7) }))).toBe('accepted');
  });

  it.each([
    ['returns', async () => ({ deep: nested(20) })],
    ['throws a BPMN error with', async () => Promise.reject(new JobBpmnError('E', 'no', { deep: nested(20) }))],
  ])('an in-process handler that %s variables over a limit: an incident naming the limit, nothing stored', async (_what, handler) => {
    // when
    const instanceId = await atCharge({ payments: handler });
    // then
    await expect.poll(async () => (await engine.getInstance(instanceId)).state.incidents, { timeout: 60_000 }).not.toEqual({});
    const { state } = await engine.getInstance(instanceId);
    const [incident] = Object.values(state.incidents);
    expect(incident).toMatchObject({ elementId: 'charge', errorType: 'JOB_NO_RETRIES' });
    expect(incident?.errorMessage).toMatch(/^VARIABLE_LIMIT_EXCEEDED: .*maxDepth limit of 8/);
    expect(state.variables['root']).toEqual({ amount: 1, approved: true });
  });
});

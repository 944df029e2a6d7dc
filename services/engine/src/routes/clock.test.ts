import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearProcess } from '../__fixtures__/linear-process.js';
import { untilInstance } from '../__fixtures__/until-instance.js';
import { startNode, type RunningNode } from '../start-node.js';

// Issue 13: PUT /v2/clock and POST /v2/clock/reset, as Camunda 8.8's pinClock and
// resetClock, for tests of timers against a node started with --enable-clock-control.
const dayTimer = linearProcess('day', 'wait-a-day', '<bpmn:intermediateCatchEvent id="wait-a-day"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>');

const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;
const dayMs = 24 * 60 * 60 * 1000;

async function call(node: RunningNode, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${node.url}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('clock control', () => {
  let dir = '';
  let controlled: RunningNode;
  let plain: RunningNode;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baton-clock-'));
    await writeFile(join(dir, 'day.bpmn'), dayTimer);
    controlled = await startNode({ ...quiet, deployDir: dir, enableClockControl: true });
    plain = await startNode({ ...quiet });
  });
  afterAll(async () => {
    await controlled?.close();
    await plain?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a pin a day ahead fires the one-day timer once; a reset lets the clock follow the host again', async () => {
    // given: an instance waiting a day
    const started = await call(controlled, 'POST', '/v2/process-instances', { processDefinitionId: 'day' });
    expect(started.status).toBe(200);
    const key = (started.body as { processInstanceKey: string }).processInstanceKey;
    // when: the clock is pinned a day and a minute ahead
    const pinnedAt = Date.now() + dayMs + 60_000;
    expect((await call(controlled, 'PUT', '/v2/clock', { timestamp: pinnedAt })).status).toBe(204);
    // then: the timer fired at the pinned time and the instance ended
    const done = await untilInstance(controlled, key, (view) => view.state === 'COMPLETED', 60_000);
    expect(done.state).toBe('COMPLETED');
    const history = await controlled.engine.getHistory(key);
    expect(history.filter((event) => event.type === 'TimerFired')).toHaveLength(1);
    expect(history.at(-1)?.at).toBe(pinnedAt);
    // when: reset
    expect((await call(controlled, 'POST', '/v2/clock/reset')).status).toBe(204);
    // then: a new instance is created at host time again
    const next = await call(controlled, 'POST', '/v2/process-instances', { processDefinitionId: 'day' });
    const nextKey = (next.body as { processInstanceKey: string }).processInstanceKey;
    const [created] = await controlled.engine.getHistory(nextKey);
    expect(created?.at).toBeLessThan(pinnedAt - 60_000);
  });

  it('refuses a timestamp that is not epoch milliseconds', async () => {
    const refused = await call(controlled, 'PUT', '/v2/clock', { timestamp: 'tomorrow' });
    expect(refused.status).toBe(400);
  });

  it('a node started without --enable-clock-control refuses both with 403 naming the flag', async () => {
    for (const [method, path, body] of [['PUT', '/v2/clock', { timestamp: 0 }], ['POST', '/v2/clock/reset', undefined]] as const) {
      const refused = await call(plain, method, path, body);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'CLOCK_CONTROL_DISABLED', detail: expect.stringContaining('--enable-clock-control') });
    }
  });

  it('is refused at start on a BullMQ queue, naming why', async () => {
    await expect(startNode({ ...quiet, queue: 'redis://127.0.0.1:1', enableClockControl: true })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'enableClockControl' },
    });
  });
});

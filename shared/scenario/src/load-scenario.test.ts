import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenario } from './load-scenario.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-scenario-'));
  await writeFile(join(dir, 'order.bpmn'), '<definitions/>');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scenarioFile(content: unknown, name = 'x.scenario.json'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const base = { name: 'orders', bpmn: 'order.bpmn', steps: [] as unknown[] };

async function loadError(content: unknown): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  return loadScenario(await scenarioFile(content)).then(
    () => expect.unreachable('expected the scenario to be refused'),
    (err: { code: string; message: string; details: Record<string, unknown> }) => err,
  );
}

describe('loadScenario', () => {
  it('reads the example of the spec', async () => {
    // given the spec's example file
    const file = await scenarioFile({
      name: 'orders over 100 need approval',
      bpmn: ['order.bpmn'],
      process: 'order',
      clock: '2026-01-01T00:00:00Z',
      steps: [
        { start: { variables: { amount: 150 } } },
        { expectWaiting: ['approve'] },
        { completeUserTask: { element: 'approve', variables: { approved: true } } },
        { completeJob: { element: 'charge', variables: { receipt: 'r-1' } } },
        { expectState: 'completed' },
        { expectCompleted: ['start', 'split', 'approve', 'charge', 'end'] },
        { expectVariables: { approved: true, receipt: 'r-1' } },
      ],
    });
    // when
    const scenario = await loadScenario(file);
    // then
    expect(scenario.name).toBe('orders over 100 need approval');
    expect(scenario.process).toBe('order');
    expect(scenario.clockMs).toBe(Date.UTC(2026, 0, 1));
    expect(scenario.bpmn).toEqual([{ path: 'order.bpmn', file: join(dir, 'order.bpmn'), xml: '<definitions/>' }]);
    expect(scenario.steps[0]).toEqual({ kind: 'action', action: { type: 'start', variables: { amount: 150 } }, expectRejected: false });
    expect(scenario.steps[1]).toEqual({ kind: 'expectation', expectation: { type: 'expectWaiting', elementIds: ['approve'] } });
    expect(scenario.steps[4]).toEqual({ kind: 'expectation', expectation: { type: 'expectState', state: 'completed' } });
  });

  it('defaults the clock, the process and the name', async () => {
    const scenario = await loadScenario(await scenarioFile({ bpmn: 'order.bpmn', steps: [] }, 'no-name.scenario.json'));
    expect(scenario.clockMs).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(scenario.process).toBeUndefined();
    expect(scenario.name).toBe('no-name');
  });

  it('reads every action with its optional fields', async () => {
    const scenario = await loadScenario(
      await scenarioFile({
        ...base,
        steps: [
          { start: { message: 'order placed' } },
          { failJob: { element: 'charge', retries: 2, message: 'down' }, expectRejected: true },
          { failJob: { element: 'charge' } },
          { throwError: { element: 'charge', code: 'DECLINED' } },
          { correlateMessage: { name: 'paid', correlationKey: 42, timeToLive: 'PT1H' } },
          { broadcastSignal: { name: 'stop' } },
          { advanceTime: 'P1DT2H' },
          { cancel: {} },
        ],
      }),
    );
    expect(scenario.steps.map((s) => (s.kind === 'action' ? s.action : undefined))).toEqual([
      { type: 'start', message: 'order placed', variables: {} },
      { type: 'failJob', element: 'charge', retries: 2, message: 'down' },
      { type: 'failJob', element: 'charge', retries: 0, message: 'failed by the scenario' },
      { type: 'throwError', element: 'charge', code: 'DECLINED', variables: {} },
      { type: 'correlateMessage', name: 'paid', correlationKey: '42', variables: {}, timeToLive: 'PT1H' },
      { type: 'broadcastSignal', name: 'stop', variables: {} },
      { type: 'advanceTime', duration: 'P1DT2H' },
      { type: 'cancel' },
    ]);
    expect(scenario.steps[1]).toMatchObject({ expectRejected: true });
  });

  it.each([
    [{ ...base, steps: [{ completeTask: { element: 'a' } }] }, 'steps[1]: unknown step "completeTask"'],
    [{ ...base, steps: [{ start: {} }, { completeJob: { elemnt: 'a' } }] }, 'steps[2].completeJob: unknown field "elemnt"'],
    [{ ...base, steps: [{ completeJob: {} }] }, 'steps[1].completeJob.element: is required'],
    [{ ...base, steps: [{ start: {}, expectWaiting: [] }] }, 'steps[1]: a step has exactly one step key'],
    [{ ...base, steps: [{}] }, 'steps[1]: a step has exactly one step key (plus "expectRejected" on actions) but found none'],
    [{ ...base, steps: [{ expectWaiting: ['a'], expectRejected: true }] }, 'steps[1].expectRejected: only actions take'],
    [{ ...base, steps: [{ start: {}, expectRejected: 'yes' }] }, 'steps[1].expectRejected: expected true or false'],
    [{ ...base, steps: [{ expectState: 'done' }] }, 'steps[1].expectState: expected one of active, completed, cancelled, incident'],
    [{ ...base, steps: [{ expectWaiting: 'a' }] }, 'steps[1].expectWaiting: expected a list of element ids'],
    [{ ...base, steps: [{ advanceTime: '1h' }] }, 'steps[1].advanceTime: expected an ISO 8601 duration'],
    [{ ...base, steps: [{ failJob: { element: 'a', retries: -1 } }] }, 'steps[1].failJob.retries: expected a whole number >= 0'],
    [{ ...base, steps: [{ cancel: { now: true } }] }, 'steps[1].cancel: unknown field "now"; allowed: no fields'],
    [{ ...base, steps: [{ start: { variables: [] } }] }, 'steps[1].start.variables: expected an object but found an array'],
    [{ ...base, steps: {} }, 'steps: expected a list of steps'],
    [{ ...base, clock: 'yesterday' }, 'clock: expected an ISO 8601 date-time'],
    [{ ...base, proces: 'order' }, 'scenario: unknown field "proces"'],
    [{ ...base, bpmn: [] }, 'bpmn: expected a path or a non-empty list of paths'],
    [[1], 'scenario: expected an object but found an array'],
  ])('refuses %j with a precise message', async (content, message) => {
    const err = await loadError(content);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain(message);
  });

  it('names the scenario in the error of a bad step', async () => {
    const err = await loadError({ ...base, steps: [{ nope: 1 }] });
    expect(err.details['scenarioName']).toBe('orders');
  });

  it('refuses a missing BPMN file, naming it', async () => {
    const err = await loadError({ ...base, bpmn: ['order.bpmn', 'sub/missing.bpmn'] });
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('BPMN file sub/missing.bpmn not found');
  });

  it('refuses a file that is not JSON', async () => {
    const err = await loadError('{ "name": ');
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(/x\.scenario\.json is not valid JSON/);
  });

  it('reads BPMN paths relative to the scenario file', async () => {
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'nested', 'child.bpmn'), '<child/>');
    const scenario = await loadScenario(await scenarioFile({ ...base, bpmn: ['order.bpmn', 'nested/child.bpmn'] }));
    expect(scenario.bpmn.map((b) => b.xml)).toEqual(['<definitions/>', '<child/>']);
  });
});

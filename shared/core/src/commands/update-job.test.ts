import { describe, expect, it } from 'vitest';
import { end, seq, serviceTask, start, zeebe } from '../test-support/bpmn.js';
import { TestEngine } from '../test-support/test-engine.js';
import type { Wait } from '../types/state.js';

const oneTask = zeebe([start(), serviceTask('t'), end(), seq('start', 't', 'end')].join('\n'));

function jobOf(engine: TestEngine): Extract<Wait, { kind: 'job' }> {
  const { jobKey } = engine.jobKeyOf('t');
  const wait = engine.state.waits[jobKey];
  if (wait?.kind !== 'job') throw new Error(`no job ${jobKey}`);
  return wait;
}

describe('UpdateJob (PATCH /v2/jobs/{jobKey})', () => {
  it('sets the retries and records the timeout in a JobUpdated event; replay rebuilds the retries', async () => {
    // given
    const engine = await TestEngine.of(oneTask);
    engine.start('P');
    const { jobKey } = engine.jobKeyOf('t');
    // when
    const rejection = engine.run('i1', { type: 'UpdateJob', jobKey, retries: 7, timeoutMs: 30_000 });
    // then
    expect(rejection).toBeUndefined();
    expect(engine.events().at(-1)).toMatchObject({ type: 'JobUpdated', jobKey, elementId: 't', retries: 7, timeoutMs: 30_000 });
    expect(jobOf(engine)).toMatchObject({ retries: 7, state: 'activatable' });
  });

  it('gives a job that failed with no retries left its retries back but leaves it failed until its incident is resolved', async () => {
    // given
    const engine = await TestEngine.of(oneTask);
    engine.start('P');
    engine.failJob('t', 0, 'broken');
    const { jobKey } = engine.jobKeyOf('t');
    // when
    const rejection = engine.run('i1', { type: 'UpdateJob', jobKey, retries: 3 });
    // then
    expect(rejection).toBeUndefined();
    expect(jobOf(engine)).toMatchObject({ retries: 3, state: 'failed' });
    expect(Object.values(engine.state.incidents)).toHaveLength(1);
    expect(engine.completeJob('t')?.code).toBe('JOB_NOT_OPEN');
  });

  it.each([
    ['no change', {}, 'VALIDATION_FAILED', 'changeset'],
    ['retries of 0', { retries: 0 }, 'VALIDATION_FAILED', 'retries'],
    ['a timeout of 0', { timeoutMs: 0 }, 'VALIDATION_FAILED', 'timeout'],
  ])('refuses %s and leaves the state as it was', async (_name, change, code, field) => {
    // given
    const engine = await TestEngine.of(oneTask);
    engine.start('P');
    const { jobKey } = engine.jobKeyOf('t');
    const before = engine.state;
    // when
    const rejection = engine.run('i1', { type: 'UpdateJob', jobKey, ...change });
    // then
    expect(rejection).toMatchObject({ code, details: { jobKey, field } });
    expect(engine.state).toBe(before);
  });

  it('refuses a timeout for a failed job and any change to an unknown job with JOB_NOT_OPEN', async () => {
    // given
    const engine = await TestEngine.of(oneTask);
    engine.start('P');
    engine.failJob('t', 0, 'broken');
    const { jobKey } = engine.jobKeyOf('t');
    // when / then
    expect(engine.run('i1', { type: 'UpdateJob', jobKey, timeoutMs: 1000 })?.code).toBe('JOB_NOT_OPEN');
    expect(engine.run('i1', { type: 'UpdateJob', jobKey: 'i1.99', retries: 2 })?.code).toBe('JOB_NOT_OPEN');
  });
});

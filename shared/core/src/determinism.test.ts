import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { evolve } from './state/apply.js';
import { end, flow, seq, serviceTask, start, timer, userTask, zeebe } from './test-support/bpmn.js';
import { deploy, TestEngine } from './test-support/test-engine.js';
import type { InstanceState } from './types/state.js';

const model = zeebe(
  [
    start(),
    '<bpmn:parallelGateway id="fork" />',
    serviceTask('a'),
    userTask('b'),
    `<bpmn:boundaryEvent id="late" attachedToRef="b" cancelActivity="false">${timer('timeCycle', 'R3/PT1M')}</bpmn:boundaryEvent>`,
    '<bpmn:parallelGateway id="join" />',
    '<bpmn:exclusiveGateway id="check" default="check_end" />',
    end(),
    end('loud'),
    end('nudged'),
    seq('start', 'fork', 'a', 'join'),
    seq('fork', 'b', 'join', 'check'),
    seq('late', 'nudged'),
    flow('check', 'end'),
    flow('check', 'loud', '=x > 5'),
  ].join('\n'),
);

async function scenario(): Promise<TestEngine> {
  const engine = await TestEngine.of(model);
  engine.start('P', { x: 1 });
  engine.advance(150_000);
  engine.completeJob('a', { x: 9 });
  engine.completeUserTask('b');
  return engine;
}

describe('determinism and replay', () => {
  it('the same commands give the same events, effects and state', async () => {
    // given
    const first = await scenario();
    // when
    const second = await scenario();
    // then
    expect(second.events()).toEqual(first.events());
    expect(second.effects).toEqual(first.effects);
    expect(second.state).toEqual(first.state);
    expect(first.completed()).toEqual(['a', 'b', 'check', 'fork', 'join', 'late', 'late', 'loud', 'nudged', 'nudged', 'start']);
  });

  it('folding the history one event at a time with evolve rebuilds the decided state', async () => {
    // given
    const engine = await scenario();
    // when
    let rebuilt: InstanceState | undefined;
    for (const event of engine.events()) rebuilt = evolve(rebuilt, event);
    // then
    expect(rebuilt).toEqual(engine.state);
  });

  it('decide does not touch its input state, and a rejection returns no state', async () => {
    // given
    const { P } = await deploy(model);
    const created = decide(undefined, { type: 'CreateInstance', commandId: 'c1', at: 0, instanceId: 'x', variables: {} }, P!);
    if (!created.ok) throw new Error('expected ok');
    const snapshot = JSON.stringify(created.state);
    const jobKey = Object.values(created.state.waits).find((w) => w.kind === 'job')!.elementInstanceId;
    // when
    const completed = decide(created.state, { type: 'CompleteJob', commandId: 'c2', at: 1, jobKey: Object.keys(created.state.waits)[0]!, variables: {} }, P!);
    const refused = decide(created.state, { type: 'CompleteJob', commandId: 'c3', at: 1, jobKey, variables: {} }, P!);
    // then
    expect(completed.ok).toBe(true);
    expect(refused).toMatchObject({ ok: false, rejection: { code: 'JOB_NOT_OPEN' } });
    expect(JSON.stringify(created.state)).toBe(snapshot);
  });
});

import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { end, seq, serviceTask, start, zeebe } from './test-support/bpmn.js';
import { deploy, TestEngine } from './test-support/test-engine.js';

describe('a straight process', () => {
  it('runs start, a service task and end', async () => {
    // given
    const engine = await TestEngine.of(zeebe([start(), serviceTask('charge'), end(), seq('start', 'charge', 'end')].join('\n')));
    // when
    engine.start('P', { amount: 5 });
    // then
    expect(engine.waiting()).toEqual(['charge']);
    expect(engine.effects.filter((e) => e.type === 'EnqueueJob')).toHaveLength(1);
    // when
    engine.completeJob('charge', { receipt: 'r-1' });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['charge', 'end', 'start']);
    expect(engine.variables).toEqual({ amount: 5, receipt: 'r-1' });
  });
});

describe('rejections', () => {
  const model = zeebe([start(), serviceTask('charge'), end(), seq('start', 'charge', 'end')].join('\n'));

  it('refuses creating an instance that exists, and commands for an instance that does not', async () => {
    // given
    const { P } = await deploy(model);
    const created = decide(undefined, { type: 'CreateInstance', commandId: 'c1', at: 0, instanceId: 'x', variables: {} }, P!);
    if (!created.ok) throw new Error('expected ok');
    // when
    const again = decide(created.state, { type: 'CreateInstance', commandId: 'c2', at: 0, instanceId: 'x', variables: {} }, P!);
    const missing = decide(undefined, { type: 'CancelInstance', commandId: 'c3', at: 0 }, P!);
    // then
    expect(again).toMatchObject({ ok: false, rejection: { code: 'STALE_COMMAND' } });
    expect(missing).toMatchObject({ ok: false, rejection: { code: 'INSTANCE_NOT_FOUND' } });
  });

  it('refuses a start element that is not a start event of the process', async () => {
    // given
    const { P } = await deploy(model);
    // when
    const decision = decide(undefined, { type: 'CreateInstance', commandId: 'c1', at: 0, instanceId: 'x', variables: {}, startElementId: 'charge' }, P!);
    // then
    expect(decision).toMatchObject({ ok: false, rejection: { code: 'VALIDATION_FAILED', details: { elementId: 'charge' } } });
  });

  it('refuses stale timer, message, signal, user task and incident keys', async () => {
    // given
    const engine = await TestEngine.of(model);
    engine.start('P');
    // when
    const refused = [
      engine.run('i1', { type: 'FireTimer', timerKey: 'i1.1' }),
      engine.run('i1', { type: 'CorrelateMessage', subscriptionKey: 'i1.3', messageName: 'm', variables: {} }),
      engine.run('i1', { type: 'TriggerSignal', subscriptionKey: 'nope', signalName: 's', variables: {} }),
      engine.run('i1', { type: 'CompleteUserTask', userTaskKey: 'i1.3', variables: {} }),
      engine.run('i1', { type: 'ResolveIncident', incidentKey: 'i1.3' }),
      engine.run('i1', { type: 'CompleteCallActivity', elementInstanceId: 'i1.2', childInstanceId: 'c', outcome: { type: 'terminated' } }),
    ];
    // then
    expect(refused.map((r) => r?.code)).toEqual(['STALE_COMMAND', 'STALE_COMMAND', 'STALE_COMMAND', 'STALE_COMMAND', 'STALE_COMMAND', 'STALE_COMMAND']);
    expect(engine.waiting()).toEqual(['charge']);
  });
});

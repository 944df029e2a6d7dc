import { describe, expect, it } from 'vitest';
import { end, message, seq, serviceTask, start, timer, userTask, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

const catchEvent = (id: string, definition: string) => `<bpmn:intermediateCatchEvent id="${id}">${definition}</bpmn:intermediateCatchEvent>`;
const boundary = (id: string, attachedTo: string, definition: string, interrupting = true) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}">${definition}</bpmn:boundaryEvent>`;
const signalDefs = '<bpmn:signal id="sig" name="go" />';

describe('intermediate catch events', () => {
  it('a timer schedules at activation and fires at its due time', async () => {
    // given
    const engine = await TestEngine.of(zeebe([start(), catchEvent('wait', timer('timeDuration', 'PT10M')), end(), seq('start', 'wait', 'end')].join('\n')));
    engine.start('P');
    // then
    expect(engine.effects).toContainEqual(expect.objectContaining({ type: 'ScheduleTimer', elementId: 'wait', dueAt: engine.now + 600_000 }));
    expect(engine.waiting()).toEqual(['wait']);
    // when
    engine.advance(599_999);
    // then
    expect(engine.waiting()).toEqual(['wait']);
    // when
    engine.advance(1);
    // then
    expect(engine.state.status).toBe('completed');
  });

  it('a signal catch reacts to a broadcast of its name', async () => {
    // given
    const model = zeebe([start(), catchEvent('s', '<bpmn:signalEventDefinition signalRef="sig" />'), end(), seq('start', 's', 'end')].join('\n'), { extra: signalDefs });
    const engine = await TestEngine.of(model);
    engine.start('P');
    // when
    engine.broadcast('go', { x: 1 });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.variables).toEqual({ x: 1 });
  });

  it('a message catch matches its correlation key only', async () => {
    // given
    const model = zeebe([start(), catchEvent('m', '<bpmn:messageEventDefinition messageRef="msg" />'), end(), seq('start', 'm', 'end')].join('\n'), {
      extra: message('msg', 'ping', '=key'),
    });
    const engine = await TestEngine.of(model);
    engine.start('P', { key: 'k1' });
    // then
    expect(engine.state.waits).toMatchObject({ 'i1.4': { kind: 'message', messageName: 'ping', correlationKey: 'k1' } });
    // when
    engine.publish('ping', 'k1');
    // then
    expect(engine.state.status).toBe('completed');
  });
});

describe('throw events', () => {
  it('signal throw and end events broadcast their signal', async () => {
    // given
    const body = [
      start(),
      '<bpmn:intermediateThrowEvent id="t"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateThrowEvent>',
      '<bpmn:endEvent id="end"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:endEvent>',
      seq('start', 't', 'end'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: signalDefs }));
    // when
    engine.start('P');
    // then
    expect(engine.effects.filter((e) => e.type === 'BroadcastSignal')).toEqual([
      { type: 'BroadcastSignal', signalName: 'go', variables: {}, excludeInstanceId: 'i1' },
      { type: 'BroadcastSignal', signalName: 'go', variables: {}, excludeInstanceId: 'i1' },
    ]);
    expect(engine.completed()).toEqual(['end', 'start', 't']);
  });

  it('a message end event is a job', async () => {
    // given
    const body = [start(), '<bpmn:endEvent id="end"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:endEvent>', seq('start', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: message('msg', 'notify') }));
    engine.start('P');
    expect(engine.waiting()).toEqual(['end']);
    // when
    engine.completeJob('end');
    // then
    expect(engine.state.status).toBe('completed');
  });

  it('an uncaught escalation just continues', async () => {
    // given
    const body = [
      start(),
      '<bpmn:intermediateThrowEvent id="up"><bpmn:escalationEventDefinition escalationRef="esc" /></bpmn:intermediateThrowEvent>',
      end(),
      seq('start', 'up', 'end'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: '<bpmn:escalation id="esc" escalationCode="E1" />' }));
    // when
    engine.start('P');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['end', 'start', 'up']);
  });
});

describe('boundary events', () => {
  const withBoundary = (def: string, interrupting: boolean, extra = '') =>
    zeebe(
      [start(), userTask('work'), boundary('b', 'work', def, interrupting), end(), end('after'), seq('start', 'work', 'end'), seq('b', 'after')].join('\n'),
      { extra },
    );

  it('an interrupting timer terminates the activity and takes its own flow', async () => {
    // given
    const engine = await TestEngine.of(withBoundary(timer('timeDuration', 'PT1H'), true));
    engine.start('P');
    expect(engine.waiting()).toEqual(['work']);
    // when
    engine.advance(3_600_000);
    // then
    expect(engine.completed()).toEqual(['after', 'b', 'start']);
    expect(engine.events().some((e) => e.type === 'ElementTerminated' && e.elementId === 'work')).toBe(true);
    expect(engine.state.status).toBe('completed');
  });

  it('a late timer after the activity completed is refused as stale', async () => {
    // given
    const engine = await TestEngine.of(withBoundary(timer('timeDuration', 'PT1H'), true));
    engine.start('P');
    const timerKey = Object.values(engine.state.waits).find((w) => w.kind === 'timer')!;
    engine.completeUserTask('work');
    // then
    expect(engine.effects).toContainEqual({ type: 'CancelTimer', timerKey: (timerKey as { timerKey: string }).timerKey });
    // when
    const refused = engine.run('i1', { type: 'FireTimer', timerKey: (timerKey as { timerKey: string }).timerKey });
    // then
    expect(refused?.code).toBe('INSTANCE_NOT_ACTIVE');
  });

  it('a late timer on a still active instance is STALE_COMMAND and changes nothing', async () => {
    // given
    const body = [start(), userTask('work'), boundary('b', 'work', timer('timeDuration', 'PT1H')), userTask('next'), end(), end('after'), seq('start', 'work', 'next', 'end'), seq('b', 'after')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    const { timerKey } = Object.values(engine.state.waits).find((w) => w.kind === 'timer') as { timerKey: string };
    engine.completeUserTask('work');
    const before = engine.state;
    // when
    const refused = engine.run('i1', { type: 'FireTimer', timerKey });
    // then
    expect(refused?.code).toBe('STALE_COMMAND');
    expect(engine.state).toBe(before);
  });

  it('a non-interrupting timer cycle fires repeatedly while the activity continues', async () => {
    // given
    const engine = await TestEngine.of(withBoundary(timer('timeCycle', 'R2/PT1M'), false));
    engine.start('P');
    // when
    engine.advance(10 * 60_000);
    // then
    expect(engine.completed()).toEqual(['after', 'after', 'b', 'b', 'start']);
    expect(engine.waiting()).toEqual(['work']);
    // when
    engine.completeUserTask('work');
    // then
    expect(engine.state.status).toBe('completed');
  });

  it('an interrupting message boundary closes the activity with the message variables', async () => {
    // given
    const engine = await TestEngine.of(withBoundary('<bpmn:messageEventDefinition messageRef="m" />', true, message('m', 'cancel', '=id')));
    engine.start('P', { id: 7 });
    // when
    engine.publish('cancel', '7', { reason: 'asked' });
    // then
    expect(engine.completed()).toEqual(['after', 'b', 'start']);
    expect(engine.variables).toMatchObject({ reason: 'asked' });
    expect(engine.state.waits).toEqual({});
  });

  it('a non-interrupting signal boundary keeps the activity and its subscription', async () => {
    // given
    const engine = await TestEngine.of(withBoundary('<bpmn:signalEventDefinition signalRef="sig" />', false, signalDefs));
    engine.start('P');
    // when
    engine.broadcast('go');
    engine.broadcast('go');
    // then
    expect(engine.completed()).toEqual(['after', 'after', 'b', 'b', 'start']);
    expect(engine.waiting()).toEqual(['work']);
  });

  it('an error boundary catches a job error by code; the job element does not count as completed', async () => {
    // given
    const body = [
      start(),
      serviceTask('pay'),
      boundary('failed', 'pay', '<bpmn:errorEventDefinition errorRef="err" />'),
      end(),
      end('sorry'),
      seq('start', 'pay', 'end'),
      seq('failed', 'sorry'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: '<bpmn:error id="err" errorCode="DECLINED" />' }));
    engine.start('P');
    // when
    engine.throwError('pay', 'DECLINED', { why: 'card' });
    // then
    expect(engine.completed()).toEqual(['failed', 'sorry', 'start']);
    expect(engine.variables).toMatchObject({ why: 'card' });
  });

  it('an uncaught job error raises UNHANDLED_ERROR, listed once', async () => {
    // given
    const engine = await TestEngine.of(zeebe([start(), serviceTask('pay'), end(), seq('start', 'pay', 'end')].join('\n')));
    engine.start('P');
    // when
    engine.throwError('pay', 'NOPE');
    // then
    expect(Object.values(engine.state.incidents)).toMatchObject([{ errorType: 'UNHANDLED_ERROR', elementId: 'pay' }]);
    expect(engine.waiting()).toEqual(['pay']);
  });
});

import { describe, expect, it } from 'vitest';
import { end, io, message, seq, serviceTask, start, timer, userTask, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

const sub = (id: string, body: string, attrs = '') => `<bpmn:subProcess id="${id}"${attrs}>${body}</bpmn:subProcess>`;
const eventSub = (id: string, body: string) => `<bpmn:subProcess id="${id}" triggeredByEvent="true">${body}</bpmn:subProcess>`;
const startWith = (id: string, def: string, interrupting = true) => `<bpmn:startEvent id="${id}" isInterrupting="${interrupting}">${def}</bpmn:startEvent>`;
const errors = '<bpmn:error id="err" errorCode="BAD" /><bpmn:escalation id="esc" escalationCode="UP" />';

describe('embedded subprocess', () => {
  it('runs inside its own scope and completes when nothing is left inside', async () => {
    // given
    const inner = [start('s1'), serviceTask('work'), end('e1'), seq('s1', 'work', 'e1')].join('');
    const body = [start(), sub('sp', inner), end(), seq('start', 'sp', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P', { a: 1 });
    expect(engine.waiting()).toEqual(['work']);
    // when
    engine.completeJob('work', { a: 2, b: 3 });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['e1', 'end', 's1', 'sp', 'start', 'work']);
    expect(engine.variables).toEqual({ a: 2, b: 3 });
  });

  it('a local variable of the subprocess stays local', async () => {
    // given
    const inner = [start('s1'), serviceTask('work'), end('e1'), seq('s1', 'work', 'e1')].join('');
    const body = [start(), sub('sp', `<bpmn:extensionElements>${io([['=1', 'local']])}</bpmn:extensionElements>${inner}`), end(), seq('start', 'sp', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    // when
    engine.completeJob('work', { local: 5, global: 6 });
    // then
    expect(engine.variables).toEqual({ global: 6 });
  });

  it('an error end event inside is caught by a boundary on the subprocess and does not count', async () => {
    // given
    const inner = [start('s1'), '<bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>', seq('s1', 'boom')].join('');
    const body = [
      start(),
      sub('sp', inner),
      '<bpmn:boundaryEvent id="caught" attachedToRef="sp"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>',
      end(),
      end('handled'),
      seq('start', 'sp', 'end'),
      seq('caught', 'handled'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: errors }));
    // when
    engine.start('P');
    // then
    expect(engine.completed()).toEqual(['caught', 'handled', 's1', 'start']);
    expect(engine.state.status).toBe('completed');
  });

  it('a terminate end event ends its subprocess only; the process continues', async () => {
    // given
    const inner = [
      start('s1'),
      '<bpmn:parallelGateway id="fork" />',
      userTask('left'),
      '<bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>',
      seq('s1', 'fork', 'left'),
      seq('fork', 'kill'),
    ].join('');
    const body = [start(), sub('sp', inner), serviceTask('next'), end(), seq('start', 'sp', 'next', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    // when
    engine.start('P');
    // then
    expect(engine.waiting()).toEqual(['next']);
    expect(engine.completed()).toEqual(['fork', 'kill', 's1', 'sp', 'start']);
  });
});

describe('terminate end event at the process level', () => {
  it('terminates the other branches and completes the instance, counting once', async () => {
    // given
    const body = [
      start(),
      '<bpmn:parallelGateway id="fork" />',
      serviceTask('slow'),
      '<bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>',
      end(),
      seq('start', 'fork', 'slow', 'end'),
      seq('fork', 'kill'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    // when
    engine.start('P');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['fork', 'kill', 'start']);
    expect(engine.effects).toContainEqual(expect.objectContaining({ type: 'CancelJob', jobType: 'slow' }));
  });
});

describe('event subprocess', () => {
  it('an interrupting message start cancels the process body', async () => {
    // given
    const handler = eventSub('onCancel', [startWith('cancelStart', '<bpmn:messageEventDefinition messageRef="m" />'), end('cancelled'), seq('cancelStart', 'cancelled')].join(''));
    const body = [start(), userTask('work'), end(), seq('start', 'work', 'end'), handler];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: message('m', 'cancel', '=id') }));
    engine.start('P', { id: 'x' });
    // when
    engine.publish('cancel', 'x', { reason: 'r' });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['cancelStart', 'cancelled', 'onCancel', 'start']);
    expect(engine.variables).toMatchObject({ reason: 'r' });
  });

  it('a non-interrupting timer start runs beside the body', async () => {
    // given
    const handler = eventSub('remind', [startWith('every', timer('timeDuration', 'PT1H'), false), serviceTask('nudge'), end('nudged'), seq('every', 'nudge', 'nudged')].join(''));
    const body = [start(), userTask('work'), end(), seq('start', 'work', 'end'), handler];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    // when
    engine.advance(3_600_000);
    // then
    expect(engine.waiting()).toEqual(['nudge', 'work']);
    // when
    engine.completeUserTask('work');
    // then the process waits for the event subprocess
    expect(engine.state.status).toBe('active');
    engine.completeJob('nudge');
    expect(engine.state.status).toBe('completed');
  });

  it('an error event subprocess catches a job error; the escalation one catches escalations', async () => {
    // given
    const handler = eventSub('onError', [startWith('errStart', '<bpmn:errorEventDefinition errorRef="err" />'), end('recovered'), seq('errStart', 'recovered')].join(''));
    const body = [start(), serviceTask('work'), end(), seq('start', 'work', 'end'), handler];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: errors }));
    engine.start('P');
    // when
    engine.throwError('work', 'BAD');
    // then
    expect(engine.completed()).toEqual(['errStart', 'onError', 'recovered', 'start']);
    expect(engine.state.status).toBe('completed');
  });

  it('an escalation end event caught by a non-interrupting event subprocess still counts', async () => {
    // given
    const handler = eventSub('onEsc', [startWith('escStart', '<bpmn:escalationEventDefinition escalationRef="esc" />', false), end('noted'), seq('escStart', 'noted')].join(''));
    const body = [start(), '<bpmn:endEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc" /></bpmn:endEvent>', seq('start', 'raise'), handler];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: errors }));
    // when
    engine.start('P');
    // then
    expect(engine.completed()).toEqual(['escStart', 'noted', 'onEsc', 'raise', 'start']);
    expect(engine.state.status).toBe('completed');
  });
});

describe('cancel', () => {
  it('terminates everything with effects for jobs and timers', async () => {
    // given
    const body = [
      start(),
      serviceTask('work'),
      `<bpmn:boundaryEvent id="late" attachedToRef="work">${timer('timeDuration', 'PT1H')}</bpmn:boundaryEvent>`,
      end(),
      end('e2'),
      seq('start', 'work', 'end'),
      seq('late', 'e2'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    // when
    engine.cancel();
    // then
    expect(engine.state.status).toBe('terminated');
    expect(engine.state.waits).toEqual({});
    expect(engine.state.elementInstances).toEqual({});
    expect(engine.effects.map((e) => e.type)).toEqual(expect.arrayContaining(['CancelJob', 'CancelTimer']));
    expect(engine.completed()).toEqual(['start']);
    expect(engine.cancel()?.code).toBe('INSTANCE_NOT_ACTIVE');
  });
});

describe('scopes and incidents', () => {
  it('an event subprocess inside a subprocess interrupts only that subprocess', async () => {
    // given
    const handler = eventSub('inner', [startWith('innerStart', timer('timeDuration', 'PT5M')), end('innerEnd'), seq('innerStart', 'innerEnd')].join(''));
    const spBody = [start('s1'), userTask('slow'), end('e1'), seq('s1', 'slow', 'e1'), handler].join('');
    const body = [start(), sub('sp', spBody), serviceTask('next'), end(), seq('start', 'sp', 'next', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    // when
    engine.advance(300_000);
    // then
    expect(engine.waiting()).toEqual(['next']);
    expect(engine.completed()).toEqual(['inner', 'innerEnd', 'innerStart', 's1', 'sp', 'start']);
  });

  it('an escalation from a called process reaches a non-interrupting boundary on the call activity', async () => {
    // given
    const childXml = zeebe(
      [
        start('cs'),
        '<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc" /></bpmn:intermediateThrowEvent>',
        serviceTask('inner'),
        end('ce'),
        seq('cs', 'raise', 'inner', 'ce'),
      ].join(''),
      { id: 'child', extra: errors },
    );
    const parentBody = [
      start(),
      '<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" /></bpmn:extensionElements></bpmn:callActivity>',
      '<bpmn:boundaryEvent id="noted" attachedToRef="call" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc" /></bpmn:boundaryEvent>',
      serviceTask('followUp'),
      end(),
      end('e2'),
      seq('start', 'call', 'end'),
      seq('noted', 'followUp', 'e2'),
    ];
    const engine = await TestEngine.of([zeebe(parentBody.join(''), { id: 'parent', extra: errors }), childXml]);
    engine.startProcessId = 'parent';
    // when
    engine.start('parent');
    // then
    expect(engine.waiting()).toEqual(['followUp', 'inner']);
    expect(engine.completed()).toEqual(['cs', 'noted', 'raise', 'start']);
  });
});

describe('start events', () => {
  it('starts at a message start event when asked to', async () => {
    // given
    const body = [start(), `<bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>`, serviceTask('work'), end(), seq('start', 'work', 'end'), seq('byMessage', 'work')];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: message('m', 'go') }));
    // when
    engine.start('P', { from: 'message' }, 'byMessage');
    // then
    expect(engine.completed()).toEqual(['byMessage']);
    expect(engine.waiting()).toEqual(['work']);
    expect(engine.variables).toEqual({ from: 'message' });
  });
});

describe('terminate end event and waiting join tokens', () => {
  it('drops tokens waiting at a join in its scope, so the process completes', async () => {
    // given
    const body = [
      start(),
      '<bpmn:parallelGateway id="fork" />',
      serviceTask('a'),
      serviceTask('b'),
      '<bpmn:parallelGateway id="join" />',
      '<bpmn:exclusiveGateway id="check" />',
      '<bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>',
      end(),
      seq('start', 'fork', 'a', 'join', 'end'),
      seq('fork', 'check', 'kill'),
      seq('fork', 'b', 'join'),
      '<bpmn:sequenceFlow id="fork_x" sourceRef="fork" targetRef="join" />',
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    // then the token from fork_x waits at the join, and the terminate end already ended everything
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['check', 'fork', 'kill', 'start']);
  });
});

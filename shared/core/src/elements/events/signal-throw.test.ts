import { describe, expect, it } from 'vitest';
import { end, seq, serviceTask, start, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

const signalDefs = '<bpmn:signal id="sig" name="go" />';
const signal = '<bpmn:signalEventDefinition signalRef="sig" />';
const throwSignal = (id: string) => `<bpmn:intermediateThrowEvent id="${id}">${signal}</bpmn:intermediateThrowEvent>`;
const signalEnd = (id: string) => `<bpmn:endEvent id="${id}">${signal}</bpmn:endEvent>`;
const catchSignal = (id: string) => `<bpmn:intermediateCatchEvent id="${id}">${signal}</bpmn:intermediateCatchEvent>`;
/** An event subprocess started by the signal, running a job `react`. */
const signalEventSubprocess = (interrupting: boolean) =>
  [
    '<bpmn:subProcess id="esp" triggeredByEvent="true">',
    `<bpmn:startEvent id="espStart" isInterrupting="${interrupting}">${signal}</bpmn:startEvent>`,
    serviceTask('react'),
    end('espEnd'),
    seq('espStart', 'react', 'espEnd'),
    '</bpmn:subProcess>',
  ].join('\n');

describe('a signal thrown inside an instance reaches that instance first (Zeebe BpmnSignalBehavior)', () => {
  it('a signal end event starts its own non-interrupting event subprocess before the instance can end', async () => {
    // given
    const engine = await TestEngine.of(zeebe([start(), signalEnd('announce'), seq('start', 'announce'), signalEventSubprocess(false)].join('\n'), { extra: signalDefs }));
    // when
    engine.start('P');
    // then the subprocess runs in the same decide; the broadcast leaves this instance out
    expect(engine.state.status).toBe('active');
    expect(engine.waiting()).toEqual(['react']);
    expect(engine.completed()).toEqual(['announce', 'espStart', 'start']);
    expect(engine.events().filter((e) => e.type === 'SignalTriggered')).toHaveLength(1);
    expect(engine.effects.filter((e) => e.type === 'BroadcastSignal')).toEqual([{ type: 'BroadcastSignal', signalName: 'go', variables: {}, excludeInstanceId: 'i1' }]);
    // when
    engine.completeJob('react');
    // then
    expect(engine.state.status).toBe('completed');
  });

  it('an interrupting event subprocess in the thrower’s scope terminates the thrower, which does not complete', async () => {
    // given
    const body = [start(), serviceTask('work'), signalEnd('announce'), seq('start', 'work'), seq('start', 'announce'), signalEventSubprocess(true)];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: signalDefs }));
    // when
    engine.start('P');
    // then
    expect(engine.waiting()).toEqual(['react']);
    expect(engine.completed()).toEqual(['espStart', 'start']);
    expect(engine.effects).toContainEqual(expect.objectContaining({ type: 'CancelJob', jobType: 'work' }));
  });

  it('a signal thrown inside a subprocess triggers that subprocess’s boundary event before the subprocess completes', async () => {
    // given
    const body = [
      start(),
      `<bpmn:subProcess id="sub">${start('subStart')}${throwSignal('raise')}${end('subEnd')}${seq('subStart', 'raise', 'subEnd')}</bpmn:subProcess>`,
      `<bpmn:boundaryEvent id="onGo" attachedToRef="sub" cancelActivity="false">${signal}</bpmn:boundaryEvent>`,
      serviceTask('investigate'),
      end(),
      end('investigated'),
      seq('start', 'sub', 'end'),
      seq('onGo', 'investigate', 'investigated'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: signalDefs }));
    // when
    engine.start('P');
    // then
    expect(engine.waiting()).toEqual(['investigate']);
    expect(engine.completed()).toEqual(['end', 'onGo', 'raise', 'start', 'sub', 'subEnd', 'subStart']);
  });

  it('an interrupting boundary on the enclosing subprocess terminates the thrower with it', async () => {
    // given
    const body = [
      start(),
      `<bpmn:subProcess id="sub">${start('subStart')}${throwSignal('raise')}${end('subEnd')}${seq('subStart', 'raise', 'subEnd')}</bpmn:subProcess>`,
      `<bpmn:boundaryEvent id="onGo" attachedToRef="sub">${signal}</bpmn:boundaryEvent>`,
      end(),
      end('cancelled'),
      seq('start', 'sub', 'end'),
      seq('onGo', 'cancelled'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: signalDefs }));
    // when
    engine.start('P');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['cancelled', 'onGo', 'start', 'subStart']);
  });

  it('a subscription opened after the throw does not see that signal', async () => {
    // given the thrower leads to a catch of the same signal
    const engine = await TestEngine.of(zeebe([start(), throwSignal('raise'), catchSignal('wait'), end(), seq('start', 'raise', 'wait', 'end')].join('\n'), { extra: signalDefs }));
    // when
    engine.start('P');
    // then
    expect(engine.waiting()).toEqual(['wait']);
    expect(engine.events().filter((e) => e.type === 'SignalTriggered')).toEqual([]);
  });

  it('every open subscription of the name reacts once; other instances get the broadcast', async () => {
    // given an instance waiting for the signal, and one that waits in two branches and throws it
    const waiter = zeebe([start(), catchSignal('waitOther'), end(), seq('start', 'waitOther', 'end')].join('\n'), { id: 'W', extra: signalDefs });
    const body = [
      start(),
      '<bpmn:parallelGateway id="fork" />',
      catchSignal('waitA'),
      catchSignal('waitB'),
      serviceTask('work'),
      throwSignal('raise'),
      end('endA'),
      end('endB'),
      end('endWork'),
      seq('start', 'fork', 'waitA', 'endA'),
      seq('fork', 'waitB', 'endB'),
      seq('fork', 'work', 'raise', 'endWork'),
    ];
    const engine = await TestEngine.of([waiter, zeebe(body.join('\n'), { extra: signalDefs })]);
    engine.startProcessId = 'W';
    const other = engine.start('W');
    engine.startProcessId = 'P';
    const thrower = engine.start('P');
    // when
    engine.completeJob('work');
    // then
    expect(engine.stateOf(thrower).status).toBe('completed');
    expect(engine.stateOf(other).status).toBe('completed');
    expect(engine.events(thrower).filter((e) => e.type === 'SignalTriggered').map((e) => e.elementId)).toEqual(['waitA', 'waitB']);
  });
});

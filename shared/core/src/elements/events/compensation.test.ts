import { describe, expect, it } from 'vitest';
import { visibleVariables } from '../../queries.js';
import { end, io, seq, serviceTask, start, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

const compensate = (activityRef?: string) => `<bpmn:compensateEventDefinition${activityRef === undefined ? '' : ` activityRef="${activityRef}"`} />`;
const throwCompensation = (id: string, activityRef?: string) => `<bpmn:intermediateThrowEvent id="${id}">${compensate(activityRef)}</bpmn:intermediateThrowEvent>`;
/** A compensation boundary on `activity`, associated with a service task handler `handler`. */
const handled = (activity: string, handler: string, ext = '') =>
  `<bpmn:boundaryEvent id="${activity}Compensation" attachedToRef="${activity}">${compensate()}</bpmn:boundaryEvent>` +
  serviceTask(handler, { ext }).replace('<bpmn:serviceTask ', '<bpmn:serviceTask isForCompensation="true" ') +
  `<bpmn:association id="${activity}Association" sourceRef="${activity}Compensation" targetRef="${handler}" />`;

describe('compensation (issue 16, Camunda 8 semantics)', () => {
  it('records a completed activity with a handler and runs the handler when compensation is thrown; the thrower waits for it', async () => {
    // given
    const body = [start(), serviceTask('book'), handled('book', 'undo'), throwCompensation('compensate'), end(), seq('start', 'book', 'compensate', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    // when
    engine.completeJob('book');
    // then
    expect(engine.waiting()).toEqual(['undo']);
    expect(engine.events().filter((e) => e.type === 'CompensationRecorded')).toMatchObject([{ elementId: 'book', handlerId: 'undo' }]);
    expect(engine.events().filter((e) => e.type === 'CompensationTriggered')).toMatchObject([{ elementId: 'compensate' }]);
    expect(engine.completed()).toEqual(['book', 'start']);
    expect(engine.state.compensations).toEqual({});
    // when
    engine.completeJob('undo');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['book', 'compensate', 'end', 'start', 'undo']);
  });

  it('a throw with nothing compensable completes at once and records nothing in a model without handlers', async () => {
    // given
    const engine = await TestEngine.of(zeebe([start(), serviceTask('book'), throwCompensation('compensate'), end(), seq('start', 'book', 'compensate', 'end')].join('\n')));
    engine.start('P');
    // when
    engine.completeJob('book');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.events().some((e) => e.type === 'CompensationRecorded' || e.type === 'CompensationTriggered')).toBe(false);
  });

  it('an interrupted activity is not compensated', async () => {
    // given: book is interrupted by a message boundary, then compensation is thrown
    const body = [
      start(),
      serviceTask('book'),
      handled('book', 'undo'),
      '<bpmn:boundaryEvent id="stop" attachedToRef="book"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>',
      throwCompensation('compensate'),
      end(),
      end('stopped'),
      seq('start', 'book', 'end'),
      seq('stop', 'compensate', 'stopped'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: '<bpmn:message id="m" name="stop" />' }));
    engine.start('P');
    // when
    engine.publish('stop', undefined);
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).not.toContain('undo');
  });

  it('a multi-instance activity records each inner instance with its own local variables; each handler sees its item', async () => {
    // given
    const mi = '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>';
    const body = [start(), serviceTask('ship', { inner: mi }), handled('ship', 'unship'), throwCompensation('compensate'), end(), seq('start', 'ship', 'compensate', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P', { items: ['a', 'b'] });
    // when
    engine.completeJob('ship');
    engine.completeJob('ship');
    // then
    const handlers = Object.values(engine.state.elementInstances).filter((rec) => rec.elementId === 'unship');
    expect(handlers.map((rec) => visibleVariables(engine.state, rec.elementInstanceId)['item']).sort()).toEqual(['a', 'b']);
    expect(engine.waiting()).toEqual(['unship', 'unship']);
  });

  it('with activityRef, only that activity is compensated and the other stays compensable', async () => {
    // given
    const body = [start(), serviceTask('a'), handled('a', 'undoA'), serviceTask('b'), handled('b', 'undoB'), throwCompensation('onlyA', 'a'), throwCompensation('rest'), end(), seq('start', 'a', 'b', 'onlyA', 'rest', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    engine.completeJob('a');
    // when
    engine.completeJob('b');
    // then
    expect(engine.waiting()).toEqual(['undoA']);
    // when
    engine.completeJob('undoA');
    // then: the second throw finds only b left
    expect(engine.waiting()).toEqual(['undoB']);
  });

  it('a handler in a completed subprocess sees the subprocess variables the activity completed with', async () => {
    // given
    const sub = `<bpmn:subProcess id="sub"><bpmn:extensionElements>${io([['="L-" + id', 'local']])}</bpmn:extensionElements>${start('s')}${serviceTask('inner')}${handled('inner', 'undo')}${end('e')}${seq('s', 'inner', 'e')}</bpmn:subProcess>`;
    const engine = await TestEngine.of(zeebe([start(), sub, throwCompensation('compensate'), end(), seq('start', 'sub', 'compensate', 'end')].join('\n')));
    engine.start('P', { id: '9' });
    // when
    engine.completeJob('inner');
    // then
    const handler = Object.values(engine.state.elementInstances).find((rec) => rec.elementId === 'undo');
    expect(visibleVariables(engine.state, handler?.elementInstanceId)).toMatchObject({ id: '9', local: 'L-9' });
  });

  it('cancelling the instance while handlers run terminates them', async () => {
    // given
    const body = [start(), serviceTask('book'), handled('book', 'undo'), throwCompensation('compensate'), end(), seq('start', 'book', 'compensate', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    engine.completeJob('book');
    // when
    engine.cancel();
    // then
    expect(engine.state.status).toBe('terminated');
    expect(engine.effects).toContainEqual(expect.objectContaining({ type: 'CancelJob', jobType: 'undo' }));
  });
});

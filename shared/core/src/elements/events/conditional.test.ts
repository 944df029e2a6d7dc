import { describe, expect, it } from 'vitest';
import { end, escape, seq, serviceTask, start, userTask, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

const conditional = (condition: string, extra = '') =>
  `<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${escape(condition)}</bpmn:condition>${extra}</bpmn:conditionalEventDefinition>`;
const catchEvent = (id: string, condition: string) => `<bpmn:intermediateCatchEvent id="${id}">${conditional(condition)}</bpmn:intermediateCatchEvent>`;
const boundary = (id: string, attachedTo: string, condition: string, interrupting: boolean) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}">${conditional(condition)}</bpmn:boundaryEvent>`;

/** Sets root variables as the scenario action `setVariables` does. */
function setVariables(engine: TestEngine, variables: Record<string, unknown>) {
  return engine.run('i1', { type: 'SetVariables', variables, local: true });
}

describe('conditional intermediate catch event', () => {
  const model = zeebe([start(), catchEvent('wait', '=x > 10'), end(), seq('start', 'wait', 'end')].join('\n'));

  it('passes at once when its condition is true on arrival', async () => {
    // given
    const engine = await TestEngine.of(model);
    // when
    engine.start('P', { x: 11 });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['end', 'start', 'wait']);
  });

  it('waits while false (an unset variable counts as false) and passes when a variable change makes it true', async () => {
    // given
    const engine = await TestEngine.of(model);
    engine.start('P');
    expect(engine.waiting()).toEqual(['wait']);
    // when
    setVariables(engine, { x: 5 });
    // then
    expect(engine.waiting()).toEqual(['wait']);
    // when
    setVariables(engine, { x: 12 });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.state.conditions).toEqual({});
  });

  it('reads Camunda 7 JUEL conditions', async () => {
    // given
    const engine = await TestEngine.of(zeebe([start(), catchEvent('wait', '${approved && amount >= 100}'), end(), seq('start', 'wait', 'end')].join('\n')));
    engine.start('P', { approved: true, amount: 50 });
    // when
    setVariables(engine, { amount: 100 });
    // then
    expect(engine.state.status).toBe('completed');
  });
});

describe('conditional boundary events', () => {
  const withBoundary = (interrupting: boolean) =>
    zeebe([start(), serviceTask('work'), boundary('b', 'work', '=x > 10', interrupting), end(), end('after'), seq('start', 'work', 'end'), seq('b', 'after')].join('\n'));

  it('true on activation: the activity is activated, then interrupted (its job cancelled)', async () => {
    // given
    const engine = await TestEngine.of(withBoundary(true));
    // when
    engine.start('P', { x: 11 });
    // then
    expect(engine.completed()).toEqual(['after', 'b', 'start']);
    expect(engine.effects).toContainEqual(expect.objectContaining({ type: 'CancelJob', jobType: 'work' }));
    expect(engine.state.status).toBe('completed');
  });

  it('an interrupting one triggers when a variable set elsewhere turns it true', async () => {
    // given
    const engine = await TestEngine.of(withBoundary(true));
    engine.start('P', { x: 1 });
    // when
    setVariables(engine, { x: 20 });
    // then
    expect(engine.completed()).toEqual(['after', 'b', 'start']);
  });

  it('a non-interrupting one triggers on each change from false to true, not while it stays true', async () => {
    // given
    const engine = await TestEngine.of(withBoundary(false));
    engine.start('P', { x: 1 });
    // when
    setVariables(engine, { x: 20 });
    setVariables(engine, { x: 30 });
    // then
    expect(engine.completed()).toEqual(['after', 'b', 'start']);
    // when
    setVariables(engine, { x: 0 });
    setVariables(engine, { x: 11 });
    // then
    expect(engine.completed()).toEqual(['after', 'after', 'b', 'b', 'start']);
    expect(engine.waiting()).toEqual(['work']);
  });

  it('does not trigger from the variables its own activity completes with (its subscription closes first)', async () => {
    // given
    const engine = await TestEngine.of(withBoundary(true));
    engine.start('P', { x: 1 });
    // when
    engine.completeJob('work', { x: 50 });
    // then
    expect(engine.completed()).toEqual(['end', 'start', 'work']);
  });

  it('a job completed in a parallel branch triggers it', async () => {
    // given
    const body = [
      start(),
      '<bpmn:parallelGateway id="fork" />',
      userTask('review'),
      boundary('changed', 'review', '=address != null', true),
      serviceTask('lookup'),
      end('e1'),
      end('e2'),
      end('e3'),
      seq('start', 'fork', 'review', 'e1'),
      seq('fork', 'lookup', 'e2'),
      seq('changed', 'e3'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    // when
    engine.completeJob('lookup', { address: 'Main St' });
    // then
    expect(engine.completed().sort()).toEqual(['changed', 'e2', 'e3', 'fork', 'lookup', 'start']);
    expect(engine.state.status).toBe('completed');
  });
});

describe('conditional event subprocess start', () => {
  const model = (interrupting: boolean) =>
    zeebe(
      [
        start(),
        userTask('work'),
        end(),
        seq('start', 'work', 'end'),
        '<bpmn:subProcess id="esp" triggeredByEvent="true">',
        `<bpmn:startEvent id="espStart" isInterrupting="${interrupting}">${conditional('=cancelled = true')}</bpmn:startEvent>`,
        end('espEnd'),
        seq('espStart', 'espEnd'),
        '</bpmn:subProcess>',
      ].join('\n'),
    );

  it('an interrupting one ends the work when the variable is set', async () => {
    // given
    const engine = await TestEngine.of(model(true));
    engine.start('P');
    // when
    setVariables(engine, { cancelled: true });
    // then
    expect(engine.completed()).toEqual(['esp', 'espEnd', 'espStart', 'start']);
    expect(engine.state.status).toBe('completed');
  });

  it('a non-interrupting one runs beside the work, again after going false and true', async () => {
    // given
    const engine = await TestEngine.of(model(false));
    engine.start('P');
    // when
    setVariables(engine, { cancelled: true });
    setVariables(engine, { cancelled: false });
    setVariables(engine, { cancelled: true });
    // then
    expect(engine.completed()).toEqual(['esp', 'esp', 'espEnd', 'espEnd', 'espStart', 'espStart', 'start']);
    expect(engine.waiting()).toEqual(['work']);
  });

  it('sees a variable the last task completes with before the instance can end', async () => {
    // given
    const engine = await TestEngine.of(model(false));
    engine.start('P');
    // when
    engine.completeUserTask('work', { cancelled: true });
    // then
    expect(engine.completed()).toEqual(['end', 'esp', 'espEnd', 'espStart', 'start', 'work']);
    expect(engine.state.status).toBe('completed');
  });
});

describe('conditional variable filters', () => {
  it('zeebe:conditionalFilter variableEvents="create" ignores updates', async () => {
    // given
    const filter = '<bpmn:extensionElements><zeebe:conditionalFilter variableEvents="create" /></bpmn:extensionElements>';
    const body = [start(), `<bpmn:intermediateCatchEvent id="wait">${conditional('=y > 1', filter)}</bpmn:intermediateCatchEvent>`, end(), seq('start', 'wait', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P', { y: 0 });
    // when
    setVariables(engine, { y: 5 });
    // then
    expect(engine.waiting()).toEqual(['wait']);
  });
});

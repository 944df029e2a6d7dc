import { describe, expect, it } from 'vitest';
import { end, flow, message, seq, serviceTask, start, timer, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

const exclusive = zeebe(
  [
    start(),
    '<bpmn:exclusiveGateway id="gw" default="gw_small" />',
    serviceTask('big'),
    serviceTask('small'),
    end(),
    seq('start', 'gw'),
    flow('gw', 'big', '=amount > 100'),
    flow('gw', 'small'),
    seq('big', 'end'),
    seq('small', 'end'),
  ].join('\n'),
);

describe('exclusive gateway', () => {
  it.each([
    [150, 'big'],
    [50, 'small'],
  ])('amount %s goes to %s', async (amount, expected) => {
    // given
    const engine = await TestEngine.of(exclusive);
    // when
    engine.start('P', { amount });
    // then
    expect(engine.waiting()).toEqual([expected]);
    expect(engine.completed()).toEqual(['gw', 'start']);
  });

  it('raises NO_FLOW_MATCHED without a default, listed once under the gateway', async () => {
    // given
    const body = [start(), '<bpmn:exclusiveGateway id="gw" />', end('a'), end('b'), seq('start', 'gw'), flow('gw', 'a', '=x = 1'), flow('gw', 'b', '=x = 2')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    // when
    engine.start('P', { x: 3 });
    // then
    expect(Object.values(engine.state.incidents)).toMatchObject([{ errorType: 'NO_FLOW_MATCHED', elementId: 'gw' }]);
    expect(engine.waiting()).toEqual(['gw']);
    expect(engine.completed()).toEqual(['start']);
  });

  it('raises EXPRESSION_FAILED when a condition yields no boolean', async () => {
    // given
    const body = [start(), '<bpmn:exclusiveGateway id="gw" />', end('a'), end('b'), seq('start', 'gw'), flow('gw', 'a', '=x > 1'), flow('gw', 'b', '=true')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    // when
    engine.start('P');
    // then
    expect(Object.values(engine.state.incidents)).toMatchObject([{ errorType: 'EXPRESSION_FAILED', elementId: 'gw' }]);
  });
});

describe('parallel gateway', () => {
  it('forks to every branch and joins once per join', async () => {
    // given
    const body = [
      start(),
      '<bpmn:parallelGateway id="fork" />',
      serviceTask('a'),
      serviceTask('b'),
      '<bpmn:parallelGateway id="join" />',
      end(),
      seq('start', 'fork'),
      seq('fork', 'a', 'join'),
      seq('fork', 'b', 'join'),
      seq('join', 'end'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    expect(engine.waiting()).toEqual(['a', 'b']);
    // when
    engine.completeJob('a');
    // then
    expect(engine.state.status).toBe('active');
    expect(engine.waiting()).toEqual(['b']);
    // when
    engine.completeJob('b');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['a', 'b', 'end', 'fork', 'join', 'start']);
  });
});

const inclusiveModel = zeebe(
  [
    start(),
    '<bpmn:inclusiveGateway id="split" default="split_c" />',
    serviceTask('a'),
    serviceTask('b'),
    serviceTask('c'),
    '<bpmn:inclusiveGateway id="join" />',
    end(),
    seq('start', 'split'),
    flow('split', 'a', '=wantA'),
    flow('split', 'b', '=wantB'),
    flow('split', 'c'),
    seq('a', 'join'),
    seq('b', 'join'),
    seq('c', 'join'),
    seq('join', 'end'),
  ].join('\n'),
);

describe('inclusive gateway', () => {
  it('takes every matching flow and joins only the tokens that can still arrive', async () => {
    // given
    const engine = await TestEngine.of(inclusiveModel);
    engine.start('P', { wantA: true, wantB: false });
    expect(engine.waiting()).toEqual(['a']);
    // when
    engine.completeJob('a');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['a', 'end', 'join', 'split', 'start']);
  });

  it('waits for both branches when both are taken', async () => {
    // given
    const engine = await TestEngine.of(inclusiveModel);
    engine.start('P', { wantA: true, wantB: true });
    // when
    engine.completeJob('b');
    // then
    expect(engine.waiting()).toEqual(['a']);
    // when
    engine.completeJob('a');
    // then
    expect(engine.completed().filter((id) => id === 'join')).toHaveLength(1);
    expect(engine.state.status).toBe('completed');
  });

  it('takes the default when nothing matches', async () => {
    // given
    const engine = await TestEngine.of(inclusiveModel);
    // when
    engine.start('P', { wantA: false, wantB: false });
    // then
    expect(engine.waiting()).toEqual(['c']);
  });
});

describe('event-based gateway', () => {
  const model = zeebe(
    [
      start(),
      '<bpmn:eventBasedGateway id="gw" />',
      `<bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>`,
      `<bpmn:intermediateCatchEvent id="timeout">${timer('timeDuration', 'PT1H')}</bpmn:intermediateCatchEvent>`,
      end('e1'),
      end('e2'),
      seq('start', 'gw'),
      seq('gw', 'paid', 'e1'),
      seq('gw', 'timeout', 'e2'),
    ].join('\n'),
    { extra: message('m', 'paid', '=orderId') },
  );

  it('waits under its own id; the message wins and the timer is cancelled', async () => {
    // given
    const engine = await TestEngine.of(model);
    engine.start('P', { orderId: 'o-1' });
    expect(engine.waiting()).toEqual(['gw']);
    // when
    engine.publish('paid', 'o-1', { ok: 1 });
    // then
    expect(engine.completed()).toEqual(['e1', 'gw', 'paid', 'start']);
    expect(engine.effects.some((e) => e.type === 'CancelTimer')).toBe(true);
    expect(engine.state.waits).toEqual({});
    expect(engine.variables).toMatchObject({ ok: 1 });
  });

  it('the timer wins, and a late message finds no subscription', async () => {
    // given
    const engine = await TestEngine.of(model);
    engine.start('P', { orderId: 'o-1' });
    // when
    engine.advance(3_600_000);
    // then
    expect(engine.completed()).toEqual(['e2', 'gw', 'start', 'timeout']);
    expect(engine.publish('paid', 'o-1')).toBe(false);
  });
});

describe('link events', () => {
  it('a link throw jumps to the catch of the same name', async () => {
    // given
    const body = [
      start(),
      '<bpmn:intermediateThrowEvent id="go"><bpmn:linkEventDefinition name="L" /></bpmn:intermediateThrowEvent>',
      '<bpmn:intermediateCatchEvent id="land"><bpmn:linkEventDefinition name="L" /></bpmn:intermediateCatchEvent>',
      serviceTask('after'),
      end(),
      seq('start', 'go'),
      seq('land', 'after', 'end'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    // when
    engine.start('P');
    // then
    expect(engine.waiting()).toEqual(['after']);
    expect(engine.completed()).toEqual(['go', 'land', 'start']);
  });
});

describe('event-based gateway with a receive task and a signal', () => {
  it('the receive task branch completes at once when its message arrives; the signal subscription closes', async () => {
    // given
    const body = [
      start(),
      '<bpmn:eventBasedGateway id="gw" />',
      '<bpmn:receiveTask id="reply" messageRef="m" />',
      '<bpmn:intermediateCatchEvent id="abort"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateCatchEvent>',
      end('e1'),
      end('e2'),
      seq('start', 'gw'),
      seq('gw', 'reply', 'e1'),
      seq('gw', 'abort', 'e2'),
    ];
    const engine = await TestEngine.of(zeebe(body.join('\n'), { extra: `${message('m', 'reply', '=id')}<bpmn:signal id="sig" name="abort" />` }));
    engine.start('P', { id: 'r' });
    expect(Object.values(engine.state.waits).map((w) => w.kind).sort()).toEqual(['message', 'signal']);
    // when
    engine.publish('reply', 'r', { answer: 42 });
    // then
    expect(engine.completed()).toEqual(['e1', 'gw', 'reply', 'start']);
    expect(engine.variables).toMatchObject({ answer: 42 });
    expect(engine.state.status).toBe('completed');
  });
});

describe('inclusive join inside a subprocess', () => {
  it('counts tokens per scope instance', async () => {
    // given
    const inner = [
      start('s1'),
      '<bpmn:inclusiveGateway id="split" />',
      serviceTask('a'),
      serviceTask('b'),
      '<bpmn:inclusiveGateway id="join" />',
      end('e1'),
      seq('s1', 'split'),
      flow('split', 'a', '=true'),
      flow('split', 'b', '=false'),
      seq('a', 'join'),
      seq('b', 'join'),
      seq('join', 'e1'),
    ].join('');
    const body = [start(), `<bpmn:subProcess id="sp">${inner}</bpmn:subProcess>`, end(), seq('start', 'sp', 'end')];
    const engine = await TestEngine.of(zeebe(body.join('\n')));
    engine.start('P');
    expect(engine.waiting()).toEqual(['a']);
    // when
    engine.completeJob('a');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.state.joins).toEqual({});
  });
});

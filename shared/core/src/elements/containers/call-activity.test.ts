import { describe, expect, it } from 'vitest';
import { end, io, seq, serviceTask, start, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

const call = (ext = '', attrs = 'propagateAllChildVariables="true"') =>
  `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" ${attrs} />${ext}</bpmn:extensionElements></bpmn:callActivity>`;
const parent = (callXml: string, extra = '') => zeebe([start(), callXml, extra, end(), seq('start', 'call', 'end')].join('\n'), { id: 'parent', extra: '<bpmn:error id="err" errorCode="BAD" />' });
const child = zeebe([start('cs'), serviceTask('inner'), end('ce'), seq('cs', 'inner', 'ce')].join('\n'), { id: 'child' });

describe('call activity', () => {
  it('starts a child with the parent variables and merges the child variables back', async () => {
    // given
    const engine = await TestEngine.of([parent(call()), child]);
    engine.startProcessId = 'parent';
    engine.start('parent', { order: 1 });
    // then
    const started = engine.effects.find((e) => e.type === 'StartChildInstance');
    expect(started).toMatchObject({ childInstanceId: 'i1.4', processId: 'child', variables: { order: 1 }, parent: { instanceId: 'i1', elementId: 'call', rootInstanceId: 'i1' } });
    expect(engine.waiting()).toEqual(['inner']);
    // when
    engine.completeJob('inner', { shipped: true });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.variables).toEqual({ order: 1, shipped: true });
    expect(engine.completed()).toEqual(['call', 'ce', 'cs', 'end', 'inner', 'start']);
  });

  it('applies output mappings instead of merging everything', async () => {
    // given
    const engine = await TestEngine.of([parent(call(io([['=order', 'childOrder']], [['=shipped', 'done']]), 'propagateAllParentVariables="false"')), child]);
    engine.startProcessId = 'parent';
    engine.start('parent', { order: 1, secret: 's' });
    // then
    expect(engine.effects.find((e) => e.type === 'StartChildInstance')).toMatchObject({ variables: { childOrder: 1 } });
    // when
    engine.completeJob('inner', { shipped: 'yes', noise: 1 });
    // then
    expect(engine.variables).toEqual({ order: 1, secret: 's', done: 'yes' });
  });

  it('an error in the child is caught by a boundary on the call activity', async () => {
    // given
    const boundary = `<bpmn:boundaryEvent id="caught" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent><bpmn:endEvent id="handled" />${seq('caught', 'handled')}`;
    const engine = await TestEngine.of([parent(call(), boundary), child]);
    engine.startProcessId = 'parent';
    engine.start('parent');
    // when
    engine.throwError('inner', 'BAD');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.stateOf('i1.3').status).toBe('terminated');
    expect(engine.completed()).toEqual(['caught', 'cs', 'handled', 'start']);
    expect(engine.waiting()).toEqual([]);
  });

  it('an uncaught child error becomes an incident on the call activity', async () => {
    // given
    const engine = await TestEngine.of([parent(call()), child]);
    engine.startProcessId = 'parent';
    engine.start('parent');
    // when
    engine.throwError('inner', 'OTHER');
    // then
    expect(Object.values(engine.state.incidents)).toMatchObject([{ errorType: 'UNHANDLED_ERROR', elementId: 'call' }]);
    expect(engine.waiting()).toEqual(['call']);
  });

  it('cancelling the parent cancels the child', async () => {
    // given
    const engine = await TestEngine.of([parent(call()), child]);
    engine.startProcessId = 'parent';
    engine.start('parent');
    // when
    engine.cancel();
    // then
    expect(engine.effects).toContainEqual({ type: 'CancelChildInstance', childInstanceId: 'i1.3' });
    expect(engine.stateOf('i1.3').status).toBe('terminated');
    expect(engine.waiting()).toEqual([]);
  });
});

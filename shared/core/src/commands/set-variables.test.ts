import { describe, expect, it } from 'vitest';
import { visibleVariables } from '../queries.js';
import { end, io, seq, serviceTask, start, zeebe } from '../test-support/bpmn.js';
import { TestEngine } from '../test-support/test-engine.js';

/** `t` has a local variable `x` (an input mapping gives it a scope). */
const oneTask = zeebe([start(), serviceTask('t', { ext: io([['=1', 'x']]) }), end(), seq('start', 't', 'end')].join('\n'));

async function started(): Promise<{ engine: TestEngine; elementInstanceId: string }> {
  const engine = await TestEngine.of(oneTask);
  engine.start('P', { a: 1 });
  const { jobKey } = engine.jobKeyOf('t');
  const elementInstanceId = engine.state.waits[jobKey]?.elementInstanceId ?? '';
  return { engine, elementInstanceId };
}

describe('SetVariables (PUT /v2/element-instances/{key}/variables, issue 13)', () => {
  it('local: sets every variable in the element instance\'s scope and emits only VariablesSet', async () => {
    // given
    const { engine, elementInstanceId } = await started();
    const before = engine.events().length;
    const effects = engine.effects.length;
    // when
    const rejection = engine.run('i1', { type: 'SetVariables', elementInstanceId, variables: { a: 2, y: 'local' }, local: true });
    // then
    expect(rejection).toBeUndefined();
    expect(engine.events().slice(before)).toEqual([expect.objectContaining({ type: 'VariablesSet', scopeKey: elementInstanceId, variables: { a: 2, y: 'local' } })]);
    expect(engine.effects.length).toBe(effects);
    expect(engine.state.variables['root']).toEqual({ a: 1 });
    expect(visibleVariables(engine.state, elementInstanceId)).toEqual({ a: 2, x: 1, y: 'local' });
    expect(engine.waiting()).toEqual(['t']);
  });

  it('not local: each variable lands in the nearest scope that has it, else in the root scope', async () => {
    // given
    const { engine, elementInstanceId } = await started();
    // when
    const rejection = engine.run('i1', { type: 'SetVariables', elementInstanceId, variables: { x: 5, b: true }, local: false });
    // then
    expect(rejection).toBeUndefined();
    expect(engine.state.variables[elementInstanceId]).toEqual({ x: 5 });
    expect(engine.state.variables['root']).toEqual({ a: 1, b: true });
  });

  it('without an element instance sets the process scope', async () => {
    // given
    const { engine } = await started();
    // when
    const rejection = engine.run('i1', { type: 'SetVariables', variables: { a: 3 }, local: true });
    // then
    expect(rejection).toBeUndefined();
    expect(engine.state.variables['root']).toEqual({ a: 3 });
  });

  it('refuses an element instance that is not active with NOT_FOUND and changes nothing', async () => {
    // given: the start event's instance has completed
    const { engine } = await started();
    const activated = engine.events().find((e) => e.type === 'ElementActivated' && e.elementId === 'start');
    const elementInstanceId = activated !== undefined && 'elementInstanceId' in activated ? activated.elementInstanceId : 'none';
    const before = engine.state;
    // when
    const rejection = engine.run('i1', { type: 'SetVariables', elementInstanceId, variables: { a: 4 }, local: true });
    // then
    expect(rejection).toMatchObject({ code: 'NOT_FOUND', details: { instanceId: 'i1' } });
    expect(engine.state).toBe(before);
  });
});

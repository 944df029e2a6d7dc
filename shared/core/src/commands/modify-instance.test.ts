import { describe, expect, it } from 'vitest';
import { visibleVariables } from '../queries.js';
import { end, seq, serviceTask, start, zeebe } from '../test-support/bpmn.js';
import { TestEngine } from '../test-support/test-engine.js';

const twoTasks = zeebe([start(), serviceTask('a'), serviceTask('b'), end(), seq('start', 'a', 'b', 'end')].join('\n'));

const withSubprocess = zeebe(
  [
    start(),
    serviceTask('a'),
    `<bpmn:subProcess id="sub">${start('sub-start')}${serviceTask('s1')}${end('sub-end')}${seq('sub-start', 's1', 'sub-end')}</bpmn:subProcess>`,
    end(),
    seq('start', 'a', 'sub', 'end'),
  ].join('\n'),
);

const elementInstanceOf = (engine: TestEngine, elementId: string): string =>
  Object.values(engine.state.elementInstances).find((rec) => rec.elementId === elementId)?.elementInstanceId ?? '';

describe('ModifyInstance (POST /v2/process-instances/{key}/modification, issue 19)', () => {
  it('moves a token: activates the next task with a variable and terminates the stuck one, recorded as one modification', async () => {
    // given an instance waiting at a
    const engine = await TestEngine.of(twoTasks);
    engine.start('P', { n: 1 });
    const stuck = elementInstanceOf(engine, 'a');
    const before = engine.events().length;
    // when
    const rejection = engine.run('i1', { type: 'ModifyInstance', activate: [{ elementId: 'b', variables: [{ variables: { fixed: true } }] }], terminate: [{ elementInstanceId: stuck }] });
    // then b waits, a is gone with its job cancelled, and the history says why
    expect(rejection).toBeUndefined();
    expect(engine.waiting()).toEqual(['b']);
    expect(engine.variables).toEqual({ n: 1, fixed: true });
    const added = engine.events().slice(before);
    expect(added[0]).toMatchObject({ type: 'InstanceModified', activatedElementIds: ['b'], terminatedElementInstanceIds: [stuck] });
    expect(added.map((e) => e.type)).toEqual(expect.arrayContaining(['ElementActivated', 'JobCreated', 'JobCancelled', 'ElementTerminated']));
    expect(engine.effects).toContainEqual(expect.objectContaining({ type: 'CancelJob' }));
    // and the instance goes on from b
    expect(engine.completeJob('b')).toBeUndefined();
    expect(engine.state.status).toBe('completed');
  });

  it('activates an element inside a subprocess that is not active: the subprocess instance is made without running its start, variables land in its scope', async () => {
    // given an instance waiting at a, before the subprocess
    const engine = await TestEngine.of(withSubprocess);
    engine.start('P');
    // when s1 (inside sub) is activated with a variable in sub's scope
    const rejection = engine.run('i1', { type: 'ModifyInstance', activate: [{ elementId: 's1', variables: [{ scopeElementId: 'sub', variables: { y: 2 } }] }], terminate: [] });
    // then a still waits, and s1 waits inside a new sub instance that sees y
    expect(rejection).toBeUndefined();
    expect(engine.waiting()).toEqual(['a', 's1']);
    const sub = elementInstanceOf(engine, 'sub');
    expect(engine.state.variables[sub]).toEqual({ y: 2 });
    expect(visibleVariables(engine.state, elementInstanceOf(engine, 's1'))).toMatchObject({ y: 2 });
    expect(engine.events().some((e) => e.type === 'ElementActivated' && e.elementId === 'sub-start')).toBe(false);
    // when s1 completes, sub completes and the flow after it runs, while a still waits
    expect(engine.completeJob('s1')).toBeUndefined();
    expect(engine.completed()).toEqual(expect.arrayContaining(['s1', 'sub-end', 'sub', 'end']));
    expect(engine.waiting()).toEqual(['a']);
  });

  it('uses the one active subprocess instance, and terminates a subprocess that a termination leaves empty', async () => {
    // given an instance inside sub (a completed)
    const engine = await TestEngine.of(withSubprocess);
    engine.start('P');
    engine.completeJob('a');
    const sub = elementInstanceOf(engine, 'sub');
    // when s1 is terminated: sub has nothing left and the process neither
    const rejection = engine.run('i1', { type: 'ModifyInstance', activate: [], terminate: [{ elementId: 's1' }] });
    // then sub is terminated, and with it the instance (nothing left to run)
    expect(rejection).toBeUndefined();
    expect(engine.events().filter((e) => e.type === 'ElementTerminated').map((e) => e.elementInstanceId)).toContain(sub);
    expect(engine.state.status).toBe('terminated');
  });

  it('refuses the whole modification, naming every bad instruction, and changes nothing', async () => {
    // given an instance waiting at a
    const engine = await TestEngine.of(withSubprocess);
    engine.start('P');
    const before = engine.events().length;
    // when the instructions name an unknown element, a start event, a bad variable scope and a finished element instance
    const rejection = engine.run('i1', {
      type: 'ModifyInstance',
      activate: [{ elementId: 'nope' }, { elementId: 'start' }, { elementId: 'b-missing' }, { elementId: 'a', variables: [{ scopeElementId: 'sub', variables: { z: 1 } }] }],
      terminate: [{ elementInstanceId: 'i1.999' }],
    });
    // then
    expect(rejection).toMatchObject({ code: 'VALIDATION_FAILED' });
    const problems = (rejection?.details['problems'] ?? []) as { field: string; message: string }[];
    expect(problems.map((p) => p.field)).toEqual(['activateInstructions[0]', 'activateInstructions[1]', 'activateInstructions[2]', 'activateInstructions[3].variableInstructions[0]', 'terminateInstructions[0]']);
    expect(problems[1]?.message).toContain('start event');
    expect(problems[3]?.message).toContain("scopeId 'sub'");
    expect(engine.events().length).toBe(before);
    expect(engine.waiting()).toEqual(['a']);
  });

  it('refuses to pick among several instances of the enclosing subprocess unless an ancestor is named', async () => {
    // given two instances of sub, both waiting at s1
    const engine = await TestEngine.of(withSubprocess);
    engine.start('P');
    engine.completeJob('a');
    engine.run('i1', { type: 'ModifyInstance', activate: [{ elementId: 'sub' }], terminate: [] });
    const subs = Object.values(engine.state.elementInstances).filter((r) => r.elementId === 'sub').map((r) => r.elementInstanceId);
    expect(subs).toHaveLength(2);
    // when s1 is activated without an ancestor, then with one
    const refused = engine.run('i1', { type: 'ModifyInstance', activate: [{ elementId: 's1' }], terminate: [] });
    const accepted = engine.run('i1', { type: 'ModifyInstance', activate: [{ elementId: 's1', ancestorElementInstanceId: subs[1] as string }], terminate: [] });
    // then
    expect(refused?.message).toContain('has 2 active instances');
    expect(accepted).toBeUndefined();
    const inSecond = Object.values(engine.state.elementInstances).filter((r) => r.elementId === 's1' && r.parentElementInstanceId === subs[1]);
    expect(inSecond).toHaveLength(2);
  });
});

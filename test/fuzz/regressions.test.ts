import { describe, expect, it } from 'vitest';
import { decide } from '@baton/core';
import { parseBpmn } from '@baton/model';
import { tokenTreeProblems } from '@baton/testkit';

/**
 * Counterexamples the fuzz properties found (issue 12), shrunk and written out
 * as plain examples so they stay fixed whatever the generators become.
 */
const definitions = (process: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://baton.dev/fuzz">
<bpmn:process id="P" isExecutable="true">${process}</bpmn:process>
<bpmn:message id="m1" name="a" /><bpmn:message id="m2" name="b" />
</bpmn:definitions>`;

const eventGateway = (from: string, to: string) =>
  definitions(`<bpmn:startEvent id="s" /><bpmn:eventBasedGateway id="g" />
<bpmn:intermediateCatchEvent id="a"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
<bpmn:intermediateCatchEvent id="b"><bpmn:messageEventDefinition messageRef="m2" /></bpmn:intermediateCatchEvent>
<bpmn:endEvent id="e" />
<bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="g" /><bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="a" />
<bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="b" /><bpmn:sequenceFlow id="f3" sourceRef="a" targetRef="e" />
<bpmn:sequenceFlow id="f4" sourceRef="${from}" targetRef="${to}" />`);

describe('fuzz regressions: model ids that are Object.prototype names (found by model.fuzz, seed 1072823347)', () => {
  it.each([
    ['a flow from "__proto__" beside an event-based gateway', eventGateway('__proto__', 'e'), 'sourceRef "__proto__"'],
    ['a flow to "__proto__"', eventGateway('b', '__proto__'), 'targetRef "__proto__"'],
    ['a flow to "constructor"', eventGateway('b', 'constructor'), 'targetRef "constructor"'],
  ])('%s is refused as a missing reference, not an internal error', async (_, xml, named) => {
    // when
    const { problems } = await parseBpmn(xml);
    // then
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.code)).toEqual(['MISSING_REFERENCE']);
    expect(errors[0]?.message).toContain(`${named}, but no flow node with that id exists`);
  });

  const roles = ['task', 'join', 'flow'] as const;
  const cases = ['__proto__', 'constructor', 'toString'].flatMap((id) => roles.map((role) => [role, id] as const));

  it.each(cases)('a %s with id "%s" deploys and runs like any other', async (role, id) => {
    // given a parallel split and join where one element is named by an Object.prototype name
    const name = (r: (typeof roles)[number], fallback: string) => (r === role ? id : fallback);
    const [task, join, flow] = [name('task', 't'), name('join', 'j'), name('flow', 'f4')];
    const xml = definitions(`<bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" /><bpmn:userTask id="${task}" /><bpmn:userTask id="u" />
<bpmn:parallelGateway id="${join}" /><bpmn:endEvent id="e" />
<bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="fork" /><bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="${task}" />
<bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="u" /><bpmn:sequenceFlow id="f3" sourceRef="${task}" targetRef="${join}" />
<bpmn:sequenceFlow id="${flow}" sourceRef="u" targetRef="${join}" /><bpmn:sequenceFlow id="f5" sourceRef="${join}" targetRef="e" />`);
    const { processes, problems } = await parseBpmn(xml);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const definition = processes[0]!;
    // when both tasks complete
    let decision = decide(undefined, { type: 'CreateInstance', commandId: 'c0', at: 0, instanceId: 'i1', variables: {} }, definition);
    for (const step of [1, 2]) {
      if (!decision.ok) throw new Error(decision.rejection.message);
      const waiting = Object.values(decision.state.waits).find((w) => w.kind === 'userTask');
      const userTaskKey = waiting?.kind === 'userTask' ? waiting.userTaskKey : '';
      decision = decide(decision.state, { type: 'CompleteUserTask', commandId: `c${step}`, at: step, userTaskKey, variables: {} }, definition);
    }
    // then the join fired once and the instance completed
    if (!decision.ok) throw new Error(decision.rejection.message);
    expect(decision.state.status).toBe('completed');
    expect(decision.state.elementInstances).toEqual({});
    expect(decision.state.waits).toEqual({});
  });
});

describe('fuzz regressions: a variable named "__proto__" (found by core.fuzz)', () => {
  const xml = definitions(`<bpmn:startEvent id="s" /><bpmn:userTask id="u" /><bpmn:endEvent id="e" />
<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="u" /><bpmn:sequenceFlow id="f2" sourceRef="u" targetRef="e" />`);
  // As JSON.parse makes it: an own key, which an assignment would turn into the prototype of the scope.
  const polluted = () => JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;

  it('is refused when an instance starts, naming the variable', async () => {
    // given
    const definition = (await parseBpmn(xml)).processes[0]!;
    // when
    const decision = decide(undefined, { type: 'CreateInstance', commandId: 'c0', at: 0, instanceId: 'i1', variables: polluted() }, definition);
    // then
    expect(decision).toMatchObject({ ok: false, rejection: { code: 'VALIDATION_FAILED', details: { field: '__proto__' } } });
  });

  it('is refused when a user task completes, and the state stays as it was', async () => {
    // given
    const definition = (await parseBpmn(xml)).processes[0]!;
    const created = decide(undefined, { type: 'CreateInstance', commandId: 'c0', at: 0, instanceId: 'i1', variables: { a: 1 } }, definition);
    if (!created.ok) throw new Error(created.rejection.message);
    const task = Object.values(created.state.waits)[0];
    const userTaskKey = task?.kind === 'userTask' ? task.userTaskKey : '';
    // when
    const decision = decide(created.state, { type: 'CompleteUserTask', commandId: 'c1', at: 1, userTaskKey, variables: polluted() }, definition);
    // then
    expect(decision).toMatchObject({ ok: false, rejection: { code: 'VALIDATION_FAILED' } });
    expect(Object.getPrototypeOf(created.state.variables['root'])).toBe(Object.prototype);
  });
});

describe('fuzz regressions: an activation that fails half-way opens no wait (found by model.fuzz, seed 12)', () => {
  // The message's correlation key needs a variable the instance does not have: opening its subscription fails.
  const withKey = (process: string) => definitions(process).replace('<bpmn:message id="m1" name="a" />', '<bpmn:message id="m1" name="a"><bpmn:extensionElements><zeebe:subscription correlationKey="=missing" /></bpmn:extensionElements></bpmn:message>').replace('<bpmn:definitions ', '<bpmn:definitions xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" ');
  const timer = '<bpmn:timerEventDefinition><bpmn:timeDuration>PT5S</bpmn:timeDuration></bpmn:timerEventDefinition>';

  it.each([
    [
      'an event-based gateway',
      `<bpmn:startEvent id="s" /><bpmn:eventBasedGateway id="g" /><bpmn:endEvent id="e" />
<bpmn:intermediateCatchEvent id="late">${timer}</bpmn:intermediateCatchEvent>
<bpmn:intermediateCatchEvent id="told"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
<bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="g" /><bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="late" />
<bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="told" /><bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="e" /><bpmn:sequenceFlow id="f4" sourceRef="told" targetRef="e" />`,
    ],
    [
      'an activity with boundary events',
      `<bpmn:startEvent id="s" /><bpmn:userTask id="u" /><bpmn:endEvent id="e" />
<bpmn:boundaryEvent id="late" attachedToRef="u">${timer}</bpmn:boundaryEvent>
<bpmn:boundaryEvent id="told" attachedToRef="u"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:boundaryEvent>
<bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="u" /><bpmn:sequenceFlow id="f1" sourceRef="u" targetRef="e" />
<bpmn:sequenceFlow id="f2" sourceRef="late" targetRef="e" /><bpmn:sequenceFlow id="f3" sourceRef="told" targetRef="e" />`,
    ],
  ])('%s raises its incident with no timer left to fire past it', async (_, process) => {
    // given
    const { processes, problems } = await parseBpmn(withKey(process));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // when
    const created = decide(undefined, { type: 'CreateInstance', commandId: 'c0', at: 0, instanceId: 'i1', variables: {} }, processes[0]!);
    // then
    if (!created.ok) throw new Error(created.rejection.message);
    expect(Object.values(created.state.incidents).map((i) => i.errorType)).toEqual(['EXPRESSION_FAILED']);
    expect(created.state.waits).toEqual({});
    expect(tokenTreeProblems(created.state)).toEqual([]);
  });
});

describe('fuzz regressions: event subprocess starts that cannot open (found by model.fuzz, seed -1677769344)', () => {
  const withKey = (process: string) =>
    definitions(process)
      .replace('<bpmn:message id="m1" name="a" />', '<bpmn:message id="m1" name="a"><bpmn:extensionElements><zeebe:subscription correlationKey="=missing" /></bpmn:extensionElements></bpmn:message>')
      .replace('<bpmn:definitions ', '<bpmn:definitions xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" ');
  const eventSubprocesses = (prefix: string) => `
<bpmn:subProcess id="${prefix}onTime" triggeredByEvent="true"><bpmn:startEvent id="${prefix}late"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
<bpmn:endEvent id="${prefix}lateEnd" /><bpmn:sequenceFlow id="${prefix}g1" sourceRef="${prefix}late" targetRef="${prefix}lateEnd" /></bpmn:subProcess>
<bpmn:subProcess id="${prefix}onMessage" triggeredByEvent="true"><bpmn:startEvent id="${prefix}told"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:startEvent>
<bpmn:endEvent id="${prefix}toldEnd" /><bpmn:sequenceFlow id="${prefix}g2" sourceRef="${prefix}told" targetRef="${prefix}toldEnd" /></bpmn:subProcess>`;

  async function started(process: string) {
    const { processes, problems } = await parseBpmn(withKey(process));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const definition = processes[0]!;
    const created = decide(undefined, { type: 'CreateInstance', commandId: 'c0', at: 0, instanceId: 'i1', variables: {} }, definition);
    if (!created.ok) throw new Error(created.rejection.message);
    return { definition, state: created.state };
  }

  it('at the process level, the incident ends with the instance', async () => {
    // given the process's incident, its flow waiting at a user task
    const { definition, state } = await started(`<bpmn:startEvent id="s" /><bpmn:userTask id="u" /><bpmn:endEvent id="e" />
<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="u" /><bpmn:sequenceFlow id="f2" sourceRef="u" targetRef="e" />${eventSubprocesses('')}`);
    expect(Object.values(state.incidents).map((i) => i.errorType)).toEqual(['EXPRESSION_FAILED']);
    const task = Object.values(state.waits).find((w) => w.kind === 'userTask');
    // when the flow completes
    const done = decide(state, { type: 'CompleteUserTask', commandId: 'c1', at: 1, userTaskKey: task?.kind === 'userTask' ? task.userTaskKey : '', variables: {} }, definition);
    // then
    if (!done.ok) throw new Error(done.rejection.message);
    expect(done.state.status).toBe('completed');
    expect(done.state.incidents).toEqual({});
    expect(done.state.waits).toEqual({});
    expect(tokenTreeProblems(done.state)).toEqual([]);
  });

  it('in a subprocess, the incident leaves no event subprocess start open', async () => {
    // when
    const { state } = await started(`<bpmn:startEvent id="s" /><bpmn:subProcess id="sp"><bpmn:startEvent id="ss" /><bpmn:userTask id="u" /><bpmn:endEvent id="se" />
<bpmn:sequenceFlow id="h1" sourceRef="ss" targetRef="u" /><bpmn:sequenceFlow id="h2" sourceRef="u" targetRef="se" />${eventSubprocesses('sp_')}</bpmn:subProcess>
<bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sp" /><bpmn:sequenceFlow id="f2" sourceRef="sp" targetRef="e" />`);
    // then
    expect(Object.values(state.incidents).map((i) => [i.elementId, i.errorType])).toEqual([['sp', 'EXPRESSION_FAILED']]);
    expect(state.waits).toEqual({});
  });
});

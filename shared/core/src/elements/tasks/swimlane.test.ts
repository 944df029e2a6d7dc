import { describe, expect, it } from 'vitest';
import { TestEngine } from '../../test-support/test-engine.js';
import type { UserTaskWait } from '../../types/state.js';

/** Two lanes: `clerks` (a swimlane for group clerks) holds `enter` and `check`; `boss` holds `sign`. */
const model = (enter = '<bpmn:userTask id="enter" />') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:baton="http://baton.dev/schema/bpmn" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
<bpmn:process id="P" isExecutable="true">
  <bpmn:laneSet id="lanes">
    <bpmn:lane id="clerks" name="Clerks" baton:candidateGroups="clerks,backoffice"><bpmn:flowNodeRef>enter</bpmn:flowNodeRef><bpmn:flowNodeRef>check</bpmn:flowNodeRef></bpmn:lane>
    <bpmn:lane id="boss" name="Boss" baton:assignee="=approver"><bpmn:flowNodeRef>sign</bpmn:flowNodeRef></bpmn:lane>
  </bpmn:laneSet>
  <bpmn:startEvent id="start" />
  ${enter}
  <bpmn:userTask id="sign" />
  <bpmn:userTask id="check"><bpmn:extensionElements><zeebe:assignmentDefinition candidateUsers="carl" /></bpmn:extensionElements></bpmn:userTask>
  <bpmn:endEvent id="end" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="enter" />
  <bpmn:sequenceFlow id="f2" sourceRef="enter" targetRef="sign" />
  <bpmn:sequenceFlow id="f3" sourceRef="sign" targetRef="check" />
  <bpmn:sequenceFlow id="f4" sourceRef="check" targetRef="end" />
</bpmn:process>
</bpmn:definitions>`;

function task(engine: TestEngine, elementId: string): UserTaskWait {
  return engine.waits().find((w): w is UserTaskWait => w.kind === 'userTask' && w.elementId === elementId) as UserTaskWait;
}

describe('swimlanes and pooled actors (issue 16)', () => {
  it('a lane gives its tasks its candidates or assignee; the first completer becomes the assignee of its later tasks', async () => {
    // given
    const engine = await TestEngine.of(model());
    engine.start('P', { approver: 'bea' });
    // then the pooled actors of the lane are the task's
    expect(task(engine, 'enter')).toMatchObject({ candidateGroups: ['clerks', 'backoffice'], candidateUsers: [] });
    expect(task(engine, 'enter').assignee).toBeUndefined();
    // when ann completes it
    engine.run('i1', { type: 'CompleteUserTask', userTaskKey: task(engine, 'enter').userTaskKey, variables: {}, completedBy: 'ann' });
    // then the boss lane's expression assigns sign, and clerks is bound to ann
    expect(task(engine, 'sign')).toMatchObject({ assignee: 'bea' });
    expect(engine.state.swimlanes).toEqual({ clerks: 'ann' });
    engine.run('i1', { type: 'CompleteUserTask', userTaskKey: task(engine, 'sign').userTaskKey, variables: {} });
    // then the later clerks task goes to ann, keeping its own pooled actors
    expect(task(engine, 'check')).toMatchObject({ assignee: 'ann', candidateUsers: ['carl'], candidateGroups: ['clerks', 'backoffice'] });
    expect(engine.state.swimlanes).toEqual({ clerks: 'ann', boss: 'bea' });
  });

  it('without a known completer, the assignee of the first task binds the lane; a task naming its own assignee keeps it', async () => {
    // given
    const own = '<bpmn:userTask id="enter"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="dan" /></bpmn:extensionElements></bpmn:userTask>';
    const engine = await TestEngine.of(model(own));
    engine.start('P', { approver: 'bea' });
    expect(task(engine, 'enter').assignee).toBe('dan');
    // when
    engine.completeUserTask('enter');
    engine.completeUserTask('sign');
    // then
    expect(task(engine, 'check').assignee).toBe('dan');
  });

  it('a swimlane stays unbound when nobody known completed its first task', async () => {
    // given
    const engine = await TestEngine.of(model());
    engine.start('P', { approver: 'bea' });
    // when
    engine.completeUserTask('enter');
    engine.completeUserTask('sign');
    // then
    expect(task(engine, 'check').assignee).toBeUndefined();
    expect(engine.state.swimlanes).toEqual({ boss: 'bea' });
  });
});

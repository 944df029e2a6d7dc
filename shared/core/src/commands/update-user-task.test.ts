import { describe, expect, it } from 'vitest';
import { end, seq, start, userTask, zeebe } from '../test-support/bpmn.js';
import { TestEngine } from '../test-support/test-engine.js';
import type { UserTaskWait } from '../types/state.js';

const oneTask = zeebe([start(), userTask('approve', '<zeebe:assignmentDefinition candidateGroups="clerks" />'), end(), seq('start', 'approve', 'end')].join('\n'));

function taskOf(engine: TestEngine): UserTaskWait {
  const wait = Object.values(engine.state.waits).find((w) => w.kind === 'userTask');
  if (wait?.kind !== 'userTask') throw new Error('no open user task');
  return wait;
}

async function atTask(): Promise<{ engine: TestEngine; userTaskKey: string }> {
  const engine = await TestEngine.of(oneTask);
  engine.start('P');
  return { engine, userTaskKey: taskOf(engine).userTaskKey };
}

describe('UpdateUserTask (PATCH /v2/user-tasks/{userTaskKey})', () => {
  it('replaces the given attributes, clears those sent as null and keeps the others; replay rebuilds them', async () => {
    // given
    const { engine, userTaskKey } = await atTask();
    engine.run('i1', { type: 'UpdateUserTask', userTaskKey, changes: { dueDate: '2030-01-01T10:00:00Z', priority: 80, candidateUsers: ['ann'] } });
    // when
    const rejection = engine.run('i1', { type: 'UpdateUserTask', userTaskKey, changes: { dueDate: null, candidateGroups: null } });
    // then (TestEngine checks that replaying the history rebuilds the state)
    expect(rejection).toBeUndefined();
    expect(engine.events().at(-1)).toMatchObject({ type: 'UserTaskUpdated', userTaskKey, elementId: 'approve', changes: { dueDate: null, candidateGroups: null } });
    const task = taskOf(engine);
    expect(task).toMatchObject({ priority: 80, candidateUsers: ['ann'], candidateGroups: [] });
    expect(task.dueDate).toBeUndefined();
  });

  it.each([
    ['no change', {}, 'changeset'],
    ['a due date that is no date-time', { dueDate: 'tomorrow' }, 'changeset.dueDate'],
    ['a priority over 100', { priority: 101 }, 'changeset.priority'],
  ])('refuses %s naming the field and leaves the state as it was', async (_name, changes, field) => {
    // given
    const { engine, userTaskKey } = await atTask();
    const before = engine.state;
    // when
    const rejection = engine.run('i1', { type: 'UpdateUserTask', userTaskKey, changes });
    // then
    expect(rejection).toMatchObject({ code: 'VALIDATION_FAILED', details: { userTaskKey, field } });
    expect(engine.state).toBe(before);
  });

  it('refuses a task that is not open with STALE_COMMAND', async () => {
    const { engine } = await atTask();
    expect(engine.run('i1', { type: 'UpdateUserTask', userTaskKey: 'i1.99', changes: { priority: 1 } })?.code).toBe('STALE_COMMAND');
  });
});

describe('AssignUserTask with allowOverride false', () => {
  it('refuses a task someone else holds (TASK_ALREADY_ASSIGNED) and allows the holder and an unassigned task', async () => {
    // given
    const { engine, userTaskKey } = await atTask();
    expect(engine.run('i1', { type: 'AssignUserTask', userTaskKey, assignee: 'ann', allowOverride: false })).toBeUndefined();
    const before = engine.state;
    // when
    const refused = engine.run('i1', { type: 'AssignUserTask', userTaskKey, assignee: 'bob', allowOverride: false });
    // then
    expect(refused).toMatchObject({ code: 'TASK_ALREADY_ASSIGNED', details: { userTaskKey, assignee: 'ann' } });
    expect(engine.state).toBe(before);
    expect(engine.run('i1', { type: 'AssignUserTask', userTaskKey, assignee: 'ann', allowOverride: false })).toBeUndefined();
    expect(engine.run('i1', { type: 'AssignUserTask', userTaskKey, assignee: 'bob' })).toBeUndefined();
    expect(taskOf(engine).assignee).toBe('bob');
  });
});

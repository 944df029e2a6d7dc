import { describe, expect, it } from 'vitest';
import { csrfTokenFrom, matchesFilter, offeredTo, problemText, sectionsOf, type TaskItem } from './tasks.js';

const task = (userTaskKey: string, fields: Partial<TaskItem> = {}): TaskItem => ({
  userTaskKey,
  elementId: 'approve',
  processDefinitionId: 'order',
  processInstanceKey: 'i-1',
  candidateUsers: [],
  candidateGroups: ['managers'],
  creationDate: `2026-01-01T00:00:0${userTaskKey.length}Z`,
  ...fields,
});

describe('task list sections', () => {
  it('puts my claimed tasks under mine, unclaimed under offered, the rest under others', () => {
    // given
    const tasks = [task('a', { assignee: 'max' }), task('bb'), task('ccc', { assignee: 'ann' })];
    // when
    const sections = sectionsOf(tasks, { username: 'max', groups: ['managers'] });
    // then
    expect(sections.mine.map((t) => t.userTaskKey)).toEqual(['a']);
    expect(sections.offered.map((t) => t.userTaskKey)).toEqual(['bb']);
    expect(sections.others.map((t) => t.userTaskKey)).toEqual(['ccc']);
  });

  it('filters by name, element or process, ignoring case', () => {
    const named = task('a', { name: 'Approve order' });
    expect(matchesFilter(named, 'APPROVE')).toBe(true);
    expect(matchesFilter(named, 'ord')).toBe(true);
    expect(matchesFilter(named, 'ship')).toBe(false);
    expect(sectionsOf([named, task('b', { elementId: 'ship', name: 'Ship' })], { groups: [] }, 'ship').offered.map((t) => t.userTaskKey)).toEqual(['b']);
  });

  it('says who a task is offered to: groups (or its lane) and users', () => {
    expect(offeredTo(task('a', { candidateUsers: ['carl'] }))).toBe('managers, carl');
    expect(offeredTo(task('a', { candidateGroups: [], lane: 'clerks' }))).toBe('clerks');
  });
});

describe('requests', () => {
  it('reads the CSRF token from the cookies', () => {
    expect(csrfTokenFrom('a=1; baton_csrf=abc%3D; b=2')).toBe('abc=');
    expect(csrfTokenFrom('a=1')).toBeUndefined();
  });

  it('shows the problem detail and each field problem', () => {
    const body = { detail: 'The form is not filled in correctly.', problems: [{ message: 'Comment is required' }, { message: 'Score must be at most 5' }] };
    expect(problemText(body, 400)).toBe('The form is not filled in correctly. (Comment is required; Score must be at most 5)');
    expect(problemText(undefined, 502)).toBe('The request failed (HTTP 502).');
  });
});

import { describe, expect, it } from 'vitest';
import { csrfTokenFrom, datesText, matchesFilter, offeredTo, problemText, processesOf, sectionsOf, type TaskItem } from './tasks.js';

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

describe('task list filters and order', () => {
  const max = { username: 'max', groups: ['managers'] };
  const tasks = [
    task('a', { assignee: 'max', priority: 10, dueDate: '2026-03-01T00:00:00Z' }),
    task('bb', { candidateGroups: ['clerks'], processDefinitionId: 'ship', priority: 90 }),
    task('ccc', { priority: 50, dueDate: '2026-02-01T00:00:00Z' }),
    task('dddd', { candidateGroups: [], lane: 'managers', priority: 90 }),
  ];
  const keys = (list: readonly TaskItem[]): string[] => list.map((t) => t.userTaskKey);

  it('shows only tasks assigned to me, or offered to my groups or lane, or of one process', () => {
    expect(keys(sectionsOf(tasks, max, '', { show: 'mine', process: '', sort: 'created' }).offered)).toEqual([]);
    expect(keys(sectionsOf(tasks, max, '', { show: 'mine', process: '', sort: 'created' }).mine)).toEqual(['a']);
    expect(keys(sectionsOf(tasks, max, '', { show: 'groups', process: '', sort: 'created' }).offered)).toEqual(['ccc', 'dddd']);
    expect(keys(sectionsOf(tasks, max, '', { show: 'all', process: 'ship', sort: 'created' }).offered)).toEqual(['bb']);
    expect(processesOf(tasks)).toEqual(['order', 'ship']);
  });

  it('sorts by priority (highest first) or due date (soonest first, none last), ties oldest first', () => {
    expect(keys(sectionsOf(tasks, max, '', { show: 'all', process: '', sort: 'priority' }).offered)).toEqual(['bb', 'dddd', 'ccc']);
    expect(keys(sectionsOf(tasks, max, '', { show: 'all', process: '', sort: 'due' }).offered)).toEqual(['ccc', 'bb', 'dddd']);
  });

  it('shows due and follow-up dates on the card', () => {
    expect(datesText(task('a', { dueDate: '2026-12-24T12:00:00.000Z', followUpDate: '2026-12-20T09:30:00Z' }))).toBe('due 2026-12-24 12:00 · follow up 2026-12-20 09:30');
    expect(datesText(task('a'))).toBe('');
  });
});

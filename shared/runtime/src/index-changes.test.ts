import type { InstanceState, JobWait, UserTaskWait } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { diffIndexes, isEmptyIndexChanges, noIndexChanges } from './index-changes.js';

const task = (key: string, assignee?: string): UserTaskWait => ({
  kind: 'userTask',
  elementId: 'approve',
  elementInstanceId: 'ei',
  createdAt: 0,
  userTaskKey: key,
  candidateUsers: [],
  candidateGroups: [],
  ...(assignee === undefined ? {} : { assignee }),
});

const job = (key: string): JobWait => ({
  kind: 'job',
  elementId: 'charge',
  elementInstanceId: 'ei',
  createdAt: 0,
  jobKey: key,
  jobType: 'pay',
  retries: 3,
  customHeaders: {},
  state: 'activatable',
});

function state(waits: InstanceState['waits'], incidents: InstanceState['incidents'] = {}): InstanceState {
  return { instanceId: 'i', processId: 'p', definitionKey: 'p:1', status: 'active', seq: 1, startedAt: 0, elementInstances: {}, variables: {}, waits, incidents };
}

describe('diffIndexes', () => {
  it('opens every wait of a new instance', () => {
    const a = task('a');
    expect(diffIndexes(undefined, state({ a }))).toEqual({ upsertWaits: [a], removeWaitKeys: [], upsertIncidents: [], removeIncidentKeys: [] });
  });

  it('reports opened, changed and closed waits, and leaves unchanged ones out', () => {
    // given
    const kept = job('kept');
    const before = state({ kept, claimed: task('claimed'), done: task('done') });
    const claimed = task('claimed', 'ann');
    const fresh = job('fresh');
    // when
    const changes = diffIndexes(before, state({ kept, claimed, fresh }));
    // then
    expect(changes.upsertWaits).toEqual([claimed, fresh]);
    expect(changes.removeWaitKeys).toEqual(['done']);
  });

  it('tracks incidents the same way', () => {
    const inc = { incidentKey: 'x', elementId: 'e', elementInstanceId: 'ei', errorType: 'JOB_NO_RETRIES' as const, errorMessage: 'm', createdAt: 0 };
    const opened = diffIndexes(state({}), state({}, { x: inc }));
    expect(opened.upsertIncidents).toEqual([inc]);
    const closed = diffIndexes(state({}, { x: inc }), state({}));
    expect(closed.removeIncidentKeys).toEqual(['x']);
  });

  it('costs nothing when the step kept the same wait and incident maps', () => {
    const s = state({ a: task('a') });
    const next = { ...s, seq: 2 };
    expect(diffIndexes(s, next)).toBe(noIndexChanges);
    expect(isEmptyIndexChanges(noIndexChanges)).toBe(true);
  });
});

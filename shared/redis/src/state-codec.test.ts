import { describe, expect, it } from 'vitest';
import type { InstanceState, Wait } from '@baton/core';
import { decodeStateValue, encodeStateValue, rests } from './state-codec.js';

const stateWith = (waits: Record<string, Wait>, status: InstanceState['status'] = 'active'): InstanceState => ({
  instanceId: 'waiting-7',
  processId: 'bench-waiting',
  definitionKey: 'bench-waiting:1',
  status,
  seq: 3,
  startedAt: 1795254610474,
  elementInstances: { 'waiting-7.2': { elementInstanceId: 'waiting-7.2', elementId: 'review', elementType: 'userTask' } },
  variables: { root: { n: 7, customer: 'c-7' } },
  waits,
  incidents: {},
  joins: {},
});

const userTask: Wait = {
  kind: 'userTask',
  elementId: 'review',
  elementInstanceId: 'waiting-7.2',
  createdAt: 1795254610474,
  userTaskKey: 'waiting-7.3',
  candidateUsers: [],
  candidateGroups: ['reviewers'],
  name: 'Review',
};
const job: Wait = {
  kind: 'job',
  elementId: 'ship',
  elementInstanceId: 'waiting-7.4',
  createdAt: 1795254610474,
  jobKey: 'waiting-7.5',
  jobType: 'ship',
  retries: 3,
  customHeaders: {},
  state: 'activatable',
};

describe('instance state values', () => {
  it('deflates a state that waits on a person to under half its JSON and reads it back', () => {
    // given
    const state = stateWith({ [userTask.userTaskKey]: userTask });
    // when
    const value = encodeStateValue(12, state, rests(state));
    // then
    expect(Buffer.isBuffer(value)).toBe(true);
    expect(value.length).toBeLessThan(JSON.stringify(state).length / 2);
    expect(Buffer.from(value).subarray(0, 6).toString()).toBe('12\nz1:');
    expect(decodeStateValue(Buffer.from(value))).toStrictEqual({ version: 12, state });
  });

  it.each([
    ['a job in flight', stateWith({ [userTask.userTaskKey]: userTask, [job.jobKey]: job })],
    ['no wait', stateWith({})],
    ['an ended instance', stateWith({ [userTask.userTaskKey]: userTask }, 'completed')],
  ])('keeps a state with %s as plain JSON', (_name, state) => {
    // when
    const value = encodeStateValue(3, state, rests(state));
    // then
    expect(value).toBe(`3\n${JSON.stringify(state)}`);
    expect(decodeStateValue(Buffer.from(value))).toStrictEqual({ version: 3, state });
  });

  it('refuses a value that is neither JSON nor a known codec', () => {
    expect(() => decodeStateValue(Buffer.from('4\nq9:xyz'))).toThrow('Unreadable instance state (version 4): neither JSON nor the z1 codec.');
  });
});

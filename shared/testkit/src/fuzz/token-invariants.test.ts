import { describe, expect, it } from 'vitest';
import type { InstanceEvent, InstanceState } from '@baton/core';
import { duplicateActivations, tokenTreeProblems } from './token-invariants.js';

const base: InstanceState = {
  instanceId: 'i1',
  processId: 'P',
  definitionKey: 'P:1',
  status: 'active',
  seq: 3,
  startedAt: 0,
  elementInstances: { 'i1.1': { elementInstanceId: 'i1.1', elementId: 'sp' }, 'i1.2': { elementInstanceId: 'i1.2', elementId: 't', parentElementInstanceId: 'i1.1' } },
  variables: { root: {} },
  waits: { 'i1.3': { kind: 'job', jobKey: 'i1.3', jobType: 'work', retries: 1, customHeaders: {}, state: 'activatable', elementId: 't', elementInstanceId: 'i1.2', createdAt: 0 } },
  incidents: {},
};

describe('the token tree invariants the fuzz tests check', () => {
  it('find nothing wrong in a whole tree', () => {
    expect(tokenTreeProblems(base, { expectLive: true })).toEqual([]);
  });

  it.each<[string, Partial<InstanceState>, string]>([
    ['a lost parent scope', { elementInstances: { 'i1.2': base.elementInstances['i1.2']! } }, 'has no live parent i1.1'],
    ['a wait without its element instance', { elementInstances: { 'i1.1': base.elementInstances['i1.1']! } }, 'belongs to no live element instance'],
    ['an ended instance with tokens', { status: 'completed' }, 'instance completed still holds 2 element instances, 1 waits, 0 incidents'],
    ['an active instance that can never move', { waits: {} }, 'can never move'],
    ['two jobs on one element instance', { waits: { ...base.waits, 'i1.4': { ...(base.waits['i1.3'] as object), jobKey: 'i1.4' } as InstanceState['waits'][string] } }, 'holds 2 jobs/user tasks'],
  ])('report %s', (_, change, expected) => {
    expect(tokenTreeProblems({ ...base, ...change }, { expectLive: true }).join('\n')).toContain(expected);
  });

  it('report an element activated twice in one scope instance, except where repeats are allowed', () => {
    // given
    const activated = (elementId: string): InstanceEvent => ({ type: 'ElementActivated', instanceId: 'i1', elementId, elementInstanceId: `${elementId}.x`, elementType: 'serviceTask', hasScope: false, at: 0 }) as InstanceEvent;
    const events = [activated('t'), activated('nb1'), activated('t'), activated('nb1')];
    // then
    expect(duplicateActivations(events, (id) => id.startsWith('nb'))).toEqual(['t in the process']);
  });
});

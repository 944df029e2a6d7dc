import { describe, expect, it } from 'vitest';
import type { InstanceEvent } from '../types/events.js';
import { replay } from './apply.js';
import { currentEventVersion, registeredEventVersions } from './event-appliers.js';

const created = { type: 'InstanceCreated', instanceId: '1', at: 0, processId: 'p', definitionKey: '2' } as const;

describe('event appliers by type and version', () => {
  it('registers version 1 of every event type and writes each type at its highest version', () => {
    // given the registry
    const versions = registeredEventVersions();
    // then each type has version 1, and the version decide writes is the highest registered
    const types = new Set(versions.map((v) => v.type));
    for (const type of types) {
      expect(versions.some((v) => v.type === type && v.version === 1), type).toBe(true);
      expect(currentEventVersion(type)).toBe(Math.max(...versions.filter((v) => v.type === type).map((v) => v.version)));
    }
    expect(types.has('InstanceCreated') && types.has('DecisionEvaluated')).toBe(true);
  });

  it('reads an event without `v` as version 1 and one with `v: 1` alike', () => {
    // when the same history is replayed with and without explicit versions
    const completed: InstanceEvent = { type: 'InstanceCompleted', instanceId: '1', at: 5 };
    const plain = replay(undefined, [created, completed]);
    const stamped = replay(undefined, [{ ...created, v: 1 }, { ...completed, v: 1 }]);
    // then both fold the same
    expect(stamped).toEqual(plain);
    expect(plain?.status).toBe('completed');
  });

  it('refuses an event version it has no applier for with HISTORY_UNREADABLE naming type and version', () => {
    // given an event from a newer Baton
    const newer = { type: 'InstanceCompleted', instanceId: '1', at: 5, v: 99 } as const;
    // when replayed, then
    expect(() => replay(undefined, [created, newer])).toThrow(expect.objectContaining({ code: 'HISTORY_UNREADABLE', details: { eventType: 'InstanceCompleted', eventVersion: 99 } }));
    expect(() => replay(undefined, [{ ...created, v: 2 }])).toThrow(/InstanceCreated version 2: this Baton reads "InstanceCreated" up to version 1/);
  });

  it('refuses an event type it does not know', () => {
    const unknown = { type: 'SomethingNew', instanceId: '1', at: 5 } as unknown as InstanceEvent;
    expect(() => replay(undefined, [created, unknown])).toThrow(/knows no event type "SomethingNew"/);
  });
});

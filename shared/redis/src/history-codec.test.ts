import { describe, expect, it } from 'vitest';
import { decodeHistoryEntry, encodeHistoryEntry } from './history-codec.js';

describe('history entries as stored', () => {
  const cases = [
    { name: 'instanceId and at equal to the entry', event: { type: 'ElementActivated', instanceId: 'i1', at: 5, elementId: 'a' } },
    { name: 'another instance and time', event: { type: 'InstanceCreated', instanceId: 'other', at: 4, processId: 'p' } },
    { name: 'no at', event: { type: 'FlowTaken', instanceId: 'i1', flowId: 'f' } },
  ];
  it.each(cases)('round-trips an event with $name', ({ event }) => {
    // given
    const stored = encodeHistoryEntry('i1', 5, 'c1', event);
    // when
    const entry = decodeHistoryEntry('i1', 7, stored);
    // then
    expect(entry).toStrictEqual({ position: 7, at: 5, commandId: 'c1', event });
  });

  it('stores neither the instance id nor the time twice', () => {
    // given
    const event = { type: 'ElementActivated', instanceId: 'instance-with-a-long-id', at: 1795251472649, elementId: 'a' };
    // when
    const stored = encodeHistoryEntry('instance-with-a-long-id', 1795251472649, 'c1', event);
    // then
    expect(stored).toBe('[1795251472649,"c1",3,{"type":"ElementActivated","elementId":"a"}]');
  });

  it('reads entries stored in the older object form', () => {
    // given
    const event = { type: 'FlowTaken', instanceId: 'i1', at: 5 };
    // when
    const entry = decodeHistoryEntry('i1', 0, JSON.stringify({ at: 5, commandId: 'c1', event }));
    // then
    expect(entry).toStrictEqual({ position: 0, at: 5, commandId: 'c1', event });
  });
});

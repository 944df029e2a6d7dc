import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '@baton/runtime';
import { decodeHistoryChunk, encodeHistoryChunk } from './history-codec.js';

/** What the commit script stores: the chunk's first position and count, then the body. */
const stored = (first: number, chunk: { count: number; body: Buffer }): Buffer => Buffer.concat([Buffer.from(`${first},${chunk.count},`), chunk.body]);

const startOfAWait = (instanceId: string, at: number): HistoryEvent[] =>
  [
    { type: 'InstanceCreated', instanceId, at, processId: 'order', definitionKey: 'order:1' },
    { type: 'VariablesSet', instanceId, scopeKey: 'root', variables: { orderId: 'o-1', amount: 12 } },
    { type: 'ElementActivated', instanceId, elementId: 'start', elementInstanceId: `${instanceId}.1`, elementType: 'startEvent', hasScope: false },
    { type: 'ElementCompleted', instanceId, elementId: 'start', elementInstanceId: `${instanceId}.1` },
    { type: 'FlowTaken', instanceId, flowId: 'to-review', sourceId: 'start', targetId: 'review' },
    { type: 'ElementActivated', instanceId, elementId: 'review', elementInstanceId: `${instanceId}.2`, elementType: 'userTask', hasScope: false },
  ] as unknown as HistoryEvent[];

describe('history chunks as stored', () => {
  it('round-trips events whose instance and time equal the chunk, differ from it, or are absent', () => {
    // given
    const events = [
      { type: 'ElementActivated', instanceId: 'i1', at: 5, elementId: 'a' },
      { type: 'InstanceCreated', instanceId: 'other', at: 4, processId: 'p' },
      { type: 'FlowTaken', instanceId: 'i1', flowId: 'f' },
    ] as unknown as HistoryEvent[];
    // when
    const entries = decodeHistoryChunk('i1', stored(7, encodeHistoryChunk('i1', 5, 'c1', events, true)));
    // then
    expect(entries).toStrictEqual(events.map((event, i) => ({ position: 7 + i, at: 5, commandId: 'c1', event })));
  });

  it('keeps a short commit as plain JSON without the instance id or time', () => {
    // given
    const event = { type: 'ElementActivated', instanceId: 'instance-with-a-long-id', at: 1795251472649, elementId: 'a' } as unknown as HistoryEvent;
    // when
    const chunk = encodeHistoryChunk('instance-with-a-long-id', 1795251472649, 'c1', [event], true);
    // then
    expect(chunk.body.toString()).toBe('j:[1795251472649,"c1",3,{"type":"ElementActivated","elementId":"a"}]');
  });

  it('deflates a compact start into well under a third of its JSON and reads it back', () => {
    // given
    const events = startOfAWait('waiting-7', 1795254610474);
    const json = JSON.stringify(events);
    // when
    const chunk = encodeHistoryChunk('waiting-7', 1795254610474, 'filler-v0cafp-7', events, true);
    // then
    expect(chunk.body.subarray(0, 3).toString()).toBe('z1:');
    expect(chunk.body.length).toBeLessThan(json.length / 3);
    expect(decodeHistoryChunk('waiting-7', stored(0, chunk)).map((e) => e.event)).toStrictEqual(events);
  });

  it('keeps the chunk of a commit that does not leave the instance resting as JSON', () => {
    // given
    const events = startOfAWait('i2', 1795254610474);
    // when
    const chunk = encodeHistoryChunk('i2', 1795254610474, 'c1', events, false);
    // then
    expect(chunk.body.subarray(0, 2).toString()).toBe('j:');
    expect(decodeHistoryChunk('i2', stored(3, chunk)).map((e) => e.position)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('refuses a chunk of an unknown codec, naming the instance', () => {
    // given
    const chunk = Buffer.from('0,1,x9:abc');
    // when / then
    expect(() => decodeHistoryChunk('i1', chunk)).toThrow('History chunk of instance "i1" has the unknown codec "x9".');
  });
});

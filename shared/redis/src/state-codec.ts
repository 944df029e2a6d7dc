import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { InstanceState } from '@baton/core';

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const Z1 = Buffer.from('z1:');

/**
 * Preset dictionary of the `z1` state codec: the state's field names and the
 * shapes of its waits. Never edit it: states written with it can only be read
 * with it. A better one is a new codec name.
 */
const DICTIONARY_Z1 = Buffer.from(
  [
    '"parent":{"instanceId":"","elementInstanceId":"","rootInstanceId":"',
    '"kind":"timer","timerKey":"","dueAt":',
    '"kind":"message","subscriptionKey":"","messageName":"","correlationKey":"',
    '"kind":"signal","subscriptionKey":"","signalName":"',
    '"kind":"job","jobKey":"","jobType":"","retries":3,"customHeaders":{},"state":"activatable"',
    '"incidentKey":"","errorType":"","errorMessage":"',
    '"parentElementInstanceId":"',
    '{"instanceId":"","processId":"","definitionKey":"","status":"active","seq":,"startedAt":',
    ',"elementInstances":{"":{"elementInstanceId":"","elementId":"","elementType":"userTask"}}',
    ',"variables":{"root":{',
    ',"waits":{"":{"kind":"userTask","elementId":"","elementInstanceId":"","createdAt":',
    ',"userTaskKey":"","candidateUsers":[],"candidateGroups":[],"name":"',
    '"}},"incidents":{},"joins":{}}',
  ].join(''),
);

/**
 * Whether a commit leaves its instance resting, and so is stored deflated (state
 * and history chunk): waiting only on people, messages, timers or signals, it may
 * rest for days (issue #5, ≤ 2 KiB per waiting instance). Not one with a job in
 * flight (its worker loads it again within milliseconds, and deflating costs
 * ~20 µs each) nor an ended one.
 */
export function rests(state: InstanceState): boolean {
  if (state.status !== 'active') return false;
  let waits = 0;
  for (const key in state.waits) {
    if (state.waits[key]?.kind === 'job') return false;
    waits++;
  }
  return waits > 0;
}

/**
 * The value of an instance's state key: `"<version>\n"` then the state as JSON, or
 * as `z1:` + its deflate-raw with {@link DICTIONARY_Z1} when `compact` (see {@link rests}).
 * The commit script reads only the version prefix.
 */
export function encodeStateValue(version: number, state: InstanceState, compact: boolean): string | Buffer {
  const json = JSON.stringify(state);
  if (!compact) return `${version}\n${json}`;
  return Buffer.concat([Buffer.from(`${version}\n`), Z1, deflateRawSync(json, { level: 6, dictionary: DICTIONARY_Z1 })]);
}

/** Reads a state key's value (see {@link encodeStateValue}). */
export function decodeStateValue(value: Buffer): { readonly version: number; readonly state: InstanceState } {
  const newline = value.indexOf(NEWLINE);
  const version = Number(value.toString('latin1', 0, newline));
  if (value[newline + 1] === OPEN_BRACE) return { version, state: JSON.parse(value.toString('utf8', newline + 1)) as InstanceState };
  if (!value.subarray(newline + 1, newline + 1 + Z1.length).equals(Z1)) {
    throw new Error(`Unreadable instance state (version ${version}): neither JSON nor the z1 codec.`);
  }
  const json = inflateRawSync(value.subarray(newline + 1 + Z1.length), { dictionary: DICTIONARY_Z1 }).toString('utf8');
  return { version, state: JSON.parse(json) as InstanceState };
}

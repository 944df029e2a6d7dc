import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { HistoryEntry, HistoryEvent } from '@baton/runtime';

/** Flags of a stored event: which fields were dropped because the chunk restores them. */
const DROPPED_INSTANCE_ID = 1;
const DROPPED_AT = 2;

/** Compact bodies at least this long are deflated; a shorter one (a lone VariablesSet) is not worth the ~20 µs. */
const DEFLATE_FROM_BYTES = 160;

/**
 * Preset dictionary of the `z1` codec: the field names and event types most
 * histories repeat, so that even a one-commit chunk (a few hundred bytes, too
 * short to find its own repeats) compresses about 4×. Never edit it: chunks
 * written with it can only be read with it. A better one is a new codec letter.
 */
const DICTIONARY_Z1 = Buffer.from(
  [
    '{"type":"IncidentRaised","incident":{"incidentKey":"","errorType":"","errorMessage":"',
    '{"type":"TimerScheduled","timer":{"kind":"timer","timerKey":"","dueAt":{"type":"TimerFired","type":"TimerCancelled"',
    '{"type":"MessageSubscriptionOpened","subscription":{"kind":"message","subscriptionKey":"","messageName":"","correlationKey":"',
    '{"type":"SignalSubscriptionOpened","subscription":{"kind":"signal","subscriptionKey":"","signalName":"',
    '{"type":"ChildInstanceCreated","childInstanceId":"{"type":"JoinTokensDiscarded"',
    '{"type":"ElementTerminated","elementId":"","elementInstanceId":"',
    '{"type":"JobFailed","retries":0,"errorMessage":"{"type":"JobCancelled"',
    '{"type":"UserTaskCompleted","variables":{"type":"UserTaskAssigned","assignee":"',
    '{"type":"JobCompleted","elementId":"","elementInstanceId":"","jobKey":"","variables":{}}',
    '{"type":"JobCreated","elementId":"","elementInstanceId":"","job":{"kind":"job","elementId":"","elementInstanceId":"","createdAt":',
    ',"jobKey":"","jobType":"","retries":3,"customHeaders":{},"state":"activatable"}}',
    '{"type":"UserTaskCreated","elementId":"","elementInstanceId":"","userTask":{"kind":"userTask","elementId":"","elementInstanceId":"","createdAt":',
    ',"userTaskKey":"","candidateUsers":[],"candidateGroups":[],"name":"',
    '{"type":"InstanceCreated","processId":"","definitionKey":"',
    '{"type":"VariablesSet","scopeKey":"root","variables":{',
    '{"type":"InstanceCompleted"}]',
    '{"type":"FlowTaken","flowId":"","sourceId":"","targetId":""}',
    '{"type":"ElementCompleted","elementId":"","elementInstanceId":""}',
    '{"type":"ElementActivated","elementId":"","elementInstanceId":"","elementType":"serviceTask","hasScope":false}',
    '{"type":"ElementActivated","elementId":"","elementInstanceId":"","elementType":"startEvent","hasScope":false}',
  ].join(''),
);

/** One commit's events as the history LIST stores them, before the store prefixes their position. */
export interface EncodedChunk {
  readonly count: number;
  /** `j:` + JSON, or `z1:` + deflate-raw of the JSON with {@link DICTIONARY_Z1}. */
  readonly body: Buffer;
}

/**
 * One commit's history events as one LIST element (issue #5: ≤ 2 KiB of Redis per
 * waiting instance; one element per event cost ~1.4 KiB for a start). The JSON is
 * `[at, commandId, flags1, event1, flags2, event2, ...]`, each event without its
 * `instanceId` (the key names the instance) and its `at` (the chunk's) when they
 * equal them; `flags` says which were dropped. The commit script prefixes the
 * chunk's first position and count (`"<first>,<count>,"`) so that a page is found
 * without decoding (see read-history-1.lua). `compact` (the commit leaves the
 * instance resting, see `rests`) deflates it.
 */
export function encodeHistoryChunk(
  instanceId: string,
  at: number,
  commandId: string,
  events: readonly HistoryEvent[],
  compact: boolean,
): EncodedChunk {
  const stored: unknown[] = [at, commandId];
  for (const event of events) {
    const { instanceId: eventInstanceId, at: eventAt, ...rest } = event as HistoryEvent & { readonly at?: unknown };
    let flags = 0;
    const fields: Record<string, unknown> = rest;
    if (eventInstanceId === instanceId) flags |= DROPPED_INSTANCE_ID;
    else fields['instanceId'] = eventInstanceId;
    if (eventAt === at) flags |= DROPPED_AT;
    else if (eventAt !== undefined) fields['at'] = eventAt;
    stored.push(flags, fields);
  }
  const json = JSON.stringify(stored);
  const body =
    !compact || json.length < DEFLATE_FROM_BYTES
      ? Buffer.from(`j:${json}`)
      : Buffer.concat([Buffer.from('z1:'), deflateRawSync(json, { level: 6, dictionary: DICTIONARY_Z1 })]);
  return { count: events.length, body };
}

/** The entries of one stored chunk (`"<first>,<count>,<codec>:<payload>"`), positions included. */
export function decodeHistoryChunk(instanceId: string, chunk: Buffer): HistoryEntry[] {
  const firstComma = chunk.indexOf(0x2c);
  const secondComma = chunk.indexOf(0x2c, firstComma + 1);
  const colon = chunk.indexOf(0x3a, secondComma + 1);
  if (firstComma < 0 || secondComma < 0 || colon < 0) throw new Error(`Unreadable history chunk of instance "${instanceId}".`);
  const first = Number(chunk.toString('latin1', 0, firstComma));
  const codec = chunk.toString('latin1', secondComma + 1, colon);
  const payload = chunk.subarray(colon + 1);
  const json = codec === 'j' ? payload.toString('utf8') : codec === 'z1' ? inflateRawSync(payload, { dictionary: DICTIONARY_Z1 }).toString('utf8') : undefined;
  if (json === undefined) throw new Error(`History chunk of instance "${instanceId}" has the unknown codec "${codec}".`);
  const [at, commandId, ...flagged] = JSON.parse(json) as [number, string, ...unknown[]];
  const entries: HistoryEntry[] = [];
  for (let i = 0; i + 1 < flagged.length; i += 2) {
    const flags = flagged[i] as number;
    const rest = flagged[i + 1] as Record<string, unknown>;
    const event = {
      ...rest,
      ...((flags & DROPPED_INSTANCE_ID) === 0 ? {} : { instanceId }),
      ...((flags & DROPPED_AT) === 0 ? {} : { at }),
    } as unknown as HistoryEvent;
    entries.push({ position: first + i / 2, at, commandId, event });
  }
  return entries;
}

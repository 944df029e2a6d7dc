import type { HistoryEntry, HistoryEvent } from '@baton/runtime';

/** Flags of a stored entry: which event fields were dropped because the entry restores them. */
const DROPPED_INSTANCE_ID = 1;
const DROPPED_AT = 2;

/**
 * History entries as the history LIST stores them: `[at, commandId, flags, event]`,
 * the event without its `instanceId` (the key names the instance) and its `at` (the
 * entry's) when they equal them; `flags` says which were dropped. Each entry was
 * `{"at","commandId","event"}` with both repeated: ~70 bytes more per event, most of
 * a waiting instance's memory (issue #5, "Speed": ≤ 2 KiB per waiting instance).
 */
export function encodeHistoryEntry(instanceId: string, at: number, commandId: string, event: HistoryEvent): string {
  const { instanceId: eventInstanceId, at: eventAt, ...rest } = event as HistoryEvent & { readonly at?: unknown };
  let flags = 0;
  const stored: Record<string, unknown> = rest;
  if (eventInstanceId === instanceId) flags |= DROPPED_INSTANCE_ID;
  else stored['instanceId'] = eventInstanceId;
  if (eventAt === at) flags |= DROPPED_AT;
  else if (eventAt !== undefined) stored['at'] = eventAt;
  return JSON.stringify([at, commandId, flags, stored]);
}

/** The entry at `position`; reads the older `{at, commandId, event}` JSON too. */
export function decodeHistoryEntry(instanceId: string, position: number, stored: string): HistoryEntry {
  const parsed = JSON.parse(stored) as [number, string, number, Record<string, unknown>] | Omit<HistoryEntry, 'position'>;
  if (!Array.isArray(parsed)) return { position, ...parsed };
  const [at, commandId, flags, rest] = parsed;
  const event = {
    ...rest,
    ...((flags & DROPPED_INSTANCE_ID) === 0 ? {} : { instanceId }),
    ...((flags & DROPPED_AT) === 0 ? {} : { at }),
  } as unknown as HistoryEvent;
  return { position, at, commandId, event };
}

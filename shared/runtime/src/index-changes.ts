import type { InstanceState } from '@baton/core';
import type { IndexChanges } from './ports/store-records.js';

const empty: Readonly<Record<string, never>> = Object.freeze({});

/** No index change: what a step that opens and closes no wait produces. */
export const noIndexChanges: IndexChanges = Object.freeze({
  upsertWaits: [],
  removeWaitKeys: [],
  upsertIncidents: [],
  removeIncidentKeys: [],
});

/**
 * The index changes between two states of one instance: waits and incidents that
 * opened or changed, and keys that closed. O(open waits + open incidents), never
 * O(history): it relies on the core keeping unchanged wait objects by reference
 * (a changed reference with equal content only costs a harmless re-index).
 */
export function diffIndexes(before: InstanceState | undefined, after: InstanceState): IndexChanges {
  const oldWaits = before?.waits ?? empty;
  const oldIncidents = before?.incidents ?? empty;
  if (oldWaits === after.waits && oldIncidents === after.incidents) return noIndexChanges;
  return {
    upsertWaits: changedValues(oldWaits, after.waits),
    removeWaitKeys: removedKeys(oldWaits, after.waits),
    upsertIncidents: changedValues(oldIncidents, after.incidents),
    removeIncidentKeys: removedKeys(oldIncidents, after.incidents),
  };
}

function changedValues<T>(before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>): T[] {
  const changed: T[] = [];
  if (before === after) return changed;
  for (const key in after) {
    const value = after[key] as T;
    if (before[key] !== value) changed.push(value);
  }
  return changed;
}

function removedKeys(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const removed: string[] = [];
  if (before === after) return removed;
  for (const key in before) {
    if (!Object.hasOwn(after, key)) removed.push(key);
  }
  return removed;
}

/** True when the changes touch no index. */
export function isEmptyIndexChanges(changes: IndexChanges): boolean {
  return (
    changes.upsertWaits.length === 0 &&
    changes.removeWaitKeys.length === 0 &&
    changes.upsertIncidents.length === 0 &&
    changes.removeIncidentKeys.length === 0
  );
}

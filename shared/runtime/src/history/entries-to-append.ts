import { BatonError } from '@baton/errors';
import type { ProjectedInstance } from '../ports/history-store.js';
import type { HistoryEntry } from '../ports/store-records.js';

/**
 * What a {@link HistoryStore.append} writes of one instance whose copy expects position
 * `expected`: the entries at or past it (those before were written by an earlier
 * delivery). A gap throws VALIDATION_FAILED: the projector reads from the position it
 * was given, so a gap is a bug to surface, not an outage to retry.
 */
export function entriesToAppend(instance: ProjectedInstance, expected: number): readonly HistoryEntry[] {
  const entries = instance.entries.filter((entry) => entry.position >= expected);
  entries.forEach((entry, i) => {
    if (entry.position !== expected + i) {
      throw new BatonError(
        'VALIDATION_FAILED',
        `Expected the history of instance "${instance.instanceId}" to go on at position ${expected + i}, but the batch has position ${entry.position}; read the primary's history from ${expected}.`,
        { instanceId: instance.instanceId, field: 'position', expected: expected + i, found: entry.position },
      );
    }
  });
  return entries;
}

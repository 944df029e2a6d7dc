import type { InstanceEvent, InstanceEventType } from '../../types/events.js';
import type { Draft, ElementRecord } from '../records.js';

/** Folds one event of the version it is registered for into a draft (see `records.ts`: values are replaced, never changed in place). */
export type Applier<E> = (draft: Draft, event: E) => void;

/**
 * Appliers of some event types, by the event's schema version (`event.v`, absent = 1).
 * The highest registered version is the one `decide` writes. An applier of an older
 * version receives the event as it was written then: it declares that shape itself
 * (a `...V1` interface beside it) and reads the event through it.
 */
export type AppliersOf<T extends InstanceEventType> = {
  readonly [K in T]: Readonly<Record<number, Applier<Extract<InstanceEvent, { type: K }>>>>;
};

/** Replace a record by a copy with some fields changed; `undefined` removes a field. Absent records stay absent. */
export function updateRecord(d: Draft, elementInstanceId: string, patch: Partial<ElementRecord>): void {
  const rec = d.elementInstances[elementInstanceId];
  if (rec === undefined) return;
  const next: ElementRecord = Object.assign({}, rec, patch);
  for (const key in patch) if (patch[key] === undefined) delete (next as Record<string, unknown>)[key];
  d.elementInstances[elementInstanceId] = next;
}

/** Nothing to fold: the event is history only (what was correlated, thrown or evaluated). */
export function recordOnly(): void {}

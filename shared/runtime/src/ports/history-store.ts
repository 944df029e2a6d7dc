import type { HistoryEntry, InstanceQuery, InstanceSummary, Page, PageRequest } from './store-records.js';

/** One instance's part of a {@link HistoryStore.append}: its events from some position on, and what it looks like now. */
export interface ProjectedInstance {
  readonly instanceId: string;
  /** Consecutive entries in position order, the first at the position the history store said it expects (or earlier). */
  readonly entries: readonly HistoryEntry[];
  /** The instance as the primary store last read it; absent when it expired there (its events alone are written). */
  readonly summary?: InstanceSummary;
}

/**
 * The secondary storage of ended and running instances' history and search (issue 15,
 * "Databases combined"; Camunda 8's split between primary and secondary storage): the
 * primary {@link ProcessStore} keeps the hot state, and a projector copies each
 * instance's history into this store after the commits, so it is eventually consistent
 * with the primary (behind by the projector's lag; see the runtime's README).
 *
 * Contract, for every adapter:
 * - **Position per instance.** The store keeps, per instance, the position of the next
 *   event it expects (0 for an instance it never saw). {@link append} writes only the
 *   entries at or past it and moves it to one past the last written, so a redelivered
 *   batch (at least once) is never written twice and events stay in position order.
 *   An entry past the expected position (a gap) is refused with `VALIDATION_FAILED`
 *   and nothing of that batch is written.
 * - **Atomicity.** One {@link append} writes all its instances or none.
 * - **Summaries** only move forward: a summary with a lower `version` than the stored
 *   one is ignored (two projectors racing on one instance).
 * - **Errors.** An unreachable backend throws `STORE_UNAVAILABLE` (with `cause`).
 */
export interface HistoryStore {
  /** The next position each instance expects (0 when unknown), for all of `instanceIds`. One round trip. */
  positions(instanceIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
  /** Writes the batch atomically, idempotently (see the interface contract). */
  append(batch: readonly ProjectedInstance[]): Promise<void>;
  /** Projected instances matching every given filter, in creation order, as {@link ProcessStore.findInstances}. */
  findInstances(query: InstanceQuery): Promise<Page<InstanceSummary>>;
  /** The projected history of an instance from `offset` (position), as {@link ProcessStore.readHistory}. */
  readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>>;
  close(): Promise<void>;
}

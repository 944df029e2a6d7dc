import { BatonError } from '@baton/errors';
import type { HistoryEntry, HistoryStore, InstanceQuery, InstanceSummary, Page, PageRequest, ProjectedInstance } from '@baton/runtime';
import { entriesToAppend } from '@baton/runtime';
import { deepFreeze, filterValues, pageOf } from './paging.js';

interface Projected {
  readonly entries: HistoryEntry[];
  summary?: InstanceSummary;
}

/**
 * The {@link HistoryStore} of one process: secondary storage in memory (tests of the
 * history projector, and an embedded node that wants the split without a server).
 * Instances are listed in the order they were first copied.
 */
export class InMemoryHistoryStore implements HistoryStore {
  private readonly instances = new Map<string, Projected>();
  private isClosed = false;

  async positions(instanceIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    this.checkOpen();
    return new Map(instanceIds.map((id) => [id, this.instances.get(id)?.entries.length ?? 0]));
  }

  async append(batch: readonly ProjectedInstance[]): Promise<void> {
    this.checkOpen();
    // Checked whole before anything is written: one append is all or nothing.
    const fresh = batch.map((instance) => entriesToAppend(instance, this.instances.get(instance.instanceId)?.entries.length ?? 0));
    batch.forEach((instance, i) => {
      let projected = this.instances.get(instance.instanceId);
      if (projected === undefined) this.instances.set(instance.instanceId, (projected = { entries: [] }));
      projected.entries.push(...(fresh[i] ?? []).map((entry) => deepFreeze(entry)));
      const { summary } = instance;
      if (summary !== undefined && (projected.summary === undefined || summary.version >= projected.summary.version)) projected.summary = deepFreeze(summary);
    });
  }

  async findInstances(query: InstanceQuery): Promise<Page<InstanceSummary>> {
    this.checkOpen();
    const summaries = filterValues(this.instances.values(), (p) => p.summary !== undefined).map((p) => p.summary as InstanceSummary);
    const matching = summaries.filter(
      (s) =>
        (query.rootInstanceId === undefined || s.rootInstanceId === query.rootInstanceId) &&
        (query.processId === undefined || s.processId === query.processId) &&
        (query.status === undefined || s.status === query.status),
    );
    return pageOf(matching, query);
  }

  async readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    this.checkOpen();
    return pageOf(this.instances.get(instanceId)?.entries ?? [], page);
  }

  async close(): Promise<void> {
    this.isClosed = true;
  }

  private checkOpen(): void {
    if (this.isClosed) throw new BatonError('STORE_UNAVAILABLE', 'The in-memory history store is closed; create a new one.');
  }
}

/** Builds an {@link InMemoryHistoryStore}. */
export function createInMemoryHistoryStore(): InMemoryHistoryStore {
  return new InMemoryHistoryStore();
}

import type {
  IncidentQuery,
  IndexedIncident,
  IndexedJob,
  IndexedMessageSubscription,
  IndexedSignalSubscription,
  IndexedUserTask,
  IndexedWait,
  InstanceQuery,
  InstanceSummary,
  JobQuery,
  Page,
  PageRequest,
  UserTaskQuery,
} from '@baton/runtime';
import type { InstanceState } from '@baton/core';
import type { RedisClient } from './connection.js';
import { decodeStoredWait, refOfState } from './commit-args.js';
import { matchesAll, pageOf, readIndex, readIndexPage, readJson } from './index-reads.js';
import type { StoreKeys } from './keys.js';
import { decodeStateValue } from './state-codec.js';

/**
 * The store's reads of its indexes. Each picks the narrowest index ZSET the query
 * names (instance, assignee, group, type...) and filters the rest here.
 */
export class StoreQueries {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: StoreKeys,
  ) {}

  findUserTasks(q: UserTaskQuery): Promise<Page<IndexedUserTask>> {
    const { keys } = this;
    const rest = matchesAll<IndexedUserTask>([
      [q.rootInstanceId, (t) => t.rootInstanceId === q.rootInstanceId],
      [q.processId, (t) => t.processId === q.processId],
      [q.elementId, (t) => t.elementId === q.elementId],
      [q.state, (t) => (q.state === 'assigned') === (t.assignee !== undefined)],
    ]);
    const all = matchesAll<IndexedUserTask>([
      [q.instanceId, (t) => t.instanceId === q.instanceId],
      [q.assignee, (t) => t.assignee === q.assignee],
      [q.candidateGroup, (t) => q.candidateGroup !== undefined && t.candidateGroups.includes(q.candidateGroup)],
      [q.candidateUser, (t) => q.candidateUser !== undefined && t.candidateUsers.includes(q.candidateUser)],
      [true, (t) => t.kind === 'userTask' && (rest === undefined || rest(t))],
    ]);
    const only = (...given: readonly unknown[]) => rest === undefined && given.filter((v) => v !== undefined).length === 1;
    const { instanceId, assignee, candidateGroup, candidateUser } = q;
    if (instanceId !== undefined) return this.waitsOfInstance(instanceId, q, all);
    const exact = only(assignee, candidateGroup, candidateUser) ? undefined : all;
    if (assignee !== undefined) return readIndexPage(this.client, keys.userTasksByAssignee(assignee), keys.waits, q, exact, decodeStoredWait);
    if (candidateGroup !== undefined) return readIndexPage(this.client, keys.userTasksByGroup(candidateGroup), keys.waits, q, exact, decodeStoredWait);
    if (candidateUser !== undefined) return readIndexPage(this.client, keys.userTasksByUser(candidateUser), keys.waits, q, exact, decodeStoredWait);
    return readIndexPage(this.client, keys.userTasks, keys.waits, q, rest, decodeStoredWait);
  }

  findJobs(q: JobQuery): Promise<Page<IndexedJob>> {
    const { keys } = this;
    const rest = matchesAll<IndexedJob>([
      [q.rootInstanceId, (j) => j.rootInstanceId === q.rootInstanceId],
      [q.elementId, (j) => j.elementId === q.elementId],
      [q.state, (j) => j.state === q.state],
    ]);
    const all = (j: IndexedJob): boolean =>
      j.kind === 'job' && (q.instanceId === undefined || j.instanceId === q.instanceId) && (q.jobType === undefined || j.jobType === q.jobType) && (rest === undefined || rest(j));
    if (q.instanceId !== undefined) return this.waitsOfInstance(q.instanceId, q, all);
    if (q.jobType !== undefined) return readIndexPage(this.client, keys.jobsByType(q.jobType), keys.waits, q, rest, decodeStoredWait);
    return readIndexPage(this.client, keys.jobs, keys.waits, q, rest, decodeStoredWait);
  }

  /**
   * The open waits of one instance that `keep` accepts, from its state (one GET; the
   * state lists them in creation order), so that no per-instance index key is kept.
   */
  private async waitsOfInstance<T extends IndexedWait>(instanceId: string, page: PageRequest, keep?: (wait: T) => boolean): Promise<Page<T>> {
    const value = await this.client.getBuffer(this.keys.instance(instanceId).state);
    if (value === null) return { items: [], total: 0 };
    const { state } = decodeStateValue(value);
    const ref = refOfState(state);
    const matching = Object.values(state.waits)
      .map((wait) => ({ ...wait, ...ref }) as T)
      .filter((wait) => keep === undefined || keep(wait));
    const offset = Math.max(0, page.offset ?? 0);
    return pageOf(matching.slice(offset, offset + Math.max(0, page.limit ?? 100)), matching.length, offset);
  }

  async findIncidents(q: IncidentQuery): Promise<Page<IndexedIncident>> {
    const { keys } = this;
    const rest = matchesAll<IndexedIncident>([
      [q.rootInstanceId, (i) => i.rootInstanceId === q.rootInstanceId],
      [q.processId, (i) => i.processId === q.processId],
    ]);
    if (q.incidentKey !== undefined) {
      const found = await readJson<IndexedIncident>(this.client, keys.incidents, [q.incidentKey]);
      return { items: found, total: found.length };
    }
    if (q.instanceId !== undefined) return readIndexPage(this.client, keys.instance(q.instanceId).incidents, keys.incidents, q, rest);
    return readIndexPage(this.client, keys.openIncidents, keys.incidents, q, rest);
  }

  async findWait(key: string): Promise<IndexedWait | undefined> {
    const [wait] = await readJson<IndexedWait>(this.client, this.keys.waits, [key], decodeStoredWait);
    return wait;
  }

  async findMessageSubscriptions(messageName: string, correlationKey: string | undefined): Promise<readonly IndexedMessageSubscription[]> {
    const keyless = this.keys.messageSubscriptions(messageName, undefined);
    if (correlationKey === undefined) return readIndex(this.client, keyless, this.keys.waits, decodeStoredWait);
    const [keyed, any] = await Promise.all([
      this.client.zrange(this.keys.messageSubscriptions(messageName, correlationKey), 0, -1, 'WITHSCORES'),
      this.client.zrange(keyless, 0, -1, 'WITHSCORES'),
    ]);
    const members = [...pairsOf(keyed), ...pairsOf(any)].sort((a, b) => a.score - b.score).map((p) => p.member);
    return readJson(this.client, this.keys.waits, members, decodeStoredWait);
  }

  findSignalSubscriptions(signalName: string): Promise<readonly IndexedSignalSubscription[]> {
    return readIndex(this.client, this.keys.signalSubscriptions(signalName), this.keys.waits, decodeStoredWait);
  }

  /**
   * Without a filter, one page of `P:instances` and those states: O(page). With a
   * process, status or tree filter, every candidate's state (one pipelined GET each):
   * O(candidates).
   */
  async findInstances(q: InstanceQuery): Promise<Page<InstanceSummary>> {
    if (q.rootInstanceId === undefined && q.processId === undefined && q.status === undefined) {
      const offset = Math.max(0, q.offset ?? 0);
      const limit = Math.max(0, q.limit ?? 100);
      const [total, ids] = await Promise.all([this.client.zcard(this.keys.instances), limit === 0 ? [] : this.client.zrange(this.keys.instances, offset, offset + limit - 1)]);
      return pageOf(await this.summariesOf(ids), total, offset);
    }
    const ids = q.rootInstanceId === undefined ? await this.client.zrange(this.keys.instances, 0, -1) : await this.treeOf(q.rootInstanceId);
    const summaries = await this.summariesOf(ids);
    const matching = summaries.filter(
      (s) => (q.processId === undefined || s.processId === q.processId) && (q.status === undefined || s.status === q.status),
    );
    const offset = Math.max(0, q.offset ?? 0);
    const items = matching.slice(offset, offset + Math.max(0, q.limit ?? 100));
    const next = offset + items.length;
    return next < matching.length ? { items, total: matching.length, nextOffset: next } : { items, total: matching.length };
  }

  /** The summaries of those instances that exist, in the same order (one pipelined GET each). */
  private async summariesOf(ids: readonly string[]): Promise<InstanceSummary[]> {
    if (ids.length === 0) return [];
    const pipeline = this.client.pipeline();
    for (const id of ids) pipeline.getBuffer(this.keys.instance(id).state);
    const replies = (await pipeline.exec()) ?? [];
    const summaries: InstanceSummary[] = [];
    for (const [error, value] of replies) {
      if (error !== null) throw error;
      if (value instanceof Buffer) {
        const { version, state } = decodeStateValue(value);
        summaries.push(summaryOf(state, version));
      }
    }
    return summaries;
  }

  /** Ids of a call tree in creation order; a root without children has no tree key (see commit-instance-13.lua). */
  private async treeOf(rootInstanceId: string): Promise<string[]> {
    const ids = await this.client.zrange(this.keys.tree(rootInstanceId), 0, -1);
    if (ids.length > 0) return ids;
    return (await this.client.zscore(this.keys.instances, rootInstanceId)) === null ? [] : [rootInstanceId];
  }
}

/** What a listing shows of an instance, from its state. */
function summaryOf(state: InstanceState, version: number): InstanceSummary {
  const { status, startedAt, endedAt, parent } = state;
  return {
    ...refOfState(state),
    status,
    ...(parent === undefined ? {} : { parentInstanceId: parent.instanceId }),
    startedAt,
    ...(endedAt === undefined ? {} : { endedAt }),
    version,
  };
}

function pairsOf(flat: readonly string[]): { member: string; score: number }[] {
  const pairs: { member: string; score: number }[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push({ member: flat[i] as string, score: Number(flat[i + 1]) });
  return pairs;
}

import type { InstanceState } from '@baton/core';
import type { RuntimeLogger } from '../engine/incident-log.js';
import type { Clock, ScheduledCallback } from '../ports/clock.js';
import type { HistoryStore, ProjectedInstance } from '../ports/history-store.js';
import type { ProcessStore } from '../ports/process-store.js';
import type { HistoryEntry, InstanceSummary, OutboxEntry } from '../ports/store-records.js';

export interface HistoryProjectorOptions {
  /** The primary store: where the history is read (it holds it in commit order) and the notes acknowledged. */
  readonly store: ProcessStore;
  /** The secondary storage the history is copied to. */
  readonly history: HistoryStore;
  /** Times the back-off and the lag; wall time in a node (a pinned clock would never retry). */
  readonly clock: Clock;
  readonly logger?: RuntimeLogger;
  /** Instances per pass (one positions read, one append, one acknowledgement). Default 200. */
  readonly batchSize?: number;
  /** First wait after a failed pass; it doubles on each failure up to `maxBackoffMs`. Default 100 ms. */
  readonly minBackoffMs?: number;
  /** Default 5 000 ms. */
  readonly maxBackoffMs?: number;
  /** While failing, how often the warning is repeated. Default 30 000 ms. */
  readonly warnEveryMs?: number;
}

/** How far the secondary storage is behind, as this node sees it. */
export interface HistoryLag {
  /** Instances with history this node has yet to copy. */
  readonly pendingInstances: number;
  /** Epoch ms of the oldest commit not copied yet; absent when nothing waits. */
  readonly oldestCommittedAt?: number;
  /** Epoch ms since the passes have been failing (the history store away); absent while they succeed. */
  readonly failingSince?: number;
}

/**
 * Copies instances' history from the primary store to a {@link HistoryStore} (issue 15,
 * "Databases combined"), driven by the ProjectHistory notes each commit leaves in the
 * outbox. A pass takes the instances with notes, asks the history store where each one
 * stands, reads the primary's history from there (so the copy is in order per instance,
 * whatever order the notes came in), appends it in one batch, and only then
 * acknowledges the notes: at least once, and a repeat writes nothing twice (the history
 * store keeps a position per instance). A failing pass (the history store or the primary
 * away) is retried with an exponential back-off; instances go on meanwhile, since
 * commits never wait for the projector, and the notes stay in the outbox (a node that
 * dies leaves them to its peers' outbox sweep).
 */
export interface HistoryProjector {
  /** Takes notes (from a commit or the sweep); returns at once. A note offered twice is copied once. */
  offer(notes: readonly OutboxEntry[]): void;
  /** Resolves once every note offered so far is copied and acknowledged. */
  idle(): Promise<void>;
  lag(): HistoryLag;
  /** Stops after the pass in flight; notes not copied stay in the outbox. */
  close(): Promise<void>;
}

/** What instance lists show, from the state the primary store holds. */
export function summaryOf(instanceId: string, state: InstanceState, version: number): InstanceSummary {
  return {
    instanceId,
    processId: state.processId,
    definitionKey: state.definitionKey,
    rootInstanceId: state.parent?.rootInstanceId ?? instanceId,
    status: state.status,
    startedAt: state.startedAt,
    version,
    ...(state.parent === undefined ? {} : { parentInstanceId: state.parent.instanceId }),
    ...(state.endedAt === undefined ? {} : { endedAt: state.endedAt }),
  };
}

interface Pending {
  readonly noteIds: Set<string>;
  oldestCommittedAt: number;
}

/** Builds a {@link HistoryProjector}; it runs a pass whenever notes wait and none is in flight. */
export function createHistoryProjector(options: HistoryProjectorOptions): HistoryProjector {
  const { store, history, clock, logger } = options;
  const batchSize = options.batchSize ?? 200;
  const minBackoffMs = options.minBackoffMs ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const warnEveryMs = options.warnEveryMs ?? 30_000;
  const pending = new Map<string, Pending>();
  let running: Promise<void> | undefined;
  let retry: ScheduledCallback | undefined;
  let failures = 0;
  let failingSince: number | undefined;
  let lastWarnAt = 0;
  let isClosed = false;
  let idleWaiters: (() => void)[] = [];

  function offer(notes: readonly OutboxEntry[]): void {
    if (isClosed) return;
    for (const note of notes) {
      const entry = pending.get(note.instanceId);
      if (entry === undefined) pending.set(note.instanceId, { noteIds: new Set([note.outboxId]), oldestCommittedAt: note.committedAt });
      else {
        entry.noteIds.add(note.outboxId);
        entry.oldestCommittedAt = Math.min(entry.oldestCommittedAt, note.committedAt);
      }
    }
    kick();
  }

  /** Starts a pass unless one is in flight or a back-off is waiting. */
  function kick(): void {
    if (running !== undefined || retry !== undefined || isClosed) return;
    if (pending.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    running = pass().finally(() => {
      running = undefined;
      kick();
    });
  }

  async function pass(): Promise<void> {
    const taken = [...pending.entries()].slice(0, batchSize).map(([instanceId, entry]) => ({ instanceId, noteIds: [...entry.noteIds] }));
    try {
      const positions = await history.positions(taken.map((t) => t.instanceId));
      const batch = await Promise.all(taken.map((t) => readFrom(t.instanceId, positions.get(t.instanceId) ?? 0)));
      const toWrite = batch.filter((instance) => instance.entries.length > 0 || instance.summary !== undefined);
      if (toWrite.length > 0) await history.append(toWrite);
      await store.ackOutbox(taken.flatMap((t) => t.noteIds));
    } catch (error) {
      failed(error, taken.length);
      return;
    }
    for (const { instanceId, noteIds } of taken) {
      const entry = pending.get(instanceId);
      if (entry === undefined) continue;
      for (const id of noteIds) entry.noteIds.delete(id);
      if (entry.noteIds.size === 0) pending.delete(instanceId);
    }
    recovered(taken.length);
  }

  /** The instance's summary and its history from `position` on, as the primary holds them now. */
  async function readFrom(instanceId: string, position: number): Promise<ProjectedInstance> {
    // The state first: the history read after it holds at least the events behind that version.
    const loaded = await store.load(instanceId);
    const entries: HistoryEntry[] = [];
    for (let offset: number | undefined = position; offset !== undefined; ) {
      const page = await store.readHistory(instanceId, { offset, limit: 500 });
      entries.push(...page.items);
      offset = page.nextOffset;
    }
    return { instanceId, entries, ...(loaded === undefined ? {} : { summary: summaryOf(instanceId, loaded.state, loaded.version) }) };
  }

  function failed(error: unknown, instances: number): void {
    failures += 1;
    const now = clock.now();
    failingSince ??= now;
    const delayMs = Math.min(maxBackoffMs, minBackoffMs * 2 ** Math.min(failures - 1, 30));
    if (failures === 1 || now - lastWarnAt >= warnEveryMs) {
      lastWarnAt = now;
      logger?.warn(
        { err: error, code: codeOf(error), pendingInstances: pending.size, batchInstances: instances, behindMs: now - oldest(now), retryInMs: delayMs },
        'history projection failing: the history store (or the primary) did not answer; instances go on, their history is copied when it answers',
      );
    }
    if (isClosed) return;
    retry = clock.schedule(now + delayMs, () => {
      retry = undefined;
      kick();
    });
  }

  function recovered(copiedInstances: number): void {
    if (failingSince === undefined) return;
    const now = clock.now();
    logger?.info({ failedForMs: now - failingSince, failedPasses: failures, copiedInstances, pendingInstances: pending.size }, 'history projection resumed: catching up');
    failures = 0;
    failingSince = undefined;
  }

  function oldest(now: number): number {
    let min = now;
    for (const entry of pending.values()) min = Math.min(min, entry.oldestCommittedAt);
    return min;
  }

  return {
    offer,
    idle() {
      if (pending.size === 0 && running === undefined) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    lag() {
      const now = clock.now();
      return {
        pendingInstances: pending.size,
        ...(pending.size === 0 ? {} : { oldestCommittedAt: oldest(now) }),
        ...(failingSince === undefined ? {} : { failingSince }),
      };
    },
    async close() {
      isClosed = true;
      retry?.cancel();
      retry = undefined;
      await running;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    },
  };
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

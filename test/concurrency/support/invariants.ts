import { replay, waitingElementIds, type InstanceEvent, type InstanceState } from '@baton/core';
import type { HistoryEntry, ProcessStore, VersionedState } from '@baton/runtime';
import { expect } from 'vitest';

/** The whole history, read page by page as a store serves it. */
export async function readAllHistory(store: ProcessStore, instanceId: string): Promise<HistoryEntry<InstanceEvent>[]> {
  const entries: HistoryEntry<InstanceEvent>[] = [];
  for (let offset: number | undefined = 0; offset !== undefined; ) {
    const page = await store.readHistory(instanceId, { offset, limit: 100 });
    entries.push(...(page.items as readonly HistoryEntry<InstanceEvent>[]));
    offset = page.nextOffset;
  }
  return entries;
}

/** Events that may legitimately repeat with the same identity (a variable set twice, a flow taken in a loop). */
const repeatable = new Set(['VariablesSet', 'FlowTaken', 'JobFailed', 'JobRetriesUpdated', 'UserTaskAssigned', 'EventThrown', 'JoinTokensDiscarded']);

/** What makes a one-off event itself: its type and the element instance or wait it is about. */
function identityOf(event: InstanceEvent): string {
  const fields = event as unknown as Record<string, unknown>;
  const keys = ['elementInstanceId', 'jobKey', 'userTaskKey', 'timerKey', 'subscriptionKey', 'incidentKey', 'childInstanceId', 'index'];
  return [event.type, ...keys.map((k) => (fields[k] === undefined ? '' : String(fields[k])))].join('|');
}

/**
 * The history is whole and happened once: positions 0..n-1, each commit's events
 * contiguous, no event twice (neither as a whole nor by identity: one
 * `ElementCompleted` per element instance, one `JobCompleted` per job...), and
 * folding it with `evolve` gives exactly the stored state.
 */
export function expectHistoryFoldsToState(history: readonly HistoryEntry<InstanceEvent>[], stored: VersionedState): void {
  expect(history.map((e) => e.position)).toEqual(history.map((_, i) => i));
  const commandOrder = history.map((e) => e.commandId).filter((id, i, all) => i === 0 || all[i - 1] !== id);
  expect(commandOrder, 'each commit appends its events as one block').toEqual([...new Set(commandOrder)]);
  const whole = history.map((e) => JSON.stringify(e.event));
  expect(duplicates(whole), 'no event appears twice').toEqual([]);
  const identities = history.filter((e) => !repeatable.has(e.event.type)).map((e) => identityOf(e.event));
  expect(duplicates(identities), 'no one-off event happens twice').toEqual([]);
  expect(replay(undefined, history.map((e) => e.event))).toEqual(stored.state);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** The store's indexes hold exactly the open waits and incidents of the state: no orphan, no gap. */
export async function expectIndexesMatchState(store: ProcessStore, state: InstanceState): Promise<void> {
  const { instanceId } = state;
  const waits = Object.values(state.waits);
  const jobs = await store.findJobs({ instanceId, limit: 1000 });
  expect(jobs.items.map((j) => j.jobKey).sort()).toEqual(waits.flatMap((w) => (w.kind === 'job' ? [w.jobKey] : [])).sort());
  const tasks = await store.findUserTasks({ instanceId, limit: 1000 });
  expect(tasks.items.map((t) => t.userTaskKey).sort()).toEqual(waits.flatMap((w) => (w.kind === 'userTask' ? [w.userTaskKey] : [])).sort());
  const incidents = await store.findIncidents({ instanceId, limit: 1000 });
  expect(incidents.items.map((i) => i.incidentKey).sort()).toEqual(Object.keys(state.incidents).sort());
  for (const [key, wait] of Object.entries(state.waits)) {
    expect(await store.findWait(key), `index entry of open wait ${key}`).toMatchObject({ kind: wait.kind, instanceId });
  }
}

/** Where the instance stands: its status and the elements it waits at (sorted). */
export function standing(state: InstanceState): { readonly status: string; readonly waitingAt: readonly string[] } {
  return { status: state.status, waitingAt: waitingElementIds(state).sort() };
}

/** An instance that ended holds no token, no wait and no token parked at a join. */
export function expectNothingLeft(state: InstanceState): void {
  expect(state.status).not.toBe('active');
  expect(state.elementInstances).toEqual({});
  expect(state.waits).toEqual({});
  expect(Object.values(state.joins ?? {})).toEqual([]);
}

import type { InstanceEvent, InstanceState } from '@baton/core';

/**
 * What is wrong with an instance's token tree; empty when nothing is. The rules:
 * every element instance is filed under its own id and has a live parent scope;
 * every open wait and incident belongs to a live element instance (or to the
 * process scope, as its event subprocesses' start events do); an element
 * instance holds at most one job or user task; an ended instance holds no element
 * instance, wait or incident; an active one can still move (an open wait or an
 * incident; `expectLive`, for models without deadlocks such as `processModel`'s).
 */
export function tokenTreeProblems(state: InstanceState, options: { expectLive?: boolean } = {}): string[] {
  const problems: string[] = [];
  const live = state.elementInstances;
  for (const [key, rec] of Object.entries(live)) {
    if (rec.elementInstanceId !== key) problems.push(`element instance filed as ${key} calls itself ${rec.elementInstanceId}`);
    const parent = rec.parentElementInstanceId;
    if (parent !== undefined && live[parent] === undefined) problems.push(`element instance ${key} (${rec.elementId}) has no live parent ${parent}`);
  }
  // The process scope itself owns waits too: the start events of its event subprocesses.
  const isLive = (elementInstanceId: string): boolean => live[elementInstanceId] !== undefined || elementInstanceId === state.instanceId;
  const tasksPerInstance = new Map<string, number>();
  for (const [key, wait] of Object.entries(state.waits)) {
    if (!isLive(wait.elementInstanceId)) problems.push(`${wait.kind} wait ${key} at ${wait.elementId} belongs to no live element instance (${wait.elementInstanceId})`);
    if (wait.kind === 'job' || wait.kind === 'userTask') tasksPerInstance.set(wait.elementInstanceId, (tasksPerInstance.get(wait.elementInstanceId) ?? 0) + 1);
  }
  for (const [elementInstanceId, count] of tasksPerInstance) if (count > 1) problems.push(`element instance ${elementInstanceId} holds ${count} jobs/user tasks`);
  for (const [key, incident] of Object.entries(state.incidents)) {
    if (!isLive(incident.elementInstanceId)) problems.push(`incident ${key} at ${incident.elementId} belongs to no live element instance (${incident.elementInstanceId})`);
  }
  const counts = `${Object.keys(live).length} element instances, ${Object.keys(state.waits).length} waits, ${Object.keys(state.incidents).length} incidents`;
  if (state.status !== 'active' && counts !== '0 element instances, 0 waits, 0 incidents') problems.push(`instance ${state.status} still holds ${counts}`);
  if (state.status === 'active' && options.expectLive === true && Object.keys(state.waits).length + Object.keys(state.incidents).length === 0) {
    problems.push(`instance is active but can never move: no open wait and no incident (${counts}; joins ${JSON.stringify(state.joins ?? {})})`);
  }
  return problems;
}

/**
 * Elements activated more than once in the same scope instance (a duplicated
 * token), ignoring the ids `mayRepeat` allows (paths of non-interrupting events).
 */
export function duplicateActivations(events: readonly InstanceEvent[], mayRepeat: (elementId: string) => boolean): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const event of events) {
    if (event.type !== 'ElementActivated' || mayRepeat(event.elementId)) continue;
    const key = `${event.elementId} in ${event.parentElementInstanceId ?? 'the process'}`;
    if (seen.has(key)) duplicates.push(key);
    seen.add(key);
  }
  return duplicates;
}

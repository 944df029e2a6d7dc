import { waitKeyOf, type InstanceState, type Wait } from '@baton/core';
import type { CommitRequest, IndexedWait, InstanceRef } from '@baton/runtime';
import { encodeHistoryChunk } from './history-codec.js';
import { encodeStateValue, rests } from './state-codec.js';
import type { StoreKeys } from './keys.js';

export { waitKeyOf };

/** The global index ZSETs a wait belongs to (besides its instance's own wait set). */
export function holdersOf(keys: StoreKeys, wait: Wait): string[] {
  switch (wait.kind) {
    case 'userTask':
      return [
        keys.userTasks,
        ...(wait.assignee === undefined ? [] : [keys.userTasksByAssignee(wait.assignee)]),
        ...wait.candidateGroups.map((g) => keys.userTasksByGroup(g)),
        ...wait.candidateUsers.map((u) => keys.userTasksByUser(u)),
      ];
    case 'job':
      return [keys.jobs, keys.jobsByType(wait.jobType)];
    case 'message':
      return [keys.messageSubscriptions(wait.messageName, wait.correlationKey)];
    case 'signal':
      return [keys.signalSubscriptions(wait.signalName)];
    case 'timer':
      return [];
  }
}

/** Where an instance's indexed things live: itself, its process and its call tree's root. */
export function refOfState(state: InstanceState): InstanceRef {
  const { instanceId, processId, definitionKey, parent } = state;
  return { instanceId, processId, definitionKey, rootInstanceId: parent?.rootInstanceId ?? instanceId };
}

export function refOf(request: CommitRequest): InstanceRef {
  return { ...refOfState(request.state), instanceId: request.instanceId };
}

/**
 * A wait as `P:waits` holds it, after the script's `"<seq>\n<holders>\n"` prefix:
 * the wait and its instance's ref, without `rootInstanceId` when the instance is
 * its own root (most are; {@link decodeStoredWait} restores it).
 */
export function encodeIndexedWait(wait: Wait, ref: InstanceRef): string {
  const { rootInstanceId, ...rest } = ref;
  return JSON.stringify(rootInstanceId === ref.instanceId ? { ...wait, ...rest } : { ...wait, ...ref });
}

/** Reads a `P:waits` value: `"<seq>\n<holders JSON>\n<wait JSON>"` (see commit-instance-13.lua). */
export function decodeStoredWait(value: string): IndexedWait {
  const json = value.slice(value.indexOf('\n', value.indexOf('\n') + 1) + 1);
  const wait = JSON.parse(json) as Omit<IndexedWait, 'rootInstanceId'> & { rootInstanceId?: string };
  return (wait.rootInstanceId === undefined ? { ...wait, rootInstanceId: wait.instanceId } : wait) as IndexedWait;
}

/** KEYS and ARGV of commit-instance-13.lua for one request (see the script's header). */
export function commitArgs(keys: StoreKeys, request: CommitRequest, endedRetentionMs: number): { keys: string[]; args: (string | number | Buffer)[] } {
  const ref = refOf(request);
  const own = keys.instance(request.instanceId);
  const { indexChanges } = request;
  const compact = rests(request.state);
  const stateValue = encodeStateValue(request.expectedVersion + 1, request.state, compact);
  const args: (string | number | Buffer)[] = [request.expectedVersion, request.instanceId, stateValue, ref.rootInstanceId];
  if (request.events.length === 0) args.push(0, '');
  else {
    const chunk = encodeHistoryChunk(request.instanceId, request.at, request.commandId, request.events, compact);
    args.push(chunk.count, chunk.body);
  }
  const { latestOf } = request;
  // The latest HASH holds the definition key of each process's latest version.
  if (latestOf === undefined) args.push('', '');
  else args.push(latestOf.processId, latestOf.definitionKey);
  args.push(request.state.status === 'active' ? '' : Math.max(1, Math.round(endedRetentionMs)));
  args.push(request.outbox.length);
  for (const entry of request.outbox) args.push(entry.outboxId, entry.committedAt, JSON.stringify(entry));
  args.push(indexChanges.removeWaitKeys.length, ...indexChanges.removeWaitKeys);
  args.push(indexChanges.upsertWaits.length);
  for (const wait of indexChanges.upsertWaits) {
    args.push(waitKeyOf(wait), encodeIndexedWait(wait, ref), JSON.stringify(holdersOf(keys, wait)));
  }
  args.push(indexChanges.removeIncidentKeys.length, ...indexChanges.removeIncidentKeys);
  args.push(indexChanges.upsertIncidents.length);
  for (const incident of indexChanges.upsertIncidents) args.push(incident.incidentKey, JSON.stringify({ ...incident, ...ref }));
  return {
    keys: [
      own.state,
      own.history,
      own.incidents,
      keys.seq,
      keys.waits,
      keys.incidents,
      keys.openIncidents,
      keys.instances,
      keys.tree(ref.rootInstanceId),
      keys.outbox,
      keys.outboxEntries,
      keys.latestDeployments,
      keys.ended,
    ],
    args,
  };
}

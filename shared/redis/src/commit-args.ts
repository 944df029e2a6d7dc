import { waitKeyOf, type Wait } from '@baton/core';
import type { CommitRequest, InstanceRef } from '@baton/runtime';
import { encodeHistoryEntry } from './history-codec.js';
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

export function refOf(request: CommitRequest): InstanceRef {
  const { state } = request;
  return {
    instanceId: request.instanceId,
    processId: state.processId,
    definitionKey: state.definitionKey,
    rootInstanceId: state.parent?.rootInstanceId ?? request.instanceId,
  };
}

/** KEYS and ARGV of commit-instance-13.lua for one request (see the script's header). */
export function commitArgs(keys: StoreKeys, request: CommitRequest): { keys: string[]; args: (string | number)[] } {
  const ref = refOf(request);
  const own = keys.instance(request.instanceId);
  const { indexChanges } = request;
  const args: (string | number)[] = [request.expectedVersion, request.instanceId, JSON.stringify(request.state), ref.rootInstanceId];
  args.push(request.events.length);
  for (const event of request.events) args.push(encodeHistoryEntry(request.instanceId, request.at, request.commandId, event));
  args.push(request.outbox.length);
  for (const entry of request.outbox) args.push(entry.outboxId, entry.committedAt, JSON.stringify(entry));
  args.push(indexChanges.removeWaitKeys.length, ...indexChanges.removeWaitKeys);
  args.push(indexChanges.upsertWaits.length);
  for (const wait of indexChanges.upsertWaits) {
    args.push(waitKeyOf(wait), JSON.stringify({ ...wait, ...ref }), JSON.stringify(holdersOf(keys, wait)));
  }
  args.push(indexChanges.removeIncidentKeys.length, ...indexChanges.removeIncidentKeys);
  args.push(indexChanges.upsertIncidents.length);
  for (const incident of indexChanges.upsertIncidents) args.push(incident.incidentKey, JSON.stringify({ ...incident, ...ref }));
  return {
    keys: [
      own.state,
      own.history,
      own.waits,
      own.incidents,
      keys.seq,
      keys.waits,
      keys.waitHolders,
      keys.incidents,
      keys.openIncidents,
      keys.instances,
      keys.tree(ref.rootInstanceId),
      keys.outbox,
      keys.outboxEntries,
    ],
    args,
  };
}

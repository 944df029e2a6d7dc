import type { Incident, InstanceState, JobWait, MessageWait, SignalWait, UserTaskWait, Wait } from '@baton/core';
import type { CommitRequest, HistoryEvent, IndexChanges } from '@baton/runtime';

/** A minimal valid instance state for store tests. */
export function instanceState(instanceId: string, overrides: Partial<InstanceState> = {}): InstanceState {
  return {
    instanceId,
    processId: 'order',
    definitionKey: 'order:1',
    status: 'active',
    seq: 1,
    startedAt: 1_000,
    elementInstances: {},
    variables: { root: {} },
    waits: {},
    incidents: {},
    ...overrides,
  };
}

const base = { elementInstanceId: 'ei-1', createdAt: 1_000 };

export function userTaskWait(userTaskKey: string, overrides: Partial<UserTaskWait> = {}): UserTaskWait {
  return { kind: 'userTask', elementId: 'approve', ...base, userTaskKey, candidateUsers: [], candidateGroups: [], ...overrides };
}

export function jobWait(jobKey: string, overrides: Partial<JobWait> = {}): JobWait {
  return { kind: 'job', elementId: 'charge', ...base, jobKey, jobType: 'payments', retries: 3, customHeaders: {}, state: 'activatable', ...overrides };
}

export function messageWait(subscriptionKey: string, messageName: string, correlationKey?: string): MessageWait {
  return { kind: 'message', elementId: 'wait-payment', ...base, subscriptionKey, messageName, ...(correlationKey === undefined ? {} : { correlationKey }) };
}

export function signalWait(subscriptionKey: string, signalName: string): SignalWait {
  return { kind: 'signal', elementId: 'wait-signal', ...base, subscriptionKey, signalName };
}

export function incident(incidentKey: string, overrides: Partial<Incident> = {}): Incident {
  return { incidentKey, elementId: 'charge', elementInstanceId: 'ei-1', errorType: 'JOB_NO_RETRIES', errorMessage: 'boom', createdAt: 1_000, ...overrides };
}

/** Index changes that open `waits` and `incidents`, close `removed` keys. */
export function changes(opened: readonly Wait[] = [], removed: readonly string[] = [], incidents: readonly Incident[] = [], resolved: readonly string[] = []): IndexChanges {
  return { upsertWaits: opened, removeWaitKeys: removed, upsertIncidents: incidents, removeIncidentKeys: resolved };
}

/** A commit request with sensible defaults. */
export function commitOf(
  state: InstanceState,
  expectedVersion: number,
  extra: { events?: readonly HistoryEvent[]; indexChanges?: IndexChanges; outbox?: CommitRequest['outbox']; at?: number; commandId?: string } = {},
): CommitRequest {
  return {
    instanceId: state.instanceId,
    expectedVersion,
    state,
    events: extra.events ?? [{ type: 'Touched', instanceId: state.instanceId }],
    outbox: extra.outbox ?? [],
    indexChanges: extra.indexChanges ?? changes(),
    at: extra.at ?? 1_000,
    commandId: extra.commandId ?? `cmd-${state.instanceId}-${expectedVersion + 1}`,
  };
}

/** A unique id per call, so tests sharing a store never collide. */
let counter = 0;
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

import { childKey } from '../keys.js';
import { assertNever } from '../assert-never.js';
import type { InstanceEvent } from '../types/events.js';
import type { UserTaskChanges } from '../types/commands.js';
import type { Incident, InstanceState, UserTaskWait } from '../types/state.js';
import { asState, draftOf, emptyMap, ROOT, type Draft, type ElementRecord, type MultiInstanceRecord } from './records.js';

/**
 * Fold one event into a state, returning a new state (the input is not touched).
 * `InstanceCreated` starts from `undefined`; every other event needs a state.
 */
export function evolve(state: InstanceState | undefined, event: InstanceEvent): InstanceState {
  return asState(applyEvent(state === undefined ? undefined : draftOf(state), event));
}

/** Fold many events, copying the state once. */
export function replay(state: InstanceState | undefined, events: readonly InstanceEvent[]): InstanceState | undefined {
  let draft = state === undefined ? undefined : draftOf(state);
  for (const event of events) draft = applyEvent(draft, event);
  return draft === undefined ? undefined : asState(draft);
}

/**
 * Fold one event into a draft. The one place state changes. The draft's maps are
 * its own (see `draftOf`), but the values in them may be shared with the state it
 * was drawn from: values are replaced, never changed in place.
 */
export function applyEvent(draft: Draft | undefined, event: InstanceEvent): Draft {
  if (event.type === 'InstanceCreated') {
    const created: Draft = {
      instanceId: event.instanceId,
      processId: event.processId,
      definitionKey: event.definitionKey,
      status: 'active',
      seq: 0,
      startedAt: event.at,
      elementInstances: emptyMap(),
      variables: emptyMap(),
      waits: emptyMap(),
      incidents: emptyMap(),
      joins: emptyMap(),
    };
    created.variables[ROOT] = {};
    if (event.parent !== undefined) created.parent = event.parent;
    return created;
  }
  if (draft === undefined) throw new Error(`bug: ${event.type} folded before InstanceCreated`);
  applyToDraft(draft, event);
  return draft;
}

function applyToDraft(d: Draft, e: Exclude<InstanceEvent, { type: 'InstanceCreated' }>): void {
  switch (e.type) {
    case 'ElementActivated':
      return activate(d, e);
    case 'ElementCompleted':
    case 'ElementTerminated':
      return remove(d, e.elementInstanceId, e.type === 'ElementCompleted');
    case 'FlowTaken':
      if (e.joinScopeKey !== undefined) addJoinToken(d, e.joinScopeKey, e.targetId, e.flowId);
      return;
    case 'JoinTokensDiscarded':
      if (d.joins !== undefined) delete d.joins[e.scopeKey];
      return;
    case 'MultiInstanceStarted': {
      const mi: MultiInstanceRecord = { total: e.total, started: 0, completed: 0, results: [] };
      if (e.items !== undefined) mi.items = [...e.items];
      return update(d, e.elementInstanceId, { mi });
    }
    case 'MultiInstanceResultCollected': {
      const mi = record(d, e.elementInstanceId).mi;
      if (mi === undefined) return;
      const results = [...mi.results];
      results[e.index] = e.value;
      return update(d, e.elementInstanceId, { mi: { ...mi, results } });
    }
    case 'VariablesSet':
      keyNewVariables(d, e.scopeKey, e.variables);
      d.variables[e.scopeKey] = Object.assign({}, d.variables[e.scopeKey], e.variables);
      return;
    case 'JobCreated':
      d.seq++;
      d.waits[e.job.jobKey] = e.job;
      return;
    case 'UserTaskCreated':
      d.seq++;
      d.waits[e.userTask.userTaskKey] = e.userTask;
      return;
    case 'TimerScheduled':
      d.seq++;
      d.waits[e.timer.timerKey] = e.timer;
      return;
    case 'MessageSubscriptionOpened':
      d.seq++;
      d.waits[e.subscription.subscriptionKey] = e.subscription;
      return;
    case 'SignalSubscriptionOpened':
      d.seq++;
      d.waits[e.subscription.subscriptionKey] = e.subscription;
      return;
    case 'JobFailed':
      return updateJob(d, e.jobKey, { retries: e.retries, errorMessage: e.errorMessage, state: e.retries > 0 ? 'activatable' : 'failed' });
    case 'JobRetriesUpdated':
      return updateJob(d, e.jobKey, { retries: e.retries, state: 'activatable' });
    case 'JobUpdated': {
      const wait = d.waits[e.jobKey];
      if (wait?.kind === 'job' && e.retries !== undefined) updateJob(d, e.jobKey, { retries: e.retries, state: wait.state });
      return;
    }
    case 'UserTaskAssigned': {
      const wait = d.waits[e.userTaskKey];
      if (wait?.kind === 'userTask') {
        const { assignee: _old, ...rest } = wait;
        d.waits[e.userTaskKey] = e.assignee === undefined ? rest : Object.assign(rest, { assignee: e.assignee });
      }
      return;
    }
    case 'UserTaskUpdated': {
      const wait = d.waits[e.userTaskKey];
      if (wait?.kind === 'userTask') d.waits[e.userTaskKey] = updatedUserTask(wait, e.changes);
      return;
    }
    case 'JobCompleted':
    case 'JobErrorThrown':
    case 'JobCancelled':
      delete d.waits[e.jobKey];
      return;
    case 'UserTaskCompleted':
    case 'UserTaskCancelled':
      delete d.waits[e.userTaskKey];
      return;
    case 'TimerFired':
    case 'TimerCancelled':
      delete d.waits[e.timerKey];
      return;
    case 'MessageSubscriptionClosed':
    case 'SignalSubscriptionClosed':
      delete d.waits[e.subscriptionKey];
      return;
    case 'MessageCorrelated':
    case 'SignalTriggered':
    case 'EventThrown':
    case 'DecisionEvaluated':
      return;
    case 'ChildInstanceCreated':
      d.seq++;
      return update(d, e.elementInstanceId, { childInstanceId: e.childInstanceId });
    case 'ChildInstanceEnded':
      return update(d, e.elementInstanceId, { childInstanceId: undefined });
    case 'IncidentRaised':
      return raiseIncident(d, e);
    case 'IncidentResolved': {
      delete d.incidents[e.incidentKey];
      return update(d, e.elementInstanceId, { incidentStep: undefined });
    }
    case 'InstanceCompleted':
    case 'InstanceTerminated':
      d.status = e.type === 'InstanceCompleted' ? 'completed' : 'terminated';
      d.endedAt = e.at;
      return;
    default:
      return assertNever(e);
  }
}

function activate(d: Draft, e: Extract<InstanceEvent, { type: 'ElementActivated' }>): void {
  d.seq++;
  const rec: ElementRecord = { elementInstanceId: e.elementInstanceId, elementId: e.elementId, elementType: e.elementType };
  if (e.parentElementInstanceId !== undefined) rec.parentElementInstanceId = e.parentElementInstanceId;
  if (e.isMultiInstanceBody === true) rec.isMultiInstanceBody = true;
  if (e.loopCounter !== undefined) {
    rec.loopCounter = e.loopCounter;
    const bodyId = e.parentElementInstanceId ?? '';
    const mi = d.elementInstances[bodyId]?.mi;
    if (mi !== undefined) update(d, bodyId, { mi: { ...mi, started: e.loopCounter } });
  }
  d.elementInstances[e.elementInstanceId] = rec;
  if (e.hasScope) d.variables[e.elementInstanceId] = {};
  if (e.consumedJoin !== undefined) consumeJoin(d, e.consumedJoin.scopeKey, e.elementId, e.consumedJoin.flowIds);
}

function remove(d: Draft, elementInstanceId: string, completed: boolean): void {
  const rec = d.elementInstances[elementInstanceId];
  if (rec === undefined) return;
  if (completed && rec.loopCounter !== undefined) {
    const bodyId = rec.parentElementInstanceId ?? '';
    const mi = d.elementInstances[bodyId]?.mi;
    if (mi !== undefined) update(d, bodyId, { mi: { ...mi, completed: mi.completed + 1 } });
  }
  delete d.elementInstances[elementInstanceId];
  delete d.variables[elementInstanceId];
  if (d.variableKeys !== undefined) delete d.variableKeys[elementInstanceId];
  if (d.joins !== undefined) delete d.joins[elementInstanceId];
}

/** Each variable gets a key (Camunda's `variableKey`) the first time it is set in a scope; it keeps it while the scope lives. */
function keyNewVariables(d: Draft, scopeKey: string, variables: Readonly<Record<string, unknown>>): void {
  const known = d.variableKeys?.[scopeKey];
  let keys: Record<string, string> | undefined;
  for (const name of Object.keys(variables)) {
    if (known?.[name] !== undefined || keys?.[name] !== undefined) continue;
    keys ??= { ...known };
    d.seq++;
    keys[name] = childKey(d.instanceId, d.seq);
  }
  if (keys === undefined) return;
  d.variableKeys ??= emptyMap();
  d.variableKeys[scopeKey] = keys;
}

/** Replace a record by a copy with some fields changed; `undefined` removes a field. Absent records stay absent. */
function update(d: Draft, elementInstanceId: string, patch: Partial<ElementRecord>): void {
  const rec = d.elementInstances[elementInstanceId];
  if (rec === undefined) return;
  const next: ElementRecord = Object.assign({}, rec, patch);
  for (const key in patch) if (patch[key] === undefined) delete (next as Record<string, unknown>)[key];
  d.elementInstances[elementInstanceId] = next;
}

function record(d: Draft, elementInstanceId: string): ElementRecord {
  const rec = d.elementInstances[elementInstanceId];
  if (rec === undefined) throw new Error(`bug: no element instance ${elementInstanceId}`);
  return rec;
}

function updateJob(d: Draft, jobKey: string, patch: { retries: number; errorMessage?: string; state: 'activatable' | 'failed' }): void {
  const wait = d.waits[jobKey];
  if (wait?.kind === 'job') d.waits[jobKey] = Object.assign({}, wait, patch);
}

function raiseIncident(d: Draft, e: Extract<InstanceEvent, { type: 'IncidentRaised' }>): void {
  d.seq++;
  const incident: { -readonly [K in keyof Incident]: Incident[K] } = {
    incidentKey: e.incidentKey,
    elementId: e.elementId,
    elementInstanceId: e.elementInstanceId,
    errorType: e.errorType,
    errorMessage: e.errorMessage,
    createdAt: e.at,
  };
  if (e.jobKey !== undefined) incident.jobKey = e.jobKey;
  d.incidents[e.incidentKey] = incident;
  update(d, e.elementInstanceId, { incidentStep: e.step });
}

function addJoinToken(d: Draft, scopeKey: string, gatewayId: string, flowId: string): void {
  const joins = (d.joins ??= emptyMap());
  // Gateway and flow ids are model ids: keyed in prototype-free maps, so "__proto__" is a key like any other.
  const gateways: Record<string, Record<string, number>> = Object.assign(emptyMap(), joins[scopeKey]);
  const flows: Record<string, number> = Object.assign(emptyMap(), gateways[gatewayId]);
  flows[flowId] = (flows[flowId] ?? 0) + 1;
  gateways[gatewayId] = flows;
  joins[scopeKey] = gateways;
}

function consumeJoin(d: Draft, scopeKey: string, gatewayId: string, flowIds: readonly string[]): void {
  const gateways = d.joins?.[scopeKey];
  const tokens = gateways?.[gatewayId];
  if (d.joins === undefined || gateways === undefined || tokens === undefined) return;
  const flows: Record<string, number> = Object.assign({}, tokens);
  for (const flowId of flowIds) {
    const left = (flows[flowId] ?? 0) - 1;
    if (left > 0) flows[flowId] = left;
    else delete flows[flowId];
  }
  const rest: Record<string, Readonly<Record<string, number>>> = Object.assign({}, gateways);
  if (Object.keys(flows).length === 0) delete rest[gatewayId];
  else rest[gatewayId] = flows;
  if (Object.keys(rest).length === 0) delete d.joins[scopeKey];
  else d.joins[scopeKey] = rest;
}

/** A user task with `changes` applied: a value replaces the task's, `null` clears it (candidates to none). */
function updatedUserTask(task: UserTaskWait, changes: UserTaskChanges): UserTaskWait {
  const { dueDate, followUpDate, priority, ...rest } = task;
  const kept = <T>(change: T | null | undefined, old: T | undefined): T | undefined => (change === undefined ? old : (change ?? undefined));
  const next = { dueDate: kept(changes.dueDate, dueDate), followUpDate: kept(changes.followUpDate, followUpDate), priority: kept(changes.priority, priority) };
  return {
    ...rest,
    ...(changes.candidateUsers === undefined ? {} : { candidateUsers: changes.candidateUsers ?? [] }),
    ...(changes.candidateGroups === undefined ? {} : { candidateGroups: changes.candidateGroups ?? [] }),
    ...(next.dueDate === undefined ? {} : { dueDate: next.dueDate }),
    ...(next.followUpDate === undefined ? {} : { followUpDate: next.followUpDate }),
    ...(next.priority === undefined ? {} : { priority: next.priority }),
  };
}

import type { FlowElementType } from '@baton/model';
import type { Variables } from '../types/commands.js';
import type { IncidentStep } from '../types/events.js';
import type { CompensationRecord, ConditionSubscription, ElementInstance, Incident, InstanceState, InstanceStatus, Wait } from '../types/state.js';

/** The variable scope key of the process. */
export const ROOT = 'root';

/** Multi-instance bookkeeping on a body. */
export interface MultiInstanceRecord {
  total: number;
  /** Inner instances started so far (the last loopCounter). */
  started: number;
  completed: number;
  items?: unknown[];
  /** outputElement values by 0-based index. */
  results: unknown[];
}

/**
 * One active element instance: a node of the token tree. Records are replaced,
 * never changed in place, so a record read before an event may be stale after it:
 * read it again (`recordOf`) for fields that change (`mi`, `childInstanceId`, `incidentStep`).
 */
export interface ElementRecord extends ElementInstance {
  elementInstanceId: string;
  elementId: string;
  parentElementInstanceId?: string;
  elementType: FlowElementType;
  isMultiInstanceBody?: boolean;
  loopCounter?: number;
  mi?: MultiInstanceRecord;
  childInstanceId?: string;
  /** A compensation event subprocess: the completed subprocess instance it compensates. */
  compensates?: string;
  /** The step to retry when the open incident on this element is resolved. */
  incidentStep?: IncidentStep;
}

/** The mutable draft `decide` and `evolve` work on; the public type is read-only. */
export interface Draft {
  instanceId: string;
  processId: string;
  definitionKey: string;
  status: InstanceStatus;
  seq: number;
  startedAt: number;
  endedAt?: number;
  parent?: InstanceState['parent'];
  elementInstances: Record<string, ElementRecord>;
  variables: Record<string, Variables>;
  variableKeys?: Record<string, Record<string, string>>;
  waits: Record<string, Wait>;
  incidents: Record<string, Incident>;
  conditions?: Record<string, ConditionSubscription>;
  /** Replaced, never changed in place (shared with the state the draft was drawn from). */
  swimlanes?: Readonly<Record<string, string>>;
  /** Tokens waiting at joining gateways: scope key -> gateway id -> flow id -> count. */
  joins?: Record<string, Record<string, Record<string, number>>>;
  /** Compensable completed activity instances (see `CompensationRecord`). */
  compensations?: Record<string, CompensationRecord>;
}

/** View a state as a draft without copying (for reads only). */
export function asDraft(state: InstanceState): Draft {
  return state as unknown as Draft;
}

/**
 * A draft drawn from a state: the top level and its maps are fresh copies, the
 * values inside are shared. The fold replaces values instead of changing them, so
 * the state stays untouched while copying costs only the number of map entries,
 * not the size of the variables.
 */
export function draftOf(state: InstanceState): Draft {
  const source = asDraft(state);
  return {
    ...source,
    elementInstances: copyOfMap(source.elementInstances),
    variables: copyOfMap(source.variables),
    ...(source.variableKeys === undefined ? {} : { variableKeys: copyOfMap(source.variableKeys) }),
    waits: copyOfMap(source.waits),
    incidents: copyOfMap(source.incidents),
    ...(source.conditions === undefined ? {} : { conditions: copyOfMap(source.conditions) }),
    joins: copyOfMap(source.joins),
    ...(source.compensations === undefined ? {} : { compensations: copyOfMap(source.compensations) }),
  };
}

/**
 * An empty map of the state (element instances, scopes, waits, incidents, joins).
 * Their keys embed the instance id, so every instance brings property names V8
 * has never seen: as ordinary objects they fall into slow paths (a hidden class
 * per key, dictionary mode after a delete) and copying them dominated a step
 * (issue #3, "Speed"). Without a prototype they are hash tables from the start,
 * which copy and change at a steady cost. Still plain JSON to every reader.
 */
export function emptyMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A shallow copy of a state map (see {@link emptyMap}). */
export function copyOfMap<T>(source: Readonly<Record<string, T>> | undefined): Record<string, T> {
  const copy = emptyMap<T>();
  for (const key in source) copy[key] = source[key] as T;
  return copy;
}

export function asState(draft: Draft): InstanceState {
  return draft as unknown as InstanceState;
}

/** The scope key of an element instance's flow scope. */
export function scopeKeyOf(parentElementInstanceId: string | undefined): string {
  return parentElementInstanceId ?? ROOT;
}

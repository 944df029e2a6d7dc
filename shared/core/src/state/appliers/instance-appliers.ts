import type { InstanceCreated } from '../../types/events.js';
import type { Incident, Wait } from '../../types/state.js';
import { emptyMap, ROOT, type Draft, type ElementRecord } from '../records.js';
import { recordOnly, updateRecord, type AppliersOf } from './applier.js';

/** Appliers of `InstanceCreated` by version: the one event folded without a draft, it makes one. */
export const instanceCreatedAppliers: Readonly<Record<number, (event: InstanceCreated) => Draft>> = {
  1: (e) => {
    const created: Draft = {
      instanceId: e.instanceId,
      processId: e.processId,
      definitionKey: e.definitionKey,
      status: 'active',
      seq: 0,
      startedAt: e.at,
      elementInstances: emptyMap(),
      variables: emptyMap(),
      waits: emptyMap(),
      incidents: emptyMap(),
      joins: emptyMap(),
    };
    created.variables[ROOT] = {};
    if (e.parent !== undefined) created.parent = e.parent;
    return created;
  },
};

/** Appliers of the instance's own life: incidents, its end, and the events kept as history only. */
export const instanceAppliers: AppliersOf<
  | 'IncidentRaised'
  | 'IncidentResolved'
  | 'InstanceCompleted'
  | 'InstanceTerminated'
  | 'MessageCorrelated'
  | 'SignalTriggered'
  | 'EventThrown'
  | 'DecisionEvaluated'
  | 'InstanceModified'
  | 'InstanceMigrated'
> = {
  IncidentRaised: {
    1: (d, e) => {
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
      updateRecord(d, e.elementInstanceId, { incidentStep: e.step });
    },
  },
  IncidentResolved: {
    1: (d, e) => {
      delete d.incidents[e.incidentKey];
      updateRecord(d, e.elementInstanceId, { incidentStep: undefined });
    },
  },
  InstanceCompleted: { 1: (d, e) => end(d, 'completed', e.at) },
  InstanceTerminated: { 1: (d, e) => end(d, 'terminated', e.at) },
  MessageCorrelated: { 1: recordOnly },
  SignalTriggered: { 1: recordOnly },
  EventThrown: { 1: recordOnly },
  DecisionEvaluated: {
    // Version 1 (`DecisionEvaluatedV1`, Baton before decision instance keys) allocated no key.
    1: recordOnly,
    2: (d, e) => {
      d.seq += 1 + e.evaluatedDecisions.length + (e.failure === undefined ? 0 : 1);
    },
  },
  InstanceModified: { 1: recordOnly },
  InstanceMigrated: {
    1: (d, e) => {
      d.definitionKey = e.toDefinitionKey;
      const renamed = <T extends { readonly elementId: string }>(value: T): T => {
        const target = e.elementIds[value.elementId];
        return target === undefined ? value : { ...value, elementId: target };
      };
      for (const id in d.elementInstances) d.elementInstances[id] = renamed(d.elementInstances[id] as ElementRecord);
      for (const key in d.waits) d.waits[key] = renamed(d.waits[key] as Wait);
      for (const key in d.incidents) d.incidents[key] = renamed(d.incidents[key] as Incident);
    },
  },
};

/**
 * `DecisionEvaluated` as version 1 wrote it (kept to read old histories): no keys,
 * success only, `result` always present. Its applier changes nothing.
 */
export interface DecisionEvaluatedV1 {
  readonly type: 'DecisionEvaluated';
  readonly instanceId: string;
  readonly at: number;
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly decisionId: string;
  readonly decisionRequirementsId: string;
  readonly decisionRequirementsKey: string;
  readonly decisionVersion: number;
  readonly result: unknown;
  readonly evaluatedDecisions: readonly unknown[];
}

function end(d: Draft, status: 'completed' | 'terminated', at: number): void {
  d.status = status;
  d.endedAt = at;
}

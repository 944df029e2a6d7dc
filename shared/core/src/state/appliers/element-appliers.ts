import { childKey } from '../../keys.js';
import type { InstanceEvent } from '../../types/events.js';
import { emptyMap, type Draft, type ElementRecord, type MultiInstanceRecord } from '../records.js';
import { updateRecord, type AppliersOf } from './applier.js';

/** Appliers of the token tree: element instances, flows, joins, multi-instance bodies, variables, call activities. */
export const elementAppliers: AppliersOf<
  | 'ElementActivated'
  | 'ElementCompleted'
  | 'ElementTerminated'
  | 'FlowTaken'
  | 'JoinTokensDiscarded'
  | 'MultiInstanceStarted'
  | 'MultiInstanceResultCollected'
  | 'VariablesSet'
  | 'ChildInstanceCreated'
  | 'ChildInstanceEnded'
> = {
  ElementActivated: { 1: activate },
  ElementCompleted: { 1: (d, e) => remove(d, e.elementInstanceId, true) },
  ElementTerminated: { 1: (d, e) => remove(d, e.elementInstanceId, false) },
  FlowTaken: {
    1: (d, e) => {
      if (e.joinScopeKey !== undefined) addJoinToken(d, e.joinScopeKey, e.targetId, e.flowId);
    },
  },
  JoinTokensDiscarded: {
    1: (d, e) => {
      if (d.joins !== undefined) delete d.joins[e.scopeKey];
    },
  },
  MultiInstanceStarted: {
    1: (d, e) => {
      const mi: MultiInstanceRecord = { total: e.total, started: 0, completed: 0, results: [] };
      if (e.items !== undefined) mi.items = [...e.items];
      updateRecord(d, e.elementInstanceId, { mi });
    },
  },
  MultiInstanceResultCollected: {
    1: (d, e) => {
      const mi = d.elementInstances[e.elementInstanceId]?.mi;
      if (mi === undefined) return;
      const results = [...mi.results];
      results[e.index] = e.value;
      updateRecord(d, e.elementInstanceId, { mi: { ...mi, results } });
    },
  },
  VariablesSet: {
    1: (d, e) => {
      keyNewVariables(d, e.scopeKey, e.variables);
      d.variables[e.scopeKey] = Object.assign({}, d.variables[e.scopeKey], e.variables);
    },
  },
  ChildInstanceCreated: {
    1: (d, e) => {
      d.seq++;
      updateRecord(d, e.elementInstanceId, { childInstanceId: e.childInstanceId });
    },
  },
  ChildInstanceEnded: { 1: (d, e) => updateRecord(d, e.elementInstanceId, { childInstanceId: undefined }) },
};

function activate(d: Draft, e: Extract<InstanceEvent, { type: 'ElementActivated' }>): void {
  d.seq++;
  const rec: ElementRecord = { elementInstanceId: e.elementInstanceId, elementId: e.elementId, elementType: e.elementType };
  if (e.parentElementInstanceId !== undefined) rec.parentElementInstanceId = e.parentElementInstanceId;
  if (e.isMultiInstanceBody === true) rec.isMultiInstanceBody = true;
  if (e.loopCounter !== undefined) {
    rec.loopCounter = e.loopCounter;
    const bodyId = e.parentElementInstanceId ?? '';
    const mi = d.elementInstances[bodyId]?.mi;
    if (mi !== undefined) updateRecord(d, bodyId, { mi: { ...mi, started: e.loopCounter } });
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
    if (mi !== undefined) updateRecord(d, bodyId, { mi: { ...mi, completed: mi.completed + 1 } });
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

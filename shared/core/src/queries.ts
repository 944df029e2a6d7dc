import { visibleFrom } from './elements/common/variables.js';
import { asDraft, type ElementRecord } from './state/records.js';
import type { Variables } from './types/commands.js';
import type { InstanceState } from './types/state.js';

/**
 * The variables an element instance sees (what its job, user task or expressions
 * get): the root scope overlaid by each enclosing scope, inner scopes winning.
 * An unknown element instance id (or none) gives the root scope.
 */
export function visibleVariables(state: InstanceState, elementInstanceId?: string): Variables {
  return visibleFrom(asDraft(state), elementInstanceId);
}

const containers = new Set(['subProcess', 'callActivity', 'boundaryEvent']);

/**
 * Element ids where the instance waits now, one per waiting element instance (the
 * scenario spec's `expectWaiting`): open jobs, user tasks, receive tasks, catch
 * events, event-based gateways, and anything with an incident. Subprocesses, call
 * activities, multi-instance bodies and boundary events are listed only with an incident.
 */
export function waitingElementIds(state: InstanceState): string[] {
  const withIncident = new Set<string>();
  const waiting: string[] = [];
  for (const key in state.incidents) {
    const incident = state.incidents[key];
    if (incident === undefined) continue;
    if (state.elementInstances[incident.elementInstanceId] === undefined) waiting.push(incident.elementId);
    else withIncident.add(incident.elementInstanceId);
  }
  // A throw event waiting for its compensation handlers holds them; they wait, not it.
  const parents = new Set<string>();
  for (const id in state.elementInstances) {
    const parentId = (state.elementInstances[id] as ElementRecord).parentElementInstanceId;
    if (parentId !== undefined) parents.add(parentId);
  }
  for (const id in state.elementInstances) {
    const rec = state.elementInstances[id] as ElementRecord;
    const isContainer = rec.isMultiInstanceBody === true || containers.has(rec.elementType) || parents.has(id);
    if (withIncident.has(id) || !isContainer) waiting.push(rec.elementId);
  }
  return waiting;
}

/** True while the instance has not ended (completed or terminated). */
export function isActive(state: InstanceState): boolean {
  return state.status === 'active';
}

/** True when the instance is active with at least one open incident (scenario state `incident`). */
export function hasIncident(state: InstanceState): boolean {
  return state.status === 'active' && Object.keys(state.incidents).length > 0;
}

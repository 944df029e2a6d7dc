import type { FlowElement, ProcessDefinition, SequenceFlow } from '@baton/model';
import { emptyMap } from '../state/records.js';

export type BoundaryElement = Extract<FlowElement, { type: 'boundaryEvent' }>;
export type StartElement = Extract<FlowElement, { type: 'startEvent' }>;

/** What the core derives once per definition: lookups every step would otherwise recompute. */
export interface DefinitionIndex {
  readonly definition: ProcessDefinition;
  /** Outgoing sequence flows in model order, by source element id. */
  readonly outgoing: Readonly<Record<string, readonly SequenceFlow[]>>;
  /** Boundary events by the activity they are attached to. */
  readonly boundaries: Readonly<Record<string, readonly BoundaryElement[]>>;
  /** Start events of the event subprocesses directly inside a scope, by scope id. */
  readonly eventSubprocessStarts: Readonly<Record<string, readonly StartElement[]>>;
  /** For each inclusive gateway: the element ids from which a token can still reach it. */
  readonly inclusiveReach: Readonly<Record<string, ReadonlySet<string>>>;
  /** The compensation handler of each activity with a compensation boundary event. */
  readonly compensationHandlers: Readonly<Record<string, string>>;
  /** The compensation event subprocess (Camunda 7) of each embedded subprocess that has one. */
  readonly compensationEventSubprocesses: Readonly<Record<string, StartElement>>;
  /** Does anything in the process compensate? Completions record nothing when not. */
  readonly hasCompensation: boolean;
}

const cache = new WeakMap<ProcessDefinition, DefinitionIndex>();

/** The index of a definition, built on first use and kept while the definition lives. */
export function indexOf(definition: ProcessDefinition): DefinitionIndex {
  let index = cache.get(definition);
  if (index === undefined) {
    index = build(definition);
    cache.set(definition, index);
  }
  return index;
}

/** The element by id; a missing one is a bug (the model validated references). */
export function elementOf(definition: ProcessDefinition, elementId: string): FlowElement {
  const element = definition.elements[elementId];
  if (element === undefined) throw new Error(`bug: no element ${elementId} in ${definition.definitionKey}`);
  return element;
}

// Maps by model id have no prototype: ids such as "constructor" or "__proto__" are plain keys (found by fuzzing, issue 12).
function build(definition: ProcessDefinition): DefinitionIndex {
  const outgoing: Record<string, SequenceFlow[]> = emptyMap();
  const boundaries: Record<string, BoundaryElement[]> = emptyMap();
  const compensationHandlers: Record<string, string> = emptyMap();
  for (const element of Object.values(definition.elements)) {
    outgoing[element.elementId] = element.outgoing.flatMap((flowId) => definition.flows[flowId] ?? []);
    if (element.type === 'boundaryEvent') (boundaries[element.attachedToId] ??= []).push(element);
    if (element.type === 'boundaryEvent' && element.compensationHandlerId !== undefined) compensationHandlers[element.attachedToId] = element.compensationHandlerId;
  }
  const eventSubprocessStarts: Record<string, StartElement[]> = emptyMap();
  for (const scope of Object.values(definition.scopes)) {
    eventSubprocessStarts[scope.scopeId] = scope.eventSubprocessIds.flatMap((subId) =>
      (definition.scopes[subId]?.childIds ?? []).flatMap((childId) => {
        const child = definition.elements[childId];
        return child?.type === 'startEvent' ? [child] : [];
      }),
    );
  }
  const inclusiveReach: Record<string, Set<string>> = emptyMap();
  for (const element of Object.values(definition.elements)) {
    if (element.type === 'inclusiveGateway' && element.incoming.length > 1) {
      inclusiveReach[element.elementId] = reachingSet(definition, element.elementId);
    }
  }
  const compensationEventSubprocesses: Record<string, StartElement> = emptyMap();
  for (const [scopeId, starts] of Object.entries(eventSubprocessStarts)) {
    const start = starts.find((candidate) => candidate.event?.type === 'compensation');
    if (start !== undefined) compensationEventSubprocesses[scopeId] = start;
  }
  const hasCompensation = Object.keys(compensationHandlers).length > 0 || Object.keys(compensationEventSubprocesses).length > 0;
  return { definition, outgoing, boundaries, eventSubprocessStarts, inclusiveReach, compensationHandlers, compensationEventSubprocesses, hasCompensation };
}

/** Every element from which `targetId` can be reached in its scope (reverse walk over flows, boundaries and links). */
function reachingSet(definition: ProcessDefinition, targetId: string): Set<string> {
  const linkThrows = linkThrowsByTarget(definition);
  const seen = new Set<string>();
  const queue = [targetId];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    const element = definition.elements[id];
    if (element === undefined) continue;
    const predecessors = element.incoming.flatMap((flowId) => definition.flows[flowId]?.sourceId ?? []);
    if (element.type === 'boundaryEvent') predecessors.push(element.attachedToId);
    predecessors.push(...(linkThrows[id] ?? []));
    for (const predecessor of predecessors) {
      if (predecessor === targetId || seen.has(predecessor)) continue;
      seen.add(predecessor);
      queue.push(predecessor);
    }
  }
  return seen;
}

function linkThrowsByTarget(definition: ProcessDefinition): Record<string, string[]> {
  const byTarget: Record<string, string[]> = emptyMap();
  for (const element of Object.values(definition.elements)) {
    if (element.type !== 'intermediateThrowEvent' || element.event?.type !== 'link') continue;
    const target = definition.linkTargets[`${element.scopeId}/${element.event.linkName}`];
    if (target !== undefined) (byTarget[target] ??= []).push(element.elementId);
  }
  return byTarget;
}

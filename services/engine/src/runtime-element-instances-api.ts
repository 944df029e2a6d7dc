import {
  defaultTenantId,
  elementInstanceSortFields,
  elementInstanceTypes,
  filterValue,
  type ElementInstanceFilter,
  type ElementInstanceResult,
  type ElementInstanceSearchQuery,
  type ElementInstanceSearchQueryResult,
  type ElementInstanceState,
  type ElementInstanceType,
} from '@baton/api';
import { instanceKeyOf, type InstanceEvent, type InstanceState, type InstanceStatus } from '@baton/core';
import { BatonError, isBatonError } from '@baton/errors';
import type { FlowElement } from '@baton/model';
import type { Engine } from '@baton/runtime';
import type { ElementInstancesApi } from './element-instances-api.js';
import { everyItem, matchesEvery, refuseOtherSorts, searchPage, searchWindow } from './search-page.js';

const iso = (epochMs: number): string => new Date(epochMs).toISOString();
const stateNames: Record<InstanceStatus, ElementInstanceState> = { active: 'ACTIVE', completed: 'COMPLETED', terminated: 'TERMINATED' };
const knownTypes: ReadonlySet<string> = new Set(elementInstanceTypes);

/** The instance's state, or undefined when no instance has that key. */
export async function findInstance(engine: Engine, instanceId: string): Promise<InstanceState | undefined> {
  try {
    return (await engine.getInstance(instanceId)).state;
  } catch (error) {
    if (isBatonError(error) && error.code === 'INSTANCE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** 8.8's type of an element: its BPMN type in upper snake case, with the cases 8.8 names apart. */
function typeOf(element: FlowElement | undefined, isMultiInstanceBody: boolean): ElementInstanceType {
  if (isMultiInstanceBody) return 'MULTI_INSTANCE_BODY';
  if (element === undefined) return 'UNKNOWN';
  if (element.type === 'subProcess' && element.triggeredByEvent) return 'EVENT_SUB_PROCESS';
  const name = element.type.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  return knownTypes.has(name) ? (name as ElementInstanceType) : 'UNKNOWN';
}

/**
 * Every element instance of an instance, from its history (ended ones too), in
 * activation order; the process instance itself first, as type `PROCESS`.
 */
async function elementInstancesOf(engine: Engine, state: InstanceState): Promise<ElementInstanceResult[]> {
  const definition = await engine.getDefinition(state.definitionKey);
  const base = { processInstanceKey: state.instanceId, processDefinitionKey: state.definitionKey, processDefinitionId: state.processId, tenantId: defaultTenantId };
  const incidents = Object.values(state.incidents);
  const incidentOf = new Map(incidents.map((incident) => [incident.elementInstanceId, incident.incidentKey]));
  const process: ElementInstanceResult = {
    ...base,
    elementInstanceKey: state.instanceId,
    elementId: state.processId,
    elementName: definition.name ?? state.processId,
    type: 'PROCESS',
    state: stateNames[state.status],
    hasIncident: incidents.length > 0,
    startDate: iso(state.startedAt),
    ...(state.endedAt === undefined ? {} : { endDate: iso(state.endedAt) }),
  };
  const byKey = new Map<string, ElementInstanceResult>([[state.instanceId, process]]);
  const history = await everyItem((page) => engine.getHistory(state.instanceId, page));
  for (const { event, at } of history) apply(byKey, event as InstanceEvent, at, (elementInstanceId, elementId, isBody) => {
    const element = definition.elements[elementId];
    const incidentKey = incidentOf.get(elementInstanceId);
    return {
      ...base,
      elementInstanceKey: elementInstanceId,
      elementId,
      elementName: element?.name ?? elementId,
      type: typeOf(element, isBody),
      state: 'ACTIVE',
      hasIncident: incidentKey !== undefined,
      ...(incidentKey === undefined ? {} : { incidentKey }),
      startDate: iso(at),
    };
  });
  return [...byKey.values()];
}

type Activated = (elementInstanceId: string, elementId: string, isMultiInstanceBody: boolean) => ElementInstanceResult;

/** One history event's mark on the element instances: activation adds one, completion and termination end it. */
function apply(byKey: Map<string, ElementInstanceResult>, event: InstanceEvent, at: number, activated: Activated): void {
  if (event.type === 'ElementActivated') {
    byKey.set(event.elementInstanceId, activated(event.elementInstanceId, event.elementId, event.isMultiInstanceBody === true));
  } else if (event.type === 'ElementCompleted' || event.type === 'ElementTerminated') {
    const open = byKey.get(event.elementInstanceId);
    if (open !== undefined) byKey.set(event.elementInstanceId, { ...open, state: event.type === 'ElementCompleted' ? 'COMPLETED' : 'TERMINATED', endDate: iso(at) });
  }
}

/** The instances a search reads: the one it names by key, else every instance of the named process, else all. */
async function candidates(engine: Engine, filter: ElementInstanceFilter): Promise<InstanceState[]> {
  const named = filterValue(filter.processInstanceKey) ?? instanceKeyOf(filterValue(filter.elementInstanceKey) ?? '') ?? filterValue(filter.elementInstanceKey);
  if (named !== undefined) {
    const state = await findInstance(engine, named);
    return state === undefined ? [] : [state];
  }
  const definitionKey = filterValue(filter.processDefinitionKey);
  const processId = definitionKey === undefined ? filterValue(filter.processDefinitionId) : await engine.getDefinition(definitionKey).then((d) => d.processId, () => '');
  if (processId === '') return [];
  const summaries = await everyItem((page) => engine.searchInstances({ ...(processId === undefined ? {} : { processId }), ...page }));
  const states = await Promise.all(summaries.map((summary) => findInstance(engine, summary.instanceId)));
  return states.filter((state) => state !== undefined);
}

/** The filters compared by equality with the item's field of the same name. */
const equalityFilters = ['elementInstanceKey', 'processInstanceKey', 'processDefinitionKey', 'processDefinitionId', 'elementId', 'state', 'type', 'tenantId'] as const;

function matches(filter: ElementInstanceFilter, item: ElementInstanceResult): boolean {
  return matchesEvery(filter, item, equalityFilters) && (filter.hasIncident === undefined || filter.hasIncident === item.hasIncident);
}

async function searchElementInstances(engine: Engine, request: ElementInstanceSearchQuery): Promise<ElementInstanceSearchQueryResult> {
  refuseOtherSorts(request.sort, elementInstanceSortFields, 'element instances');
  const window = searchWindow(request.page);
  const filter = request.filter ?? {};
  const all = (await Promise.all((await candidates(engine, filter)).map((state) => elementInstancesOf(engine, state)))).flat();
  const found = all.filter((item) => matches(filter, item));
  return searchPage(found.slice(window.offset, window.offset + window.limit), found.length, window.offset);
}

const notFound = (elementInstanceKey: string): BatonError =>
  new BatonError('NOT_FOUND', `Expected an element instance "${elementInstanceKey}" but found none; search element instances to find its key.`, { elementInstanceKey });

/** The element instance operations of the HTTP facade on `@baton/runtime`'s Engine. */
export function runtimeElementInstancesApi(engine: Engine): Pick<ElementInstancesApi, 'searchElementInstances' | 'getElementInstance' | 'setElementInstanceVariables'> {
  return {
    searchElementInstances: (query) => searchElementInstances(engine, query),
    async getElementInstance(elementInstanceKey) {
      const { items } = await searchElementInstances(engine, { filter: { elementInstanceKey }, page: { limit: 1 } });
      const [found] = items;
      if (found === undefined) throw notFound(elementInstanceKey);
      return found;
    },
    async setElementInstanceVariables(elementInstanceKey, { variables, local }) {
      if ((await findInstance(engine, elementInstanceKey)) !== undefined) {
        await engine.setVariables({ instanceId: elementInstanceKey, variables, local });
        return;
      }
      const instanceId = instanceKeyOf(elementInstanceKey);
      if (instanceId === undefined || (await findInstance(engine, instanceId)) === undefined) throw notFound(elementInstanceKey);
      await engine.setVariables({ instanceId, elementInstanceId: elementInstanceKey, variables, local });
    },
  };
}

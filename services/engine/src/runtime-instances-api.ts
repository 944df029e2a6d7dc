import { defaultTenantId, filterValue } from '@baton/api';
import type {
  ProcessElementStatisticsResult,
  ProcessInstanceFilter,
  ProcessInstanceResult,
  ProcessInstanceSearchQuery,
  ProcessInstanceSearchQueryResult,
  ProcessInstanceState,
  WaitingElement,
} from '@baton/api';
import { assertNever, type InstanceState, type InstanceStatus, type Wait } from '@baton/core';
import { isBatonError } from '@baton/errors';
import type { Engine, InstanceQuery, InstanceSummary } from '@baton/runtime';
import type * as Api from './engine-api.js';
import { toIncident, toIncidentResult } from './runtime-incidents-api.js';
import { everyItem, matchesDate, searchPage, searchWindow, sortBy } from './search-page.js';

type InstancesApi = Pick<Api.EngineApi, 'getInstance' | 'searchInstances' | 'getCallHierarchy' | 'getSequenceFlows' | 'getElementStatistics' | 'searchInstanceIncidents'>;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();
function toWaiting(wait: Wait): WaitingElement {
  const base = { elementId: wait.elementId, elementInstanceKey: wait.elementInstanceId };
  switch (wait.kind) {
    case 'job':
      return { ...base, kind: 'job', jobKey: wait.jobKey, jobType: wait.jobType };
    case 'userTask':
      return { ...base, kind: 'userTask', userTaskKey: wait.userTaskKey };
    case 'timer':
      return { ...base, kind: 'timer', timerKey: wait.timerKey, dueDate: iso(wait.dueAt) };
    case 'message':
      return { ...base, kind: 'message', messageName: wait.messageName };
    case 'signal':
      return { ...base, kind: 'signal', signalName: wait.signalName };
    default:
      return assertNever(wait);
  }
}

const stateNames: Record<InstanceStatus, ProcessInstanceState> = { active: 'ACTIVE', completed: 'COMPLETED', terminated: 'TERMINATED' };
const statuses: Record<ProcessInstanceState, InstanceStatus> = { ACTIVE: 'active', COMPLETED: 'completed', TERMINATED: 'terminated' };

/** An instance as a search sees it, from the store's index or from its state. */
type Row = Pick<InstanceSummary, 'instanceId' | 'processId' | 'definitionKey' | 'status' | 'parentInstanceId' | 'startedAt' | 'endedAt'> & {
  /** Known when read from the state; else loaded for called instances only. */
  readonly parentElementInstanceId?: string;
};

function rowOf(state: InstanceState): Row {
  return {
    instanceId: state.instanceId,
    processId: state.processId,
    definitionKey: state.definitionKey,
    status: state.status,
    startedAt: state.startedAt,
    ...(state.endedAt === undefined ? {} : { endedAt: state.endedAt }),
    ...(state.parent === undefined ? {} : { parentInstanceId: state.parent.instanceId, parentElementInstanceId: state.parent.elementInstanceId }),
  };
}

/** The filters the store's index cannot answer; checked on each result. */
function matches(result: ProcessInstanceResult, f: ProcessInstanceFilter): boolean {
  const equal = <T>(actual: T | undefined, wanted: T | { readonly $eq: T } | undefined): boolean =>
    wanted === undefined || actual === (typeof wanted === 'object' && wanted !== null ? (wanted as { $eq: T }).$eq : wanted);
  return (
    equal(result.processInstanceKey, f.processInstanceKey) &&
    equal(result.processDefinitionKey, f.processDefinitionKey) &&
    equal(result.processDefinitionVersion, f.processDefinitionVersion) &&
    equal(result.processDefinitionName, f.processDefinitionName) &&
    equal(result.parentElementInstanceKey, f.parentElementInstanceKey) &&
    (f.hasIncident === undefined || result.hasIncident === f.hasIncident) &&
    matchesDate(result.startDate, f.startDate, 'startDate') &&
    matchesDate(result.endDate, f.endDate, 'endDate')
  );
}

const inMemoryFilters = ['processInstanceKey', 'processDefinitionKey', 'processDefinitionVersion', 'processDefinitionName', 'parentElementInstanceKey', 'hasIncident', 'startDate', 'endDate'] as const;

/**
 * The process-instance operations of {@link Api.EngineApi} on `@baton/runtime`'s Engine,
 * in the contract's shapes (`@baton/api`). `readable` bounds variables for reading.
 */
export function runtimeInstancesApi(engine: Engine, readable: <T>(value: T) => T): InstancesApi {
  const definitions = new Map<string, { readonly name: string; readonly version: number }>();
  const definitionOf = async (definitionKey: string): Promise<{ readonly name: string; readonly version: number }> => {
    const known = definitions.get(definitionKey);
    if (known !== undefined) return known;
    const definition = await engine.getDefinition(definitionKey);
    const found = { name: definition.name ?? definition.processId, version: definition.version };
    definitions.set(definitionKey, found);
    return found;
  };
  const loadState = async (key: string): Promise<InstanceState | undefined> =>
    engine.getInstance(key).then(
      (loaded) => loaded.state,
      (error: unknown) => {
        if (isBatonError(error) && error.code === 'INSTANCE_NOT_FOUND') return undefined;
        throw error;
      },
    );
  /** Whether the instance has an open incident; only an active instance can. */
  const hasOpenIncident = async (row: Row): Promise<boolean> =>
    row.status === 'active' && (await engine.searchIncidents({ instanceId: row.instanceId, limit: 1 })).total > 0;

  async function toResult(row: Row): Promise<ProcessInstanceResult> {
    const { name, version } = await definitionOf(row.definitionKey);
    const parentElementInstanceId = row.parentInstanceId === undefined ? undefined : (row.parentElementInstanceId ?? (await loadState(row.instanceId))?.parent?.elementInstanceId);
    return {
      processInstanceKey: row.instanceId,
      processDefinitionId: row.processId,
      processDefinitionName: name,
      processDefinitionVersion: version,
      processDefinitionKey: row.definitionKey,
      startDate: iso(row.startedAt),
      ...(row.endedAt === undefined ? {} : { endDate: iso(row.endedAt) }),
      state: stateNames[row.status],
      hasIncident: await hasOpenIncident(row),
      tenantId: defaultTenantId,
      ...(row.parentInstanceId === undefined ? {} : { parentProcessInstanceKey: row.parentInstanceId }),
      ...(parentElementInstanceId === undefined ? {} : { parentElementInstanceKey: parentElementInstanceId }),
    };
  }

  /** The candidates a filter selects before the in-memory checks: one instance, the children of one, or the store's matches. */
  async function candidates(f: ProcessInstanceFilter, query: InstanceQuery): Promise<Row[]> {
    const key = filterValue(f.processInstanceKey);
    if (key !== undefined) {
      const state = await loadState(key);
      return state === undefined ? [] : [rowOf(state)].filter((r) => (query.processId === undefined || r.processId === query.processId) && (query.status === undefined || r.status === query.status));
    }
    const parentKey = filterValue(f.parentProcessInstanceKey);
    if (parentKey === undefined) return everyItem((page) => engine.searchInstances({ ...query, ...page }));
    // The stores index whole call trees, not parents: read the parent's tree and keep its direct children.
    const parent = await loadState(parentKey);
    if (parent === undefined) return [];
    const rootInstanceId = parent.parent?.rootInstanceId ?? parentKey;
    const tree = await everyItem((page) => engine.searchInstances({ ...query, rootInstanceId, ...page }));
    return tree.filter((s) => s.parentInstanceId === parentKey);
  }

  async function searchInstances(request: ProcessInstanceSearchQuery): Promise<ProcessInstanceSearchQueryResult> {
    const f = request.filter ?? {};
    const window = searchWindow(request.page);
    if (![undefined, defaultTenantId].includes(filterValue(f.tenantId))) return searchPage([], 0, window.offset);
    const processId = filterValue(f.processDefinitionId);
    const state = filterValue(f.state);
    const query: InstanceQuery = { ...(processId === undefined ? {} : { processId }), ...(state === undefined ? {} : { status: statuses[state] }) };
    const scan = f.parentProcessInstanceKey !== undefined || (request.sort ?? []).length > 0 || inMemoryFilters.some((name) => f[name] !== undefined);
    if (!scan) {
      // What the index answers alone is paged by the store: no O(all instances) read.
      const page = await engine.searchInstances({ ...query, offset: window.offset, limit: window.limit });
      return searchPage(await Promise.all(page.items.map(toResult)), page.total, window.offset);
    }
    const results = (await Promise.all((await candidates(f, query)).map(toResult))).filter((r) => matches(r, f));
    const sorted = sortBy(results, request.sort);
    return searchPage(sorted.slice(window.offset, window.offset + window.limit), sorted.length, window.offset);
  }

  return {
    async getInstance(key) {
      const { state } = await engine.getInstance(key);
      return {
        ...(await toResult(rowOf(state))),
        // The state is at hand: its incidents, not an index query, say whether it has one.
        hasIncident: Object.keys(state.incidents).length > 0,
        variables: readable(state.variables['root'] ?? {}),
        waiting: Object.values(state.waits).map(toWaiting),
        incidents: Object.values(state.incidents).map((incident) => toIncident(incident, state)),
      };
    },
    searchInstances,
    async getCallHierarchy(key) {
      const chain = [];
      for (let next: string | undefined = key; next !== undefined; ) {
        const { state } = await engine.getInstance(next);
        const { name } = await definitionOf(state.definitionKey);
        chain.unshift({ processInstanceKey: state.instanceId, processDefinitionKey: state.definitionKey, processDefinitionName: name });
        next = state.parent?.instanceId;
      }
      return chain;
    },
    async getSequenceFlows(key) {
      const { state } = await engine.getInstance(key);
      const entries = await everyItem((page) => engine.getHistory(key, page));
      const taken = new Set(entries.flatMap((entry) => (entry.event.type === 'FlowTaken' ? [entry.event.flowId] : [])));
      const items = [...taken].map((flowId) => ({
        sequenceFlowId: `${key}_${flowId}`,
        processInstanceKey: key,
        processDefinitionKey: state.definitionKey,
        processDefinitionId: state.processId,
        elementId: flowId,
        tenantId: defaultTenantId,
      }));
      return { items };
    },
    async getElementStatistics(key) {
      const { state } = await engine.getInstance(key);
      const entries = await everyItem((page) => engine.getHistory(key, page));
      const stats = new Map<string, ProcessElementStatisticsResult>();
      const count = (elementId: string, field: 'active' | 'canceled' | 'incidents' | 'completed'): void => {
        if (elementId === state.processId) return; // the process itself is no element of it
        const row = stats.get(elementId) ?? { elementId, active: 0, canceled: 0, incidents: 0, completed: 0 };
        stats.set(elementId, { ...row, [field]: row[field] + 1 });
      };
      for (const { event } of entries) {
        if (event.type === 'ElementCompleted') count(event.elementId, 'completed');
        else if (event.type === 'ElementTerminated') count(event.elementId, 'canceled');
      }
      const withIncident = new Set(Object.values(state.incidents).map((incident) => incident.elementInstanceId));
      for (const element of Object.values(state.elementInstances)) count(element.elementId, withIncident.has(element.elementInstanceId) ? 'incidents' : 'active');
      return { items: [...stats.values()] };
    },
    async searchInstanceIncidents(key, query) {
      const { state } = await engine.getInstance(key);
      const incidents = Object.values(state.incidents).map((incident) => toIncidentResult(incident, state));
      const window = searchWindow(query.page);
      const sorted = sortBy(incidents, query.sort);
      return searchPage(sorted.slice(window.offset, window.offset + window.limit), sorted.length, window.offset);
    },
  };
}

import { defaultTenantId, filterValue, incidentErrorTypes } from '@baton/api';
import type { IncidentFilter, IncidentResult, IncidentSearchQuery, IncidentSearchQueryResult, InstanceIncident } from '@baton/api';
import type { Incident, InstanceState } from '@baton/core';
import { BatonError } from '@baton/errors';
import type { Engine, IncidentQuery } from '@baton/runtime';
import type * as Api from './engine-api.js';
import { everyItem, matchesDate, matchesEvery, searchPage, searchWindow, sortBy } from './search-page.js';

type IncidentsApi = Pick<Api.EngineApi, 'searchIncidents' | 'getIncident' | 'resolveIncident'>;
type InstanceRef = Pick<InstanceState, 'instanceId' | 'processId' | 'definitionKey'>;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** An open incident in Baton's own shape (its incident types), as the instance GET lists it. */
export function toIncident(incident: Incident, state: InstanceRef): InstanceIncident {
  return {
    incidentKey: incident.incidentKey,
    processInstanceKey: state.instanceId,
    processDefinitionId: state.processId,
    processDefinitionKey: state.definitionKey,
    elementId: incident.elementId,
    elementInstanceKey: incident.elementInstanceId,
    errorType: incident.errorType,
    errorMessage: incident.errorMessage,
    creationTime: iso(incident.createdAt),
    state: 'ACTIVE',
    ...(incident.jobKey === undefined ? {} : { jobKey: incident.jobKey }),
  };
}

/** An open incident in 8.8's `IncidentResult` shape: errorType in 8.8's enum, tenantId. */
export function toIncidentResult(incident: Incident, state: InstanceRef): IncidentResult {
  return { ...toIncident(incident, state), errorType: incidentErrorTypes[incident.errorType], tenantId: defaultTenantId };
}

/** Filters checked on each result (the store's index answers instance, process and key). */
const equalityFilters = ['processDefinitionKey', 'errorType', 'errorMessage', 'elementId', 'elementInstanceKey', 'jobKey'] as const;

function matches(result: IncidentResult, f: IncidentFilter): boolean {
  return matchesEvery(f, result, equalityFilters) && matchesDate(result.creationTime, f.creationTime, 'creationTime');
}

/** The store query of a filter, or `undefined` when nothing can match (a state Baton keeps no incident in, another tenant). */
function toQuery(f: IncidentFilter): IncidentQuery | undefined {
  if (![undefined, 'ACTIVE'].includes(filterValue(f.state)) || ![undefined, defaultTenantId].includes(filterValue(f.tenantId))) return undefined;
  const incidentKey = filterValue(f.incidentKey);
  const instanceId = filterValue(f.processInstanceKey);
  const processId = filterValue(f.processDefinitionId);
  return {
    ...(incidentKey === undefined ? {} : { incidentKey }),
    ...(instanceId === undefined ? {} : { instanceId }),
    ...(processId === undefined ? {} : { processId }),
  };
}

async function searchIncidents(engine: Engine, request: IncidentSearchQuery): Promise<IncidentSearchQueryResult> {
  const f = request.filter ?? {};
  const window = searchWindow(request.page);
  const query = toQuery(f);
  if (query === undefined) return searchPage([], 0, window.offset);
  const scan = (request.sort ?? []).length > 0 || equalityFilters.some((name) => f[name] !== undefined) || f.creationTime !== undefined;
  if (!scan) {
    // What the index answers alone is paged by the store.
    const page = await engine.searchIncidents({ ...query, offset: window.offset, limit: window.limit });
    return searchPage(page.items.map((i) => toIncidentResult(i, i)), page.total, window.offset);
  }
  const all = await everyItem((page) => engine.searchIncidents({ ...query, ...page }));
  const sorted = sortBy(all.map((i) => toIncidentResult(i, i)).filter((r) => matches(r, f)), request.sort);
  return searchPage(sorted.slice(window.offset, window.offset + window.limit), sorted.length, window.offset);
}

/** The incident operations of {@link Api.EngineApi} on `@baton/runtime`'s Engine, in 8.8's shapes (`@baton/api`). */
export function runtimeIncidentsApi(engine: Engine): IncidentsApi {
  return {
    searchIncidents: (query) => searchIncidents(engine, query),
    async getIncident(incidentKey) {
      const [found] = (await engine.searchIncidents({ incidentKey, limit: 1 })).items;
      if (found === undefined) {
        throw new BatonError('NOT_FOUND', `Expected an open incident "${incidentKey}" but found none; it may be resolved, or its instance ended. Search open incidents with POST /v2/incidents/search.`, { incidentKey });
      }
      return toIncidentResult(found, found);
    },
    async resolveIncident(incidentKey, retries) {
      await engine.resolveIncident({ incidentKey, ...(retries === undefined ? {} : { retries }) });
    },
  };
}

import { defaultTenantId, filterValue, variableSortFields, type VariableFilter, type VariableResult, type VariableSearchQuery, type VariableSearchQueryResult } from '@baton/api';
import { instanceKeyOf, isNumericKey, type InstanceState } from '@baton/core';
import { BatonError } from '@baton/errors';
import type { Engine } from '@baton/runtime';
import type { ElementInstancesApi } from './element-instances-api.js';
import { findInstance } from './runtime-element-instances-api.js';
import { everyItem, matchesEvery, refuseOtherSorts, searchPage, searchWindow } from './search-page.js';

/** The core's scope key of the process (`root`); Camunda names that scope by the process instance key. */
const rootScope = 'root';

/**
 * A variable's key: minted by the core when the variable was first set in its scope
 * (`state.variableKeys`), so it names its instance (`instanceKeyOf`) and no index is
 * needed to find it again. `scopeKey` as Camunda names it (the instance key for the process scope).
 */
export function variableKeyOf(state: InstanceState, scopeKey: string, name: string): string {
  const scope = scopeKey === state.instanceId ? rootScope : scopeKey;
  const key = state.variableKeys?.[scope]?.[name];
  if (key === undefined) throw new Error(`bug: variable "${name}" of scope ${scopeKey} in instance ${state.instanceId} has no key`);
  return key;
}

/** Numeric keys by value (keys of one instance rise with creation); any other pair ties, so a stable sort keeps their order. */
function compareKeys(a: string, b: string): number {
  if (!isNumericKey(a) || !isNumericKey(b)) return 0;
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Every variable of an instance, one item per scope and name, values as JSON text: scopes
 * oldest first (the process's, keyed by the instance, is the oldest), then names as set.
 * Sorted by key, not taken in `state.variables` order: an object lists integer-like keys
 * (element instance keys below 2^32 - 1) first, so that order put element scopes before
 * the process's for the first instances only.
 */
function variablesOf(state: InstanceState, readable: <T>(value: T) => T): VariableResult[] {
  const items: VariableResult[] = [];
  for (const [scope, variables] of Object.entries(state.variables)) {
    const scopeKey = scope === rootScope ? state.instanceId : scope;
    for (const [name, value] of Object.entries(variables)) {
      const variableKey = variableKeyOf(state, scopeKey, name);
      items.push({ variableKey, name, value: JSON.stringify(readable(value)) ?? 'null', processInstanceKey: state.instanceId, scopeKey, tenantId: defaultTenantId });
    }
  }
  return items.sort((a, b) => compareKeys(a.scopeKey, b.scopeKey) || compareKeys(a.variableKey, b.variableKey));
}

/** The instances a search reads: the one its filter names (by instance, variable or scope key), else all. */
async function candidates(engine: Engine, filter: VariableFilter): Promise<InstanceState[]> {
  const variableKey = filterValue(filter.variableKey);
  const scopeKey = filterValue(filter.scopeKey);
  const named =
    filterValue(filter.processInstanceKey) ??
    (variableKey === undefined ? undefined : (instanceKeyOf(variableKey) ?? '')) ??
    (scopeKey === undefined ? undefined : (instanceKeyOf(scopeKey) ?? scopeKey));
  if (named !== undefined) {
    const state = await findInstance(engine, named);
    return state === undefined ? [] : [state];
  }
  const summaries = await everyItem((page) => engine.searchInstances(page));
  const states = await Promise.all(summaries.map((summary) => findInstance(engine, summary.instanceId)));
  return states.filter((state) => state !== undefined);
}

/** The filters compared by equality with the item's field of the same name (`value` as JSON text). */
const equalityFilters = ['variableKey', 'name', 'value', 'processInstanceKey', 'scopeKey', 'tenantId'] as const;

/** Baton never truncates a value, so asking for truncated ones finds none. */
const matches = (filter: VariableFilter, item: VariableResult): boolean => matchesEvery(filter, item, equalityFilters) && filter.isTruncated !== true;

async function searchVariables(engine: Engine, request: VariableSearchQuery, readable: <T>(value: T) => T): Promise<VariableSearchQueryResult> {
  refuseOtherSorts(request.sort, variableSortFields, 'variables');
  const window = searchWindow(request.page);
  const filter = request.filter ?? {};
  const all = (await candidates(engine, filter)).flatMap((state) => variablesOf(state, readable));
  const found = all.filter((item) => matches(filter, item)).map((item) => ({ ...item, isTruncated: false }));
  return searchPage(found.slice(window.offset, window.offset + window.limit), found.length, window.offset);
}

/** The variable operations of the HTTP facade on `@baton/runtime`'s Engine; `readable` bounds values for reading. */
export function runtimeVariablesApi(engine: Engine, readable: <T>(value: T) => T): Pick<ElementInstancesApi, 'searchVariables' | 'getVariable'> {
  return {
    searchVariables: (query) => searchVariables(engine, query, readable),
    async getVariable(variableKey) {
      const instanceId = instanceKeyOf(variableKey);
      const state = instanceId === undefined ? undefined : await findInstance(engine, instanceId);
      const found = state === undefined ? undefined : variablesOf(state, readable).find((item) => item.variableKey === variableKey);
      if (found === undefined) {
        throw new BatonError('NOT_FOUND', `Expected a variable with key "${variableKey}" but found none; its scope may have ended. Search variables to find its key.`, { variableKey });
      }
      return found;
    },
  };
}

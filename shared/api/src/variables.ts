import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, Key, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId, keyParams } from './common.js';
import { operation } from './operation.js';

/**
 * The variables family of Camunda 8.8's REST v2 (`/v2/variables/...`): the variables
 * of running process instances, one item per variable per scope. `value` is the
 * variable's JSON text, as Camunda gives it.
 */

export const VariableResult = Type.Object({
  variableKey: Key,
  name: Type.String(),
  value: Type.String({ description: 'The value as JSON text.' }),
  processInstanceKey: Key,
  scopeKey: Key,
  tenantId: TenantId,
});
export type VariableResult = Static<typeof VariableResult>;

export const VariableSearchResult = Type.Object({
  ...VariableResult.properties,
  isTruncated: Type.Boolean({ description: 'Baton never shortens a value: always false.' }),
});
export type VariableSearchResult = Static<typeof VariableSearchResult>;

export const VariableFilter = Type.Object(
  {
    variableKey: Type.Optional(BasicStringFilter),
    name: Type.Optional(BasicStringFilter),
    value: Type.Optional(BasicStringFilter),
    processInstanceKey: Type.Optional(BasicStringFilter),
    scopeKey: Type.Optional(BasicStringFilter),
    tenantId: Type.Optional(BasicStringFilter),
    isTruncated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: 'Every given filter must match. Baton filters by equality (a value or `{ $eq }`); `value` is compared as JSON text.' },
);
export type VariableFilter = Static<typeof VariableFilter>;

/** 8.8's sort fields; Baton lists variables by instance (oldest first), then scope, then name as set, and honours only this ascending. */
export const variableSortFields = ['processInstanceKey'] as const;
export const VariableSearchQuery = SearchQueryRequest(VariableFilter, SearchQuerySort([...variableSortFields, 'value', 'name', 'tenantId', 'variableKey', 'scopeKey']));
export type VariableSearchQuery = Static<typeof VariableSearchQuery>;

export const VariableSearchQueryResult = SearchQueryResult(VariableSearchResult);
export type VariableSearchQueryResult = Static<typeof VariableSearchQueryResult>;

const tags = ['variables'];

/** The variable operations; routes and `/openapi.json` take them from here. */
export const variableOperations = {
  searchVariables: operation({ method: 'POST', path: '/v2/variables/search', tags, summary: 'Search the variables of process instances', body: VariableSearchQuery, response: VariableSearchQueryResult }),
  getVariable: operation({ method: 'GET', path: '/v2/variables/:variableKey', tags, summary: 'Get a variable with its full value', params: keyParams('variableKey'), response: VariableResult }),
} as const;

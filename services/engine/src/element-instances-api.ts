import type {
  ElementInstanceResult,
  ElementInstanceSearchQuery,
  ElementInstanceSearchQueryResult,
  VariableResult,
  VariableSearchQuery,
  VariableSearchQueryResult,
} from '@baton/api';

/**
 * The element instance and variable operations of the HTTP facade (part of
 * `EngineApi`), in the contract's shapes (`@baton/api`). Errors as `EngineApi`'s:
 * `NOT_FOUND` for an unknown element instance or variable key.
 */
export interface ElementInstancesApi {
  /** Element instances (active and ended; the process instance itself as type `PROCESS`) matching the query, in start order. */
  searchElementInstances(query: ElementInstanceSearchQuery): Promise<ElementInstanceSearchQueryResult>;
  getElementInstance(elementInstanceKey: string): Promise<ElementInstanceResult>;
  /**
   * Sets variables in an active element instance's scope (`local`) or from it outwards;
   * a process instance key names the process scope. Variable limits apply; nothing
   * else happens. `NOT_FOUND`, `INSTANCE_NOT_ACTIVE`, `VARIABLE_LIMIT_EXCEEDED`.
   */
  setElementInstanceVariables(elementInstanceKey: string, request: { readonly variables: Record<string, unknown>; readonly local: boolean }): Promise<void>;
  /** Every variable of every scope of the matching instances, one item per scope and name. */
  searchVariables(query: VariableSearchQuery): Promise<VariableSearchQueryResult>;
  getVariable(variableKey: string): Promise<VariableResult>;
}

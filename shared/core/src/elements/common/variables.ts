import type { Ctx } from '../../context.js';
import { emit } from '../../context.js';
import { ROOT, type Draft } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';

/**
 * The merged view an element instance sees: the root scope, overlaid by every
 * enclosing scope down to the element's own (inner scopes win).
 */
export function visibleFrom(draft: Draft, elementInstanceId: string | undefined): Variables {
  const chain: Variables[] = [];
  let current = elementInstanceId === undefined ? undefined : draft.elementInstances[elementInstanceId];
  while (current !== undefined) {
    const scope = draft.variables[current.elementInstanceId];
    if (scope !== undefined) chain.push(scope);
    current = current.parentElementInstanceId === undefined ? undefined : draft.elementInstances[current.parentElementInstanceId];
  }
  const view: Variables = { ...draft.variables[ROOT] };
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(view, chain[i]);
  return view;
}

/** The scope key where a variable set from `elementInstanceId` lands: the nearest scope that has it, else root. */
function targetScope(draft: Draft, elementInstanceId: string | undefined, name: string): string {
  let current = elementInstanceId === undefined ? undefined : draft.elementInstances[elementInstanceId];
  while (current !== undefined) {
    const scope = draft.variables[current.elementInstanceId];
    if (scope !== undefined && Object.hasOwn(scope, name)) return current.elementInstanceId;
    current = current.parentElementInstanceId === undefined ? undefined : draft.elementInstances[current.parentElementInstanceId];
  }
  return ROOT;
}

/**
 * Merge variables the way Camunda 8 propagates them: each lands in the nearest
 * scope, starting at `elementInstanceId`, where a variable of that name exists,
 * else in the root scope.
 */
export function propagate(ctx: Ctx, elementInstanceId: string | undefined, variables: Variables): void {
  const byScope: Record<string, Variables> = {};
  for (const name in variables) {
    const scopeKey = targetScope(ctx.draft, elementInstanceId, name);
    (byScope[scopeKey] ??= {})[name] = variables[name];
  }
  for (const scopeKey in byScope) emit(ctx, { type: 'VariablesSet', scopeKey, variables: byScope[scopeKey] as Variables });
}

/** Set variables in one scope (an element's local scope or root). */
export function setLocal(ctx: Ctx, scopeKey: string, variables: Variables): void {
  if (Object.keys(variables).length > 0) emit(ctx, { type: 'VariablesSet', scopeKey, variables });
}

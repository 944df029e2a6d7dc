import type { Ctx } from '../../context.js';
import { emit } from '../../context.js';
import { ROOT, type Draft } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import { onVariablesChanged, type VariableChanges } from './conditions.js';

export { visibleFrom } from './visible.js';

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
  for (const scopeKey in byScope) setLocal(ctx, scopeKey, byScope[scopeKey] as Variables);
}

/** Set variables in one scope (an element's local scope or root). */
export function setLocal(ctx: Ctx, scopeKey: string, variables: Variables): void {
  const names = Object.keys(variables);
  if (names.length === 0) return;
  const changes = ctx.draft.conditions === undefined ? undefined : changesIn(ctx.draft.variables[scopeKey], names);
  emit(ctx, { type: 'VariablesSet', scopeKey, variables });
  // Conditional events see every variable change of their scopes (issue 16, scenario spec v1.1).
  if (changes !== undefined) onVariablesChanged(ctx, scopeKey, changes);
}

function changesIn(before: Variables | undefined, names: readonly string[]): VariableChanges {
  const changes: Record<string, 'create' | 'update'> = {};
  for (const name of names) changes[name] = before !== undefined && Object.hasOwn(before, name) ? 'update' : 'create';
  return changes;
}

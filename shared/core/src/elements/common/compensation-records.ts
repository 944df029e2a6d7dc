import type { FlowElement } from '@baton/model';
import { emit, ids, type Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';

/**
 * An element instance is completing: record it as compensable when it has a
 * compensation handler (each inner instance of a multi-instance activity, each pass
 * of a loop), a subprocess with a compensation event subprocess (Camunda 7), or a
 * container holding compensable activities, so that a
 * later compensation throw in an enclosing scope reaches inside (issue 16, scenario
 * spec v1.1 "Compensation"). Its handler will see `variables`: the activity's own
 * and its enclosing scopes' local variables as it completed (root stays live).
 */
export function recordCompensation(ctx: Ctx, element: FlowElement, rec: ElementRecord): void {
  if (element.isForCompensation === true) return;
  const handlerId = rec.isMultiInstanceBody === true ? undefined : ctx.index.compensationHandlers[element.elementId];
  const hasEventSubprocess = ctx.index.compensationEventSubprocesses[element.elementId] !== undefined;
  if (handlerId === undefined && !hasEventSubprocess && !holdsCompensable(ctx, rec.elementInstanceId)) return;
  emit(ctx, {
    type: 'CompensationRecorded',
    ...ids(rec),
    ...(rec.parentElementInstanceId === undefined ? {} : { scopeElementInstanceId: rec.parentElementInstanceId }),
    ...(handlerId === undefined ? {} : { handlerId }),
    ...(handlerId === undefined && !hasEventSubprocess ? {} : { variables: localVariables(ctx, rec) }),
  });
}

function holdsCompensable(ctx: Ctx, elementInstanceId: string): boolean {
  const records = ctx.draft.compensations;
  for (const key in records) if (records[key]?.scopeElementInstanceId === elementInstanceId) return true;
  return false;
}

/** The element's local scope overlaid on its enclosing non-root scopes: the scopes that go away when it and its containers complete. */
function localVariables(ctx: Ctx, rec: ElementRecord): Variables {
  const chain: Variables[] = [];
  let current: ElementRecord | undefined = rec;
  while (current !== undefined) {
    const scope = ctx.draft.variables[current.elementInstanceId];
    if (scope !== undefined) chain.push(scope);
    current = current.parentElementInstanceId === undefined ? undefined : ctx.draft.elementInstances[current.parentElementInstanceId];
  }
  const merged: Variables = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, chain[i]);
  return merged;
}

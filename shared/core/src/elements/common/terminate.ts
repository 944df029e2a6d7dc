import { childrenOf, effect, emit, ids, recordOf, type Ctx } from '../../context.js';
import { scopeKeyOf } from '../../state/records.js';
import { resolveIncidentsOf } from './incident.js';
import { closeWaitsOf } from './waits.js';

/**
 * Terminate an element instance and everything inside it, deepest first: close
 * its waits (with CancelJob / CancelTimer effects), resolve its incidents, cancel
 * a called child instance. Terminated elements do not count as completed.
 */
export function terminateElement(ctx: Ctx, elementInstanceId: string): void {
  terminateChildren(ctx, elementInstanceId);
  const rec = recordOf(ctx, elementInstanceId);
  closeWaitsOf(ctx, elementInstanceId);
  resolveIncidentsOf(ctx, elementInstanceId);
  if (rec.childInstanceId !== undefined) effect(ctx, { type: 'CancelChildInstance', childInstanceId: rec.childInstanceId });
  emit(ctx, { type: 'ElementTerminated', ...ids(rec) });
}

/**
 * Terminate every element instance directly inside a scope instance (undefined:
 * the process), except `except`, and drop the tokens waiting at its joins.
 */
export function terminateChildren(ctx: Ctx, scopeElementInstanceId: string | undefined, except?: string): void {
  for (const child of childrenOf(ctx, scopeElementInstanceId)) {
    if (child.elementInstanceId === except) continue;
    if (ctx.draft.elementInstances[child.elementInstanceId] !== undefined) terminateElement(ctx, child.elementInstanceId);
  }
  const scopeKey = scopeKeyOf(scopeElementInstanceId);
  if (ctx.draft.joins?.[scopeKey] !== undefined) emit(ctx, { type: 'JoinTokensDiscarded', scopeKey });
}

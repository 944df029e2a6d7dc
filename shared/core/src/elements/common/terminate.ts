import type { FlowElement } from '@baton/model';
import { childrenOf, elementAt, emit, ids, recordOf, type Ctx } from '../../context.js';
import { scopeKeyOf, type ElementRecord } from '../../state/records.js';
import { resolveIncidentsOf } from './incident.js';
import { closeWaitsOf } from './waits.js';

/** Terminate an element instance by its behaviour's `terminate`. Terminated elements do not count as completed. */
export function terminateElement(ctx: Ctx, elementInstanceId: string): void {
  const rec = recordOf(ctx, elementInstanceId);
  const element = elementAt(ctx, rec.elementId);
  ctx.behaviorOf(element, rec).terminate(ctx, element, rec);
}

/**
 * The shared terminate move: everything inside first (deepest first), then its
 * waits (with CancelJob / CancelTimer effects), its incidents, `ElementTerminated`.
 */
export function endElementInstance(ctx: Ctx, _element: FlowElement, rec: ElementRecord): void {
  terminateChildren(ctx, rec.elementInstanceId);
  closeWaitsOf(ctx, rec.elementInstanceId);
  resolveIncidentsOf(ctx, rec.elementInstanceId);
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

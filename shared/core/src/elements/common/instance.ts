import { effect, emit, type Ctx } from '../../context.js';
import { ROOT } from '../../state/records.js';
import type { Effect } from '../../types/effects.js';
import { resolveIncidentsOf } from './incident.js';
import { terminateChildren } from './terminate.js';
import { closeWaitsOf } from './waits.js';

type Outcome = Extract<Effect, { type: 'NotifyParent' }>['outcome'];

/**
 * The process scope completed: close its event subprocess subscriptions, resolve
 * what incident the process scope itself still has (an event subprocess start that
 * could not open: nothing is left for it to start), and tell the parent, if any.
 */
export function completeInstance(ctx: Ctx): void {
  closeWaitsOf(ctx, ctx.draft.instanceId);
  resolveIncidentsOf(ctx, ctx.draft.instanceId);
  emit(ctx, { type: 'InstanceCompleted' });
  notifyParent(ctx, { type: 'completed', variables: { ...ctx.draft.variables[ROOT] } });
}

/** End the instance early: terminate everything, then tell the parent why. */
export function terminateInstance(ctx: Ctx, outcome: Outcome): void {
  terminateChildren(ctx, undefined);
  closeWaitsOf(ctx, ctx.draft.instanceId);
  resolveIncidentsOf(ctx, ctx.draft.instanceId);
  emit(ctx, { type: 'InstanceTerminated' });
  notifyParent(ctx, outcome);
}

/** Tell the parent instance (a call activity) how this instance ended; no-op without a parent. */
export function notifyParent(ctx: Ctx, outcome: Outcome): void {
  const { parent } = ctx.draft;
  if (parent === undefined) return;
  effect(ctx, { type: 'NotifyParent', parent, childInstanceId: ctx.draft.instanceId, outcome });
}

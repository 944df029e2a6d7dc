import { effect, type Ctx } from '../../context.js';
import { triggerSignal } from '../../commands/trigger-commands.js';
import type { ElementRecord } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import { evaluateString } from '../common/expressions.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';

/**
 * Throw a signal with the thrower's local variables (its input mappings). As in
 * Zeebe (`BpmnSignalBehavior.broadcastNewSignal`, whose broadcast is processed
 * before the thrower's completion), this instance's own subscriptions of that name
 * that are open now react first, in this decide; the BroadcastSignal effect then
 * reaches every other instance and the signal start events, skipping this one.
 * Returns true when the thrower should complete now: false when the name failed
 * (an incident is open) or a catch interrupted the thrower (an interrupting
 * boundary or event subprocess around it).
 */
export function broadcastSignal(ctx: Ctx, rec: ElementRecord, signalNameExpression: string): boolean {
  const name = evaluateString(ctx.at, signalNameExpression, visibleFrom(ctx.draft, rec.elementInstanceId), 'signal name', rec.elementId);
  if (!name.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', name.message, 'activate'), false;
  const variables = { ...ctx.draft.variables[rec.elementInstanceId] };
  effect(ctx, { type: 'BroadcastSignal', signalName: name.value, variables, excludeInstanceId: ctx.draft.instanceId });
  triggerOwnSubscriptions(ctx, rec, name.value, variables);
  return ctx.draft.status === 'active' && ctx.draft.elementInstances[rec.elementInstanceId] !== undefined;
}

/**
 * Trigger the subscriptions named `signalName` that were open when the signal was
 * thrown, each as a TriggerSignal command would. One closed meanwhile by an earlier
 * one (an interrupting catch) is skipped; one opened meanwhile does not see this signal.
 */
function triggerOwnSubscriptions(ctx: Ctx, thrower: ElementRecord, signalName: string, variables: Variables): void {
  const keys: string[] = [];
  for (const key in ctx.draft.waits) {
    const wait = ctx.draft.waits[key];
    if (wait?.kind === 'signal' && wait.signalName === signalName) keys.push(key);
  }
  for (const subscriptionKey of keys) {
    if (ctx.draft.status !== 'active' || ctx.draft.waits[subscriptionKey]?.kind !== 'signal') continue;
    const command = { type: 'TriggerSignal', commandId: `${thrower.elementInstanceId}/signal`, at: ctx.at, subscriptionKey, signalName, variables } as const;
    triggerSignal(ctx, command);
  }
}

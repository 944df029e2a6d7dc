import { evaluateCondition } from '@baton/feel';
import type { ConditionalEventDefinition } from '@baton/model';
import { elementAt, emit, nextKey, type Ctx } from '../../context.js';
import { ROOT } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import type { ConditionSubscription } from '../../types/state.js';
import { visibleFrom } from './visible.js';

/** Which variables changed in a scope, and whether each was created or updated there. */
export type VariableChanges = Readonly<Record<string, 'create' | 'update'>>;

/**
 * Is the condition true for these variables? A null (an unset variable), a
 * non-boolean or a failing evaluation counts as false, as Zeebe's conditional
 * evaluation does: the event waits on, it never raises an incident.
 */
export function isConditionMet(ctx: Ctx, condition: string, variables: Variables): boolean {
  const result = evaluateCondition(condition, variables, { now: ctx.at });
  return result.ok && result.value;
}

function definitionOf(ctx: Ctx, elementId: string): ConditionalEventDefinition | undefined {
  const element = elementAt(ctx, elementId);
  const event = 'event' in element ? element.event : undefined;
  return event?.type === 'conditional' ? event : undefined;
}

/**
 * Open a conditional event's subscription. Its condition is evaluated now; when it
 * is true the trigger runs as the next agenda step (after the owner's own
 * activation, so an activity with a true interrupting boundary is activated, then
 * interrupted, as in Camunda 8).
 */
export function openCondition(ctx: Ctx, owner: { readonly elementId: string; readonly elementInstanceId: string }, event: ConditionalEventDefinition, variables: Variables): void {
  const subscriptionKey = nextKey(ctx);
  const isMet = isConditionMet(ctx, event.condition, variables);
  const subscription: ConditionSubscription = { subscriptionKey, ...owner, createdAt: ctx.at, isMet };
  emit(ctx, { type: 'ConditionSubscriptionOpened', ...owner, subscription });
  if (isMet) ctx.agenda.push({ kind: 'triggerCondition', subscriptionKey });
}

/** Close the condition subscriptions an owner holds (all, or those `only` accepts). */
export function closeConditionsOf(ctx: Ctx, elementInstanceId: string, only?: (subscription: { readonly elementId: string }) => boolean): void {
  const conditions = ctx.draft.conditions;
  if (conditions === undefined) return;
  for (const key in conditions) {
    const subscription = conditions[key] as ConditionSubscription;
    if (subscription.elementInstanceId !== elementInstanceId || (only !== undefined && !only(subscription))) continue;
    emit(ctx, { type: 'ConditionSubscriptionClosed', elementId: subscription.elementId, elementInstanceId, subscriptionKey: key });
  }
}

/** Depth of a subscription's owner in the token tree (the process: 0), or -1 when the variables' scope cannot see it. */
function depthBelow(ctx: Ctx, ownerId: string, scopeKey: string): number {
  if (ownerId === ctx.draft.instanceId) return scopeKey === ROOT ? 0 : -1;
  let depth = 1;
  let seen = scopeKey === ROOT;
  let current = ctx.draft.elementInstances[ownerId];
  while (current !== undefined) {
    if (current.elementInstanceId === scopeKey) seen = true;
    const parent = current.parentElementInstanceId;
    current = parent === undefined ? undefined : ctx.draft.elementInstances[parent];
    depth += 1;
  }
  return seen ? depth : -1;
}

function reacts(event: ConditionalEventDefinition, changes: VariableChanges): boolean {
  for (const name in changes) {
    if (event.variableNames !== undefined && !event.variableNames.includes(name)) continue;
    if (event.variableEvents !== undefined && !event.variableEvents.includes(changes[name] as 'create' | 'update')) continue;
    return true;
  }
  return false;
}

/**
 * Variables were set in scope `scopeKey`: re-evaluate every open conditional event
 * that sees that scope, outer scopes first (Camunda 8's top-down order). A change
 * from false to true queues its trigger; a change back re-arms it (a
 * non-interrupting event can trigger again). A trigger whose owner ended meanwhile
 * is dropped when its turn comes.
 */
export function onVariablesChanged(ctx: Ctx, scopeKey: string, changes: VariableChanges): void {
  const conditions = ctx.draft.conditions;
  if (conditions === undefined) return;
  const affected: { subscription: ConditionSubscription; depth: number }[] = [];
  for (const key in conditions) {
    const subscription = conditions[key] as ConditionSubscription;
    const depth = depthBelow(ctx, subscription.elementInstanceId, scopeKey);
    if (depth >= 0) affected.push({ subscription, depth });
  }
  affected.sort((a, b) => a.depth - b.depth);
  for (const { subscription } of affected) {
    const event = definitionOf(ctx, subscription.elementId);
    if (event === undefined || !reacts(event, changes)) continue;
    const isMet = isConditionMet(ctx, event.condition, visibleFrom(ctx.draft, subscription.elementInstanceId));
    if (isMet === subscription.isMet) continue;
    const { subscriptionKey, elementId, elementInstanceId } = subscription;
    emit(ctx, { type: 'ConditionEvaluated', elementId, elementInstanceId, subscriptionKey, isMet });
    if (isMet) ctx.agenda.push({ kind: 'triggerCondition', subscriptionKey });
  }
}

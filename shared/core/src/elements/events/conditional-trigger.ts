import { elementAt, emit, type Ctx } from '../../context.js';
import { completeElement } from '../common/complete.js';
import { triggerEventSubprocess } from '../containers/event-subprocess.js';
import { triggerEventBasedGateway } from '../gateways/event-based-gateway.js';
import { triggerBoundary } from './boundary-event.js';

/**
 * A conditional event whose condition turned true (queued by `openCondition` or
 * `onVariablesChanged`): if its subscription is still open and its owner still
 * active, it triggers like any catch — an intermediate catch event completes, a
 * boundary event interrupts (or not) its activity, an event subprocess starts, an
 * event-based gateway takes that branch. A non-interrupting one keeps listening.
 */
export function triggerCondition(ctx: Ctx, subscriptionKey: string): void {
  const subscription = ctx.draft.conditions?.[subscriptionKey];
  if (subscription === undefined || !subscription.isMet) return;
  const { elementId, elementInstanceId } = subscription;
  const element = elementAt(ctx, elementId);
  const owner = ctx.draft.elementInstances[elementInstanceId];
  if (element.type === 'startEvent') return triggerEventSubprocess(ctx, element, owner?.elementInstanceId, {});
  if (owner === undefined) return;
  if (element.type === 'boundaryEvent') return triggerBoundary(ctx, element, owner, {});
  if (owner.elementType === 'eventBasedGateway') return triggerEventBasedGateway(ctx, owner, elementId, {});
  emit(ctx, { type: 'ConditionSubscriptionClosed', elementId, elementInstanceId, subscriptionKey });
  completeElement(ctx, elementInstanceId);
}

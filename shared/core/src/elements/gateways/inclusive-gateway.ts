import { endElementInstance } from '../common/terminate.js';
import { childrenOf, elementAt, type Ctx } from '../../context.js';
import { ROOT } from '../../state/records.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { completeElement, leave } from '../common/complete.js';
import { activateElement } from '../common/flow.js';
import { chooseFlows } from './exclusive-gateway.js';

/** Inclusive gateway split: every outgoing flow whose condition holds, else the default. */
export const inclusiveGateway: ElementBehavior<ElementOf<'inclusiveGateway'>> = {
  activate(ctx, element, rec) {
    const flows = chooseFlows(ctx, element, rec, false);
    if (flows !== undefined) completeElement(ctx, rec.elementInstanceId, { flows });
  },
  complete: leave,
  terminate: endElementInstance,
};

/**
 * Fire every inclusive join that has tokens and can get no more: no active element
 * and no token waiting at another join in its scope instance can still reach it.
 * Runs when the agenda is empty. Returns true when one fired.
 */
export function fireReadyInclusiveJoins(ctx: Ctx): boolean {
  const joins = ctx.draft.joins;
  if (joins === undefined) return false;
  for (const scopeKey in joins) {
    const gateways = joins[scopeKey] ?? {};
    for (const gatewayId in gateways) {
      const reach = ctx.index.inclusiveReach[gatewayId];
      if (reach === undefined) continue;
      const parentId = scopeKey === ROOT ? undefined : scopeKey;
      if (childrenOf(ctx, parentId).some((child) => reach.has(child.elementId))) continue;
      if (Object.keys(gateways).some((other) => other !== gatewayId && reach.has(other))) continue;
      const flowIds = Object.keys(gateways[gatewayId] ?? {});
      const gateway = elementAt(ctx, gatewayId);
      activateElement(ctx, gateway.elementId, parentId, { consumedJoin: { scopeKey, flowIds } });
      return true;
    }
  }
  return false;
}

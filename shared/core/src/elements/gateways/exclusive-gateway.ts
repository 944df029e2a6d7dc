import type { SequenceFlow } from '@baton/model';
import type { Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { endElementInstance } from '../common/terminate.js';
import { completeElement, leave } from '../common/complete.js';
import { condition } from '../common/expressions.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';

type ConditionalGateway = ElementOf<'exclusiveGateway' | 'inclusiveGateway'>;

/**
 * Evaluate the outgoing conditions in model order (the default flow is skipped; a
 * flow without condition holds). `firstOnly` stops at the first that holds. With
 * none holding the default flow is taken, else an incident NO_FLOW_MATCHED; a
 * failing condition is an EXPRESSION_FAILED incident. Either is retried by
 * `ResolveIncident`.
 */
export function chooseFlows(ctx: Ctx, element: ConditionalGateway, rec: ElementRecord, firstOnly: boolean): SequenceFlow[] | undefined {
  const outgoing = ctx.index.outgoing[element.elementId] ?? [];
  const variables = visibleFrom(ctx.draft, rec.elementInstanceId);
  const chosen: SequenceFlow[] = [];
  for (const flow of outgoing) {
    if (flow.flowId === element.defaultFlowId) continue;
    if (flow.condition !== undefined) {
      const result = condition(ctx.at, flow.condition, variables, element.elementId);
      if (!result.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', result.message, 'activate'), undefined;
      if (!result.value) continue;
    }
    chosen.push(flow);
    if (firstOnly) return chosen;
  }
  if (chosen.length > 0) return chosen;
  const fallback = outgoing.find((flow) => flow.flowId === element.defaultFlowId);
  if (fallback !== undefined) return [fallback];
  if (outgoing.length === 0) return [];
  raiseIncident(
    ctx,
    rec,
    'NO_FLOW_MATCHED',
    `Expected at least one condition of gateway '${element.elementId}' to hold, but none did and there is no default flow; fix the variables and resolve the incident.`,
    'activate',
  );
  return undefined;
}

/** Exclusive gateway: the first outgoing flow whose condition holds, else the default. */
export const exclusiveGateway: ElementBehavior<ElementOf<'exclusiveGateway'>> = {
  activate(ctx, element, rec) {
    const flows = chooseFlows(ctx, element, rec, true);
    if (flows !== undefined) completeElement(ctx, rec.elementInstanceId, { flows });
  },
  complete: leave,
  terminate: endElementInstance,
};

import { endElementInstance } from '../common/terminate.js';
import { elementAt, type Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { completeElement, leave } from '../common/complete.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';
import { closeWaitsOf, openEventWait, openMessage } from '../common/waits.js';

/**
 * Event-based gateway: the gateway itself waits, owning one wait per following
 * catch event or receive task (under that element's id). The first to trigger wins.
 */
export const eventBasedGateway: ElementBehavior<ElementOf<'eventBasedGateway'>> = {
  activate(ctx, element, rec) {
    const variables = visibleFrom(ctx.draft, rec.elementInstanceId);
    const targetIds = new Set((ctx.index.outgoing[element.elementId] ?? []).map((flow) => flow.targetId));
    for (const targetId of targetIds) {
      const target = elementAt(ctx, targetId);
      const owner = { elementId: target.elementId, elementInstanceId: rec.elementInstanceId };
      let opened;
      if (target.type === 'intermediateCatchEvent') opened = openEventWait(ctx, owner, target.event, variables);
      else if (target.type === 'receiveTask') opened = openMessage(ctx, owner, target.message, variables);
      else continue;
      if (!opened.ok) {
        // All or nothing: a wait left open would fire past the incident (found by fuzzing, issue 12).
        closeWaitsOf(ctx, rec.elementInstanceId);
        return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', opened.message, 'activate');
      }
    }
  },
  complete: leave,
  terminate: endElementInstance,
};

/** One branch triggered: close the others, complete the gateway, and complete the branch's event with the variables. */
export function triggerEventBasedGateway(ctx: Ctx, gateway: ElementRecord, targetId: string, variables: Variables): void {
  closeWaitsOf(ctx, gateway.elementInstanceId);
  const flow = (ctx.index.outgoing[gateway.elementId] ?? []).find((candidate) => candidate.targetId === targetId);
  completeElement(ctx, gateway.elementInstanceId, { flows: flow === undefined ? [] : [flow], triggeredWith: variables });
}

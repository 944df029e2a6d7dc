import type { ElementBehavior, ElementOf } from '../behavior.js';
import { endElementInstance } from '../common/terminate.js';
import { completeElement, leave } from '../common/complete.js';
import { isConditionMet } from '../common/conditions.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';
import { openEventWait } from '../common/waits.js';

/** Intermediate catch events wait for a timer, message, signal or condition; a link catch passes through. */
export const intermediateCatchEvent: ElementBehavior<ElementOf<'intermediateCatchEvent'>> = {
  activate(ctx, element, rec) {
    if (element.event.type === 'link') return void completeElement(ctx, rec.elementInstanceId);
    const owner = { elementId: rec.elementId, elementInstanceId: rec.elementInstanceId };
    const variables = visibleFrom(ctx.draft, rec.elementInstanceId);
    // A condition already true when the event is reached lets it pass at once (Camunda 8).
    if (element.event.type === 'conditional' && isConditionMet(ctx, element.event.condition, variables)) return void completeElement(ctx, rec.elementInstanceId);
    const opened = openEventWait(ctx, owner, element.event, variables);
    if (!opened.ok) raiseIncident(ctx, rec, 'EXPRESSION_FAILED', opened.message, 'activate');
  },
  complete: leave,
  terminate: endElementInstance,
};

import type { ElementBehavior, ElementOf } from '../behavior.js';
import { endElementInstance } from '../common/terminate.js';
import { completeElement, leave } from '../common/complete.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';
import { openEventWait } from '../common/waits.js';

/** Intermediate catch events wait for a timer, message or signal; a link catch passes through. */
export const intermediateCatchEvent: ElementBehavior<ElementOf<'intermediateCatchEvent'>> = {
  activate(ctx, element, rec) {
    if (element.event.type === 'link') return void completeElement(ctx, rec.elementInstanceId);
    const owner = { elementId: rec.elementId, elementInstanceId: rec.elementInstanceId };
    const opened = openEventWait(ctx, owner, element.event, visibleFrom(ctx.draft, rec.elementInstanceId));
    if (!opened.ok) raiseIncident(ctx, rec, 'EXPRESSION_FAILED', opened.message, 'activate');
  },
  complete: leave,
  terminate: endElementInstance,
};

import { endElementInstance } from '../common/terminate.js';
import { leave } from '../common/complete.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';
import { openMessage } from '../common/waits.js';

/** Waits for its message; the correlation key is evaluated when the subscription opens. */
export const receiveTask: ElementBehavior<ElementOf<'receiveTask'>> = {
  activate(ctx, element, rec) {
    const owner = { elementId: rec.elementId, elementInstanceId: rec.elementInstanceId };
    const opened = openMessage(ctx, owner, element.message, visibleFrom(ctx.draft, rec.elementInstanceId));
    if (!opened.ok) raiseIncident(ctx, rec, 'EXPRESSION_FAILED', opened.message, 'activate');
  },
  complete: leave,
  terminate: endElementInstance,
};

import type { ElementBehavior, ElementOf } from '../behavior.js';
import { endElementInstance } from '../common/terminate.js';
import { completeElement, leave } from '../common/complete.js';
import { throwDefinition } from './end-event.js';

/** Intermediate throw events: none, message (a job), signal, escalation, link (jump to the catch of that name), and compensation (completes after its handlers). */
export const intermediateThrowEvent: ElementBehavior<ElementOf<'intermediateThrowEvent'>> = {
  activate(ctx, element, rec) {
    if (element.event?.type === 'link') {
      const target = ctx.definition.linkTargets[`${element.scopeId}/${element.event.linkName}`];
      completeElement(ctx, rec.elementInstanceId, target === undefined ? {} : { jumpTo: target });
      return;
    }
    if (throwDefinition(ctx, rec, element.event, element.job)) completeElement(ctx, rec.elementInstanceId);
  },
  complete: leave,
  terminate: endElementInstance,
  onEmptied(ctx, _element, rec) {
    completeElement(ctx, rec.elementInstanceId);
  },
};

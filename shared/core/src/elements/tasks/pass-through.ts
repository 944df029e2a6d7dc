import type { FlowElement } from '@baton/model';
import type { ElementBehavior } from '../behavior.js';
import { endElementInstance } from '../common/terminate.js';
import { completeElement, leave } from '../common/complete.js';

/** Plain tasks, manual tasks, start events: nothing to wait for. */
export const passThrough: ElementBehavior<FlowElement> = {
  activate(ctx, _element, rec) {
    completeElement(ctx, rec.elementInstanceId);
  },
  complete: leave,
  terminate: endElementInstance,
};

import type { FlowElement } from '@baton/model';
import type { ElementBehavior } from '../behavior.js';
import { completeElement } from '../common/complete.js';

/** Plain tasks, manual tasks, start events: nothing to wait for. */
export const passThrough: ElementBehavior<FlowElement> = {
  activate(ctx, _element, rec) {
    completeElement(ctx, rec.elementInstanceId);
  },
};

import type { ElementBehavior, ElementOf } from '../behavior.js';
import { endElementInstance } from '../common/terminate.js';
import { completeElement, leave } from '../common/complete.js';

/**
 * Parallel gateway: forks to every outgoing flow. As a join it is activated by
 * `takeFlow` only once a token waits on every incoming flow of its scope instance.
 */
export const parallelGateway: ElementBehavior<ElementOf<'parallelGateway'>> = {
  activate(ctx, element, rec) {
    completeElement(ctx, rec.elementInstanceId, { flows: ctx.index.outgoing[element.elementId] ?? [] });
  },
  complete: leave,
  terminate: endElementInstance,
};

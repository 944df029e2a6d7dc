import type { FlowElement, FlowElementType } from '@baton/model';
import type { Ctx } from '../context.js';
import type { ElementRecord } from '../state/records.js';

/**
 * The lifecycle every element behaviour shares. `activate` runs once the element
 * instance exists, its input mappings are applied and its boundary events listen;
 * it either waits (opens a job, a timer, a subscription...) or completes at once.
 * Completing (`completeElement`: output mappings, ElementCompleted, leave by flows)
 * and terminating (`terminateElement`: children, waits, incidents, called child)
 * are the same moves for every element and live in `elements/common/`.
 */
export interface ElementBehavior<E extends FlowElement = FlowElement> {
  activate(ctx: Ctx, element: E, rec: ElementRecord): void;
}

type Narrow<E, T> = E extends { readonly type: infer U } ? (T extends U ? E : never) : never;

/** The element variant whose `type` admits T (some variants share one shape for several types). */
export type ElementOf<T extends FlowElementType> = Narrow<FlowElement, T>;

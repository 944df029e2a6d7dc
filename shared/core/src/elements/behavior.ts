import type { FlowElement, FlowElementType, SequenceFlow } from '@baton/model';
import type { Ctx } from '../context.js';
import type { ElementRecord } from '../state/records.js';
import type { Variables } from '../types/commands.js';

/** How an element leaves when it completes. */
export interface CompleteOptions {
  /** The flows to leave by (gateways choose); default: the element's outgoing flows. */
  readonly flows?: readonly SequenceFlow[];
  /** The flow's target was triggered (event-based gateway): it completes at once with these variables. */
  readonly triggeredWith?: Variables;
  /** Leave by jumping to this element instead (a link throw to its catch). */
  readonly jumpTo?: string;
  /** Its async-after continuation ran: leave now (issue 16). */
  readonly continued?: true;
}

/**
 * The lifecycle of one element type; each element owns its own, as Zeebe's
 * processors do, and a new element touches only its file and the registry.
 * The shared moves (`leave`, `endElementInstance` in `elements/common/`) are what
 * most elements do; an element that differs says so in its own file.
 *
 * Callers never call these directly: `completeElement` and `terminateElement`
 * (elements/common) look up the behaviour of the record and dispatch, so a
 * subprocess terminates its children, a call activity cancels its child instance.
 */
export interface ElementBehavior<E extends FlowElement = FlowElement> {
  /**
   * The element instance exists, its input mappings are applied and its boundary
   * events listen: wait (open a job, a timer, a subscription...) or complete at once.
   */
  activate(ctx: Ctx, element: E, rec: ElementRecord): void;
  /**
   * Complete: output mappings, `ElementCompleted`, leave by flows, complete the
   * scope if it became empty. Returns false when it stopped on an incident.
   */
  complete(ctx: Ctx, element: E, rec: ElementRecord, options: CompleteOptions): boolean;
  /** Terminate (interrupted, cancelled): everything inside, waits, incidents; it does not count as completed. */
  terminate(ctx: Ctx, element: E, rec: ElementRecord): void;
  /** Containers only: nothing is left inside the instance (its last child completed). */
  onEmptied?(ctx: Ctx, element: E, rec: ElementRecord): void;
}

/** The behaviour of an element instance: by element type, or the multi-instance body's. */
export type BehaviorLookup = (element: FlowElement, rec: ElementRecord) => ElementBehavior;

type Narrow<E, T> = E extends { readonly type: infer U } ? (T extends U ? E : never) : never;

/** The element variant whose `type` admits T (some variants share one shape for several types). */
export type ElementOf<T extends FlowElementType> = Narrow<FlowElement, T>;

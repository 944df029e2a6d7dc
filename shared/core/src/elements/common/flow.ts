import type { FlowElement, SequenceFlow } from '@baton/model';
import { elementAt, emit, nextKey, type Ctx } from '../../context.js';
import { scopeKeyOf } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import { condition } from './expressions.js';
import { visibleFrom } from './variables.js';

export interface ActivateOptions {
  /** Activate one inner instance of a multi-instance body (1-based). */
  readonly loopCounter?: number;
  /** Activated by a trigger: complete at once with these variables instead of running the behaviour. */
  readonly triggeredWith?: Variables;
  /** Activated by a trigger whose caller completes it itself. */
  readonly manual?: boolean;
  /** Tokens a joining gateway consumes. */
  readonly consumedJoin?: { readonly scopeKey: string; readonly flowIds: readonly string[] };
}

/** Does the element need a variable scope of its own? */
function needsScope(element: FlowElement, isBody: boolean, options: ActivateOptions): boolean {
  if (isBody) return false;
  return element.type === 'subProcess' || element.inputs.length > 0 || element.outputs.length > 0 || options.loopCounter !== undefined;
}

/**
 * Create an element instance in a scope instance and queue its behaviour. A
 * multi-instance element becomes its body; the body creates the inner instances.
 */
export function activateElement(ctx: Ctx, elementId: string, parentElementInstanceId: string | undefined, options: ActivateOptions = {}): string {
  const element = elementAt(ctx, elementId);
  const isBody = element.multiInstance !== undefined && options.loopCounter === undefined && options.manual !== true && options.triggeredWith === undefined;
  const elementInstanceId = nextKey(ctx);
  emit(ctx, {
    type: 'ElementActivated',
    elementId,
    elementInstanceId,
    elementType: element.type,
    ...(parentElementInstanceId === undefined ? {} : { parentElementInstanceId }),
    hasScope: needsScope(element, isBody, options),
    ...(isBody ? { isMultiInstanceBody: true } : {}),
    ...(options.loopCounter === undefined ? {} : { loopCounter: options.loopCounter }),
    ...(options.consumedJoin === undefined ? {} : { consumedJoin: options.consumedJoin }),
  });
  if (options.triggeredWith !== undefined) ctx.agenda.push({ kind: 'completeWith', elementInstanceId, variables: options.triggeredWith });
  else if (options.manual !== true) ctx.agenda.push({ kind: 'activate', elementInstanceId });
  return elementInstanceId;
}

/** Is this element a gateway that waits for tokens on several incoming flows? */
export function isJoining(element: FlowElement): boolean {
  return (element.type === 'parallelGateway' || element.type === 'inclusiveGateway') && element.incoming.length > 1;
}

/**
 * Take a sequence flow inside a scope instance: activate its target, or leave a
 * token at a joining gateway (a parallel join fires here once every incoming flow
 * has a token; inclusive joins fire when no other token can reach them).
 */
export function takeFlow(ctx: Ctx, flow: SequenceFlow, parentElementInstanceId: string | undefined, triggeredWith?: Variables): void {
  const target = elementAt(ctx, flow.targetId);
  if (!isJoining(target)) {
    emit(ctx, { type: 'FlowTaken', flowId: flow.flowId, sourceId: flow.sourceId, targetId: flow.targetId });
    activateElement(ctx, target.elementId, parentElementInstanceId, triggeredWith === undefined ? {} : { triggeredWith });
    return;
  }
  const scopeKey = scopeKeyOf(parentElementInstanceId);
  emit(ctx, { type: 'FlowTaken', flowId: flow.flowId, sourceId: flow.sourceId, targetId: flow.targetId, joinScopeKey: scopeKey });
  if (target.type !== 'parallelGateway') return;
  const tokens = ctx.draft.joins?.[scopeKey]?.[target.elementId] ?? {};
  if (target.incoming.every((flowId) => (tokens[flowId] ?? 0) > 0)) {
    activateElement(ctx, target.elementId, parentElementInstanceId, { consumedJoin: { scopeKey, flowIds: target.incoming } });
  }
}

/**
 * The flows a non-gateway element leaves by: unconditional ones and those whose
 * condition holds (a failing condition counts as false).
 */
export function outgoingFlows(ctx: Ctx, element: FlowElement, elementInstanceId: string): readonly SequenceFlow[] {
  const flows = ctx.index.outgoing[element.elementId] ?? [];
  if (flows.every((flow) => flow.condition === undefined)) return flows;
  const variables = visibleFrom(ctx.draft, elementInstanceId);
  return flows.filter((flow) => {
    if (flow.condition === undefined) return true;
    const result = condition(ctx.at, flow.condition, variables, element.elementId);
    return result.ok && result.value;
  });
}

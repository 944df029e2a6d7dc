import { report, warn, type BuildContext } from './context.js';
import type { DraftElement, ProcessDraft } from './draft.js';
import { children } from './moddle.js';

/** Graph checks once every element and flow of the process is known. */
export function validateDraft(ctx: BuildContext, draft: ProcessDraft): void {
  checkStarts(ctx, draft);
  for (const element of Object.values(draft.elements)) {
    checkOutgoing(ctx, element);
    checkIncoming(ctx, draft, element);
    if (element.type === 'exclusiveGateway' || element.type === 'inclusiveGateway') checkDefaultFlow(ctx, draft, element.elementId, element.defaultFlowId, element.outgoing);
    if (element.type === 'exclusiveGateway') checkExclusive(ctx, draft, element.elementId, element.defaultFlowId, element.outgoing);
    if (element.type === 'eventBasedGateway') checkEventBased(ctx, draft, element);
    if (element.type === 'intermediateThrowEvent' && element.event?.type === 'link') {
      if (draft.linkTargets[`${element.scopeId}/${element.event.linkName}`] === undefined) {
        report(ctx, 'MISSING_REFERENCE', element.elementId, `link throw event "${element.elementId}" names link "${element.event.linkName}", but no link catch event in its scope has that name; add one or fix the name`);
      }
    }
  }
}

function checkStarts(ctx: BuildContext, draft: ProcessDraft): void {
  if (draft.startEventIds.length === 0) {
    report(ctx, 'NO_START_EVENT', draft.processId, `process "${draft.processId}" has no start event; add a start event where instances begin`);
  }
  for (const scope of Object.values(draft.scopes)) {
    // A start event that was refused has its own problem already.
    if (scope.parentScopeId === undefined || hasStartInXml(draft, scope.scopeId)) continue;
    if (scope.isEventSubprocess) {
      const starts = scope.childIds.filter((id) => draft.elements[id]?.type === 'startEvent');
      if (starts.length === 0) report(ctx, 'NO_START_EVENT', scope.scopeId, `event subprocess "${scope.scopeId}" has no start event; add a message, timer, signal, error or escalation start event`);
    } else if (scope.noneStartId === undefined) {
      report(ctx, 'NO_START_EVENT', scope.scopeId, `subprocess "${scope.scopeId}" has no none start event; add a start event without a definition where the subprocess begins`);
    }
  }
}

function hasStartInXml(draft: ProcessDraft, scopeId: string): boolean {
  const isEventSubprocess = draft.scopes[scopeId]?.isEventSubprocess === true;
  return children(draft.nodes.get(scopeId), 'flowElements').some(
    (node) => node.$type === 'bpmn:StartEvent' && (isEventSubprocess || children(node, 'eventDefinitions').length === 0),
  );
}

/** Elements that end a path by design. */
function endsPath(element: DraftElement): boolean {
  if (element.type === 'endEvent' || element.isForCompensation === true) return true;
  if (element.type === 'boundaryEvent' && element.event.type === 'compensation') return true;
  if (element.type === 'subProcess' && element.triggeredByEvent) return true;
  return element.type === 'intermediateThrowEvent' && element.event?.type === 'link';
}

/**
 * BPMN lets an activity or event without outgoing flow end its path implicitly
 * (BPMN 2.0, 10.5.3), so that is a warning; a gateway without one is an error.
 */
function checkOutgoing(ctx: BuildContext, element: DraftElement): void {
  if (element.outgoing.length > 0 || endsPath(element)) return;
  if (element.type.endsWith('Gateway')) {
    report(ctx, 'NO_OUTGOING_FLOW', element.elementId, `no outgoing sequence flow from "${element.elementId}"; a gateway must lead somewhere: connect it`);
  } else {
    warn(ctx, 'NO_OUTGOING_FLOW', element.elementId, `no outgoing sequence flow from "${element.elementId}"; its path ends there (implicit end): add an end event to make that explicit`);
  }
}

/** Elements that start without an incoming flow by design. */
function startsPath(element: DraftElement): boolean {
  if (element.type === 'startEvent' || element.type === 'boundaryEvent' || element.isForCompensation === true) return true;
  if (element.type === 'subProcess' && element.triggeredByEvent) return true;
  return element.type === 'intermediateCatchEvent' && element.event.type === 'link';
}

/** An element no flow reaches: BPMN starts it implicitly only in a scope without start event, so it is a warning. */
function checkIncoming(ctx: BuildContext, draft: ProcessDraft, element: DraftElement): void {
  if (element.incoming.length > 0 || startsPath(element)) return;
  const scope = draft.scopes[element.scopeId];
  const why = scope?.noneStartId === undefined ? 'nothing starts it' : `it is unreachable from start event "${scope.noneStartId}"`;
  warn(ctx, 'NO_INCOMING_FLOW', element.elementId, `no incoming sequence flow to "${element.elementId}": ${why}; connect it or remove it`);
}

function checkDefaultFlow(ctx: BuildContext, draft: ProcessDraft, gatewayId: string, defaultFlowId: string | undefined, outgoing: readonly string[]): void {
  if (defaultFlowId === undefined || outgoing.includes(defaultFlowId)) return;
  const exists = draft.flows[defaultFlowId] !== undefined;
  const why = exists ? `flow "${defaultFlowId}" does not leave the gateway` : `flow "${defaultFlowId}" does not exist`;
  report(ctx, 'MISSING_REFERENCE', gatewayId, `default flow of gateway "${gatewayId}" is wrong: ${why}; pick one of its outgoing flows`);
}

function checkExclusive(ctx: BuildContext, draft: ProcessDraft, gatewayId: string, defaultFlowId: string | undefined, outgoing: readonly string[]): void {
  if (outgoing.length < 2) return;
  const unconditional = outgoing.filter((flowId) => flowId !== defaultFlowId && draft.flows[flowId]?.condition === undefined);
  if (unconditional.length === 0) return;
  const list = unconditional.map((id) => `"${id}"`).join(', ');
  report(ctx, 'INVALID_GATEWAY', gatewayId, `exclusive gateway "${gatewayId}" has ${outgoing.length} outgoing flows but ${list} has no condition and is not the default; add a condition or make it the default flow`);
}

const eventGatewayTargets = new Set(['message', 'timer', 'signal', 'conditional']);

function checkEventBased(ctx: BuildContext, draft: ProcessDraft, gateway: DraftElement): void {
  for (const flowId of gateway.outgoing) {
    const flow = draft.flows[flowId];
    const target = flow ? draft.elements[flow.targetId] : undefined;
    if (!flow || !target) continue;
    const fits = target.type === 'receiveTask' || (target.type === 'intermediateCatchEvent' && eventGatewayTargets.has(target.event.type));
    if (!fits) {
      report(ctx, 'INVALID_GATEWAY', gateway.elementId, `event-based gateway "${gateway.elementId}" leads to ${target.type} "${target.elementId}"; it may only lead to message, timer, signal or conditional catch events and receive tasks`);
    } else if (flow.condition !== undefined) {
      report(ctx, 'INVALID_GATEWAY', gateway.elementId, `sequence flow "${flowId}" after event-based gateway "${gateway.elementId}" has a condition; the first event decides: remove the condition`);
    }
  }
}

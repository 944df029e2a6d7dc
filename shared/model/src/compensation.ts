import { describe, report, warn, type BuildContext } from './context.js';
import type { DraftElement, ProcessDraft } from './draft.js';
import { child, children, type ModdleElement } from './moddle.js';

/**
 * Compensation and transactions (issue 16): each compensation boundary event gets the
 * handler its association points to (`isForCompensation`), a compensation throw's
 * `activityRef` must name an activity, cancel events belong to transactions.
 */
export function linkCompensation(ctx: BuildContext, draft: ProcessDraft, process: ModdleElement): void {
  const associated = readAssociations(process, draft);
  for (const element of Object.values(draft.elements)) {
    if (element.type === 'boundaryEvent' && element.event.type === 'compensation') attachHandler(ctx, draft, element, associated.get(element.elementId) ?? []);
    if (element.type === 'boundaryEvent' && element.event.type === 'cancel') checkCancelBoundary(ctx, draft, element);
    if ((element.type === 'endEvent' || element.type === 'intermediateThrowEvent') && element.event?.type === 'compensation') checkActivityRef(ctx, draft, element);
    if (element.type === 'endEvent' && element.event?.type === 'cancel') checkCancelEnd(ctx, draft, element);
    if (element.type === 'startEvent' && element.event?.type === 'compensation') checkCompensationStart(ctx, draft, element);
  }
}

/** A compensation event subprocess compensates the embedded subprocess it sits in (Camunda 7); at the process level nothing could start it. */
function checkCompensationStart(ctx: BuildContext, draft: ProcessDraft, start: DraftElement): void {
  const eventSubprocess = draft.scopes[start.scopeId];
  if (eventSubprocess?.parentScopeId !== draft.processId) return;
  report(ctx, 'UNSUPPORTED_ELEMENT', start.elementId, `compensation start event "${start.elementId}" is in an event subprocess of the process itself; a compensation event subprocess belongs inside the embedded subprocess it compensates: move it there`);
}

/** Element id → the ids associations connect it with (either direction), from every scope's artifacts. */
function readAssociations(process: ModdleElement, draft: ProcessDraft): Map<string, string[]> {
  const byEnd = new Map<string, string[]>();
  const containers = [process, ...Object.keys(draft.scopes).flatMap((scopeId) => draft.nodes.get(scopeId) ?? [])];
  for (const container of containers) {
    for (const artifact of children(container, 'artifacts')) {
      if (artifact.$type !== 'bpmn:Association') continue;
      const sourceId = child(artifact, 'sourceRef')?.id;
      const targetId = child(artifact, 'targetRef')?.id;
      if (sourceId === undefined || targetId === undefined) continue;
      byEnd.set(sourceId, [...(byEnd.get(sourceId) ?? []), targetId]);
      byEnd.set(targetId, [...(byEnd.get(targetId) ?? []), sourceId]);
    }
  }
  return byEnd;
}

function attachHandler(ctx: BuildContext, draft: ProcessDraft, boundary: DraftElement, ends: readonly string[]): void {
  const handlers = ends.flatMap((id) => draft.elements[id] ?? []).filter((element) => element.isForCompensation === true);
  if (handlers.length > 1) {
    report(ctx, 'INVALID_BOUNDARY', boundary.elementId, `compensation boundary event "${boundary.elementId}" is associated with ${handlers.length} compensation handlers; associate it with one activity marked isForCompensation`);
    return;
  }
  const handler = handlers[0];
  if (handler === undefined) {
    warn(ctx, 'MISSING_REFERENCE', boundary.elementId, `compensation boundary event "${boundary.elementId}" is associated with no compensation handler, so compensating its activity does nothing; associate it with an activity marked isForCompensation`);
    return;
  }
  if (handler.scopeId !== boundary.scopeId) {
    report(ctx, 'INVALID_BOUNDARY', boundary.elementId, `compensation handler "${handler.elementId}" of boundary event "${boundary.elementId}" sits in another scope; move it next to the activity it compensates`);
    return;
  }
  (boundary as { compensationHandlerId?: string }).compensationHandlerId = handler.elementId;
}

/** An activityRef that names no element at all is refused while reading the file (read-warnings.ts); here: one that names no compensable activity. */
function checkActivityRef(ctx: BuildContext, draft: ProcessDraft, event: DraftElement): void {
  const refId = event.type === 'endEvent' || event.type === 'intermediateThrowEvent' ? (event.event?.type === 'compensation' ? event.event.activityRef : undefined) : undefined;
  if (refId === undefined) return;
  const activity = draft.elements[refId];
  if (activity === undefined) {
    report(ctx, 'MISSING_REFERENCE', event.elementId, `compensation event "${event.elementId}" names activityRef "${refId}", but no activity of this process has that id; fix the reference or remove it to compensate the whole scope`);
  } else if (activity.isForCompensation === true || !isCompensable(activity)) {
    report(ctx, 'MISSING_REFERENCE', event.elementId, `compensation event "${event.elementId}" names ${activity.type} "${refId}" as activityRef; name a task, subprocess or call activity to compensate`);
  }
}

function isCompensable(element: DraftElement): boolean {
  return element.type.endsWith('Task') || element.type === 'task' || element.type === 'subProcess' || element.type === 'callActivity';
}

/** A cancel end event cancels the transaction it sits in, at any depth (an event subprocess or a nested subprocess inside it). */
function checkCancelEnd(ctx: BuildContext, draft: ProcessDraft, end: DraftElement): void {
  for (let scopeId: string | undefined = end.scopeId; scopeId !== undefined; scopeId = draft.scopes[scopeId]?.parentScopeId) {
    const scope = draft.elements[scopeId];
    if (scope?.type === 'subProcess' && scope.isTransaction === true) return;
  }
  const node = draft.nodes.get(end.elementId);
  report(ctx, 'UNSUPPORTED_ELEMENT', end.elementId, `cancel end event ${node ? describe(node) : end.elementId} is not inside a transaction subprocess; a cancel end event cancels its transaction: move it into one or use a terminate end event`);
}

function checkCancelBoundary(ctx: BuildContext, draft: ProcessDraft, boundary: DraftElement): void {
  if (boundary.type !== 'boundaryEvent') return;
  const host = draft.elements[boundary.attachedToId];
  if (host === undefined || (host.type === 'subProcess' && host.isTransaction === true)) return;
  report(ctx, 'INVALID_BOUNDARY', boundary.elementId, `cancel boundary event "${boundary.elementId}" is attached to ${host.type} "${host.elementId}"; a cancel boundary event belongs on a transaction subprocess`);
}

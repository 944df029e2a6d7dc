import { readConditionExpression } from './condition.js';
import { describe, report, type BuildContext } from './context.js';
import { emptyDraft, type DraftScope, type ProcessDraft } from './draft.js';
import { ignoredTypes, mapNode } from './elements.js';
import { child, children, type ModdleElement } from './moddle.js';
import { linkCompensation } from './compensation.js';
import { readLanes, type LaneOf } from './lanes.js';
import { validateDraft } from './validate.js';

/** Walks one process and returns its draft; all problems go to `ctx`. */
export function buildProcess(ctx: BuildContext, process: ModdleElement, unresolved: UnresolvedRefs): ProcessDraft {
  const draft = emptyDraft(ctx.processId);
  const lanes = readLanes(ctx, process);
  walkScope(ctx, draft, process, { scopeId: ctx.processId, childIds: [], eventSubprocessIds: [], isEventSubprocess: false }, lanes);
  linkFlows(ctx, draft, unresolved);
  attachBoundaries(ctx, draft, unresolved);
  collectLinks(ctx, draft);
  linkCompensation(ctx, draft, process);
  validateDraft(ctx, draft);
  return draft;
}

function walkScope(ctx: BuildContext, draft: ProcessDraft, container: ModdleElement, scope: DraftScope, lanes: ReadonlyMap<string, LaneOf>): void {
  draft.scopes[scope.scopeId] = scope;
  for (const node of children(container, 'flowElements')) {
    if (node.$type === 'bpmn:SequenceFlow') {
      draft.rawFlows.push({ node, scopeId: scope.scopeId });
      continue;
    }
    if (ignoredTypes.has(node.$type) || node.id === undefined) continue;
    const element = mapNode(ctx, node, scope, lanes.get(node.id));
    if (!element) continue;
    draft.elements[node.id] = element;
    draft.nodes.set(node.id, node);
    scope.childIds.push(node.id);
    if (element.type === 'startEvent' && element.event === undefined && scope.noneStartId === undefined) scope.noneStartId = node.id;
    if (element.type === 'startEvent' && scope.parentScopeId === undefined) draft.startEventIds.push(node.id);
    if (element.type === 'subProcess') {
      if (element.triggeredByEvent) scope.eventSubprocessIds.push(node.id);
      const inner: DraftScope = { scopeId: node.id, parentScopeId: scope.scopeId, childIds: [], eventSubprocessIds: [], isEventSubprocess: element.triggeredByEvent };
      walkScope(ctx, draft, node, inner, lanes);
    }
  }
}

/** Ids moddle could not resolve, by the element and property that named them. */
export type UnresolvedRefs = ReadonlyMap<ModdleElement, ReadonlyMap<string, string>>;

function rawRef(unresolved: UnresolvedRefs, node: ModdleElement, property: string): string | undefined {
  return unresolved.get(node)?.get(property);
}

function readCondition(ctx: BuildContext, flow: ModdleElement): string | undefined {
  const flowId = flow.id ?? '?';
  return readConditionExpression(ctx, flowId, `condition of sequence flow "${flowId}"`, child(flow, 'conditionExpression'));
}

function linkFlows(ctx: BuildContext, draft: ProcessDraft, unresolved: UnresolvedRefs): void {
  for (const { node, scopeId } of draft.rawFlows) {
    const flowId = node.id;
    if (flowId === undefined) continue;
    const sourceId = child(node, 'sourceRef')?.id ?? rawRef(unresolved, node, 'bpmn:sourceRef');
    const targetId = child(node, 'targetRef')?.id ?? rawRef(unresolved, node, 'bpmn:targetRef');
    const condition = readCondition(ctx, node);
    const source = sourceId === undefined ? undefined : draft.elements[sourceId];
    const target = targetId === undefined ? undefined : draft.elements[targetId];
    if (!source || !target || sourceId === undefined || targetId === undefined) {
      const sourceKnown = flowEndKnown(ctx, draft, flowId, 'source', sourceId, source !== undefined);
      const targetKnown = flowEndKnown(ctx, draft, flowId, 'target', targetId, target !== undefined);
      // A flow to a refused node stays, so its gateway is not also blamed for having no flow.
      if (sourceKnown && targetKnown && sourceId !== undefined && targetId !== undefined) {
        draft.flows[flowId] = { flowId, sourceId, targetId, ...(condition === undefined ? {} : { condition }) };
        source?.outgoing.push(flowId);
        target?.incoming.push(flowId);
      }
      continue;
    }
    if (source.scopeId !== scopeId || target.scopeId !== scopeId) {
      report(ctx, 'MISSING_REFERENCE', flowId, `sequence flow "${flowId}" connects "${source.elementId}" and "${target.elementId}" across a subprocess border; a flow must stay inside one scope`);
      continue;
    }
    draft.flows[flowId] = { flowId, sourceId: source.elementId, targetId: target.elementId, ...(condition === undefined ? {} : { condition }) };
    source.outgoing.push(flowId);
    target.incoming.push(flowId);
  }
}

/** True when a flow end is a built or a refused node (which has its problem already); else reports the missing end. */
function flowEndKnown(ctx: BuildContext, draft: ProcessDraft, flowId: string, end: string, id: string | undefined, found: boolean): boolean {
  if (found) return true;
  if (id === undefined) {
    report(ctx, 'MISSING_REFERENCE', flowId, `sequence flow "${flowId}" has no ${end}Ref; connect it to a flow node`);
    return false;
  }
  if (draft.nodes.has(id) || isRefused(ctx, id)) return true;
  report(ctx, 'MISSING_REFERENCE', flowId, `sequence flow "${flowId}" has ${end}Ref "${id}", but no flow node with that id exists; fix the reference`);
  return false;
}

/** A refused node already has its own problem; a flow to it needs none more. */
function isRefused(ctx: BuildContext, id: string): boolean {
  return ctx.problems.some((p) => p.elementId === id && p.severity === 'error');
}

function attachBoundaries(ctx: BuildContext, draft: ProcessDraft, unresolved: UnresolvedRefs): void {
  for (const element of Object.values(draft.elements)) {
    if (element.type !== 'boundaryEvent') continue;
    const node = draft.nodes.get(element.elementId);
    const host = draft.elements[element.attachedToId];
    if (!host) {
      const raw = element.attachedToId || (node ? rawRef(unresolved, node, 'bpmn:attachedToRef') : undefined);
      if (raw !== undefined && isRefused(ctx, raw)) continue;
      const why = raw === undefined ? 'has no attachedToRef' : `is attached to "${raw}", which does not exist`;
      report(ctx, 'MISSING_REFERENCE', element.elementId, `boundary event "${element.elementId}" ${why}; attach it to a task, subprocess or call activity`);
      continue;
    }
    if (!isActivity(host.type) || (host.type === 'subProcess' && host.triggeredByEvent)) {
      report(ctx, 'INVALID_BOUNDARY', element.elementId, `boundary event "${element.elementId}" is attached to ${host.type} "${host.elementId}"; attach it to a task, subprocess or call activity`);
      continue;
    }
    if (host.scopeId !== element.scopeId) {
      report(ctx, 'INVALID_BOUNDARY', element.elementId, `boundary event "${element.elementId}" sits in another scope than "${host.elementId}"; move it next to the activity`);
      continue;
    }
    if (element.event.type === 'error' && !element.cancelActivity) {
      report(ctx, 'INVALID_BOUNDARY', element.elementId, `error boundary event "${element.elementId}" is non-interrupting; error boundary events always interrupt: remove cancelActivity="false"`);
      continue;
    }
    host.boundaryEventIds.push(element.elementId);
  }
}

/** Activities a boundary event may sit on. */
export function isActivity(type: string): boolean {
  return type.endsWith('Task') || type === 'task' || type === 'subProcess' || type === 'callActivity';
}

function collectLinks(ctx: BuildContext, draft: ProcessDraft): void {
  for (const element of Object.values(draft.elements)) {
    if (element.type !== 'intermediateCatchEvent' || element.event.type !== 'link') continue;
    const key = `${element.scopeId}/${element.event.linkName}`;
    const existing = draft.linkTargets[key];
    if (existing !== undefined) {
      const node = draft.nodes.get(element.elementId);
      report(ctx, 'DUPLICATE_ID', element.elementId, `link catch events "${existing}" and ${node ? describe(node) : element.elementId} share the link name "${element.event.linkName}" in one scope; link names must be unique per scope`);
      continue;
    }
    draft.linkTargets[key] = element.elementId;
  }
}

import type { FlowElement, ProcessDefinition } from '@baton/model';
import { childrenOf, emit, hasChildren, recordOf, type Ctx } from '../context.js';
import { openEventSubprocessWaits } from '../elements/containers/event-subprocess.js';
import { openBoundaryWaits } from '../elements/events/boundary-event.js';
import { activateElement } from '../elements/common/flow.js';
import { terminateInstance } from '../elements/common/instance.js';
import { terminateElement } from '../elements/common/terminate.js';
import { setLocal, visibleFrom } from '../elements/common/variables.js';
import { ROOT, scopeKeyOf, type Draft, type ElementRecord } from '../state/records.js';
import type { ModifyInstance, ModificationActivation } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import { rejection } from './rejection.js';

const code = 'VALIDATION_FAILED';

/** One instruction the modification cannot apply, and why (the shape of @baton/errors' Problem: `field` names the instruction). */
interface Problem {
  readonly code: 'VALIDATION_FAILED';
  readonly field: string;
  readonly message: string;
}

/**
 * Modify a running instance (Camunda 8's process instance modification): activate
 * elements (creating the subprocess instances they need, with variables in the scopes
 * named) and terminate element instances, in one atomic command. Every instruction is
 * checked first; one bad instruction refuses the whole command and names each problem.
 * Activations run before terminations (as Zeebe does); a subprocess left with nothing
 * inside by a termination is terminated too, and an instance left with nothing is terminated.
 */
export function modifyInstance(ctx: Ctx, command: ModifyInstance): Rejection | undefined {
  const problems = [...command.activate.flatMap((a, i) => activationProblems(ctx, a, i)), ...command.terminate.flatMap((t, i) => terminationProblems(ctx.draft, t, i))];
  if (command.activate.length === 0 && command.terminate.length === 0) problems.push({ code, field: 'body', message: 'Give at least one activate or terminate instruction.' });
  if (problems.length > 0) {
    const message = `The modification of instance '${ctx.draft.instanceId}' was refused, nothing changed: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`;
    return rejection('VALIDATION_FAILED', message, { instanceId: ctx.draft.instanceId, problems });
  }
  const terminated = command.terminate.flatMap((t) => ('elementInstanceId' in t ? [t.elementInstanceId] : activeOf(ctx.draft, t.elementId).map((r) => r.elementInstanceId)));
  emit(ctx, { type: 'InstanceModified', activatedElementIds: command.activate.map((a) => a.elementId), terminatedElementInstanceIds: terminated });
  for (const activation of command.activate) activate(ctx, activation);
  for (const elementInstanceId of terminated) {
    const rec = ctx.draft.elementInstances[elementInstanceId];
    if (rec === undefined) continue; // inside one terminated before
    terminateElement(ctx, elementInstanceId);
    terminateEmptiedScopes(ctx, rec.parentElementInstanceId);
  }
  return undefined;
}

function activeOf(draft: Draft, elementId: string): ElementRecord[] {
  return Object.values(draft.elementInstances).filter((rec) => rec.elementId === elementId && rec.isMultiInstanceBody !== true);
}

/** The ids of the subprocesses enclosing an element, outermost first (the process scope left out). */
export function enclosingScopes(definition: ProcessDefinition, elementId: string): string[] {
  const chain: string[] = [];
  let scopeId = scopeOf(definition, elementId);
  while (scopeId !== undefined && scopeId !== definition.processId) {
    chain.unshift(scopeId);
    scopeId = definition.scopes[scopeId]?.parentScopeId;
  }
  return chain;
}

function scopeOf(definition: ProcessDefinition, elementId: string): string | undefined {
  return Object.values(definition.scopes).find((scope) => scope.childIds.includes(elementId))?.scopeId;
}

const notActivatable: Partial<Record<FlowElement['type'], string>> = {
  startEvent: 'a start event cannot be activated (activate the element after it)',
  boundaryEvent: 'a boundary event cannot be activated (activate its activity, or the element after it)',
};

function activationProblems(ctx: Ctx, activation: ModificationActivation, index: number): Problem[] {
  const instruction = `activateInstructions[${index}]`;
  const element = ctx.definition.elements[activation.elementId];
  if (element === undefined) return [{ code, field: instruction, message: `No element '${activation.elementId}' in process '${ctx.definition.processId}' (definition ${ctx.definition.definitionKey}); use an element id from its model.` }];
  const problems: Problem[] = [];
  const why = notActivatable[element.type];
  if (why !== undefined) problems.push({ code, field: instruction, message: `'${element.elementId}': ${why}.` });
  if (element.incoming.some((flowId) => ctx.definition.elements[ctx.definition.flows[flowId]?.sourceId ?? '']?.type === 'eventBasedGateway')) {
    problems.push({ code, field: instruction, message: `'${element.elementId}' follows an event-based gateway; activate the gateway instead.` });
  }
  const scopes = enclosingScopes(ctx.definition, element.elementId);
  const ancestor = activation.ancestorElementInstanceId;
  const ancestorRec = ancestor === undefined || ancestor === ctx.draft.instanceId ? undefined : ctx.draft.elementInstances[ancestor];
  if (ancestor !== undefined && ancestor !== ctx.draft.instanceId && (ancestorRec === undefined || !scopes.includes(ancestorRec.elementId))) {
    problems.push({ code, field: instruction, message: `ancestorElementInstanceKey '${ancestor}' is not an active instance of a subprocess enclosing '${element.elementId}' (${scopes.length === 0 ? 'it sits in the process scope: leave the ancestor out' : `enclosing: ${scopes.join(', ')}`}).` });
  }
  const below = ancestorRec === undefined ? scopes : scopes.slice(scopes.indexOf(ancestorRec.elementId) + 1);
  let parent = ancestorRec?.elementInstanceId;
  for (const scopeId of below) {
    if (ctx.definition.elements[scopeId]?.multiInstance !== undefined) {
      problems.push({ code, field: instruction, message: `'${element.elementId}' sits inside the multi-instance subprocess '${scopeId}'; name the inner instance to activate it in with ancestorElementInstanceKey.` });
      break;
    }
    const found = Object.values(ctx.draft.elementInstances).filter((rec) => rec.elementId === scopeId && rec.parentElementInstanceId === parent);
    if (found.length > 1) {
      problems.push({ code, field: instruction, message: `'${scopeId}' has ${found.length} active instances (${found.map((r) => r.elementInstanceId).join(', ')}); name one with ancestorElementInstanceKey.` });
      break;
    }
    if (found.length === 0) break; // created by the activation, and everything below it
    parent = found[0]?.elementInstanceId;
  }
  for (const [i, variables] of (activation.variables ?? []).entries()) {
    const scopeId = variables.scopeElementId;
    if (scopeId !== undefined && scopeId !== '' && scopeId !== element.elementId && scopeId !== ctx.definition.processId && !scopes.includes(scopeId)) {
      problems.push({ code, field: `${instruction}.variableInstructions[${i}]`, message: `scopeId '${scopeId}' is neither '${element.elementId}' nor a scope enclosing it (${[ctx.definition.processId, ...scopes].join(', ')}).` });
    }
  }
  return problems;
}

function terminationProblems(draft: Draft, termination: ModifyInstance['terminate'][number], index: number): Problem[] {
  const instruction = `terminateInstructions[${index}]`;
  if ('elementId' in termination) {
    return activeOf(draft, termination.elementId).length > 0 ? [] : [{ code, field: instruction, message: `No active instance of element '${termination.elementId}' to terminate.` }];
  }
  if (termination.elementInstanceId === draft.instanceId) return [{ code, field: instruction, message: `'${termination.elementInstanceId}' is the process instance itself: cancel it instead (POST /v2/process-instances/{key}/cancellation).` }];
  return draft.elementInstances[termination.elementInstanceId] === undefined
    ? [{ code, field: instruction, message: `No active element instance '${termination.elementInstanceId}' in this process instance; it may have completed already.` }]
    : [];
}

/** Activate one element: the subprocess instances it needs (made without starting them), the variables, then the element itself. */
function activate(ctx: Ctx, activation: ModificationActivation): void {
  const scopes = enclosingScopes(ctx.definition, activation.elementId);
  const ancestor = activation.ancestorElementInstanceId === ctx.draft.instanceId ? undefined : activation.ancestorElementInstanceId;
  const start = ancestor === undefined ? 0 : scopes.indexOf(recordOf(ctx, ancestor).elementId) + 1;
  let parent = ancestor;
  const scopeInstanceOf: Record<string, string | undefined> = { [ctx.definition.processId]: undefined };
  for (let i = 0; i < start; i++) scopeInstanceOf[scopes[i] as string] = undefined;
  if (ancestor !== undefined) scopeInstanceOf[recordOf(ctx, ancestor).elementId] = ancestor;
  for (const scopeId of scopes.slice(start)) {
    const existing = childrenOf(ctx, parent).find((rec) => rec.elementId === scopeId);
    parent = existing?.elementInstanceId ?? openScope(ctx, scopeId, parent);
    scopeInstanceOf[scopeId] = parent;
  }
  const elementInstanceId = activateElement(ctx, activation.elementId, parent);
  scopeInstanceOf[activation.elementId] = elementInstanceId;
  for (const { scopeElementId, variables } of activation.variables ?? []) {
    const scope = scopeElementId === undefined || scopeElementId === '' ? undefined : scopeInstanceOf[scopeElementId];
    setLocal(ctx, scope === undefined ? ROOT : scopeKeyOf(scope), variables);
  }
}

/** A subprocess instance for an element activated inside it: its boundary events and event subprocesses listen, its start event does not run. */
function openScope(ctx: Ctx, scopeId: string, parent: string | undefined): string {
  const elementInstanceId = activateElement(ctx, scopeId, parent, { manual: true });
  const rec = recordOf(ctx, elementInstanceId);
  const element = ctx.definition.elements[scopeId] as FlowElement;
  openBoundaryWaits(ctx, element, rec);
  openEventSubprocessWaits(ctx, scopeId, elementInstanceId, visibleFrom(ctx.draft, elementInstanceId));
  return elementInstanceId;
}

/** After a termination: a subprocess with nothing left inside is terminated, up to the instance. */
function terminateEmptiedScopes(ctx: Ctx, scopeElementInstanceId: string | undefined): void {
  let scope = scopeElementInstanceId;
  for (;;) {
    if (ctx.draft.status !== 'active' || hasChildren(ctx, scope) || ctx.draft.joins?.[scopeKeyOf(scope)] !== undefined) return;
    if (scope === undefined) return terminateInstance(ctx, { type: 'terminated' });
    const rec = ctx.draft.elementInstances[scope];
    if (rec === undefined) return;
    terminateElement(ctx, scope);
    scope = rec.parentElementInstanceId;
  }
}

import type { FlowElement } from '@baton/model';
import { emit, type Ctx } from '../context.js';
import { closeWaitsOf, openEventWait } from '../elements/common/waits.js';
import { visibleFrom } from '../elements/common/variables.js';
import type { ElementRecord } from '../state/records.js';
import type { MigrateInstance } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import { enclosingScopes } from './modify-instance.js';
import { rejection } from './rejection.js';

const code = 'VALIDATION_FAILED';

interface Problem {
  readonly code: typeof code;
  readonly field: string;
  readonly elementId?: string;
  readonly message: string;
}

/**
 * Migrate a running instance to another version of its process (Camunda 8's process
 * instance migration): every active element instance moves to the element its mapping
 * instruction names, keeping its jobs, user tasks, timers, subscriptions, incidents and
 * variables. Checked first: each active element needs a mapping to an element of the same
 * type in the mapped flow scope; one problem refuses the whole command, listing every
 * problem. Boundary events and event subprocess starts that are mapped keep their
 * subscriptions; unmapped source ones close; target ones nobody mapped open.
 * `ctx.definition` is the target definition.
 */
export function migrateInstance(ctx: Ctx, command: MigrateInstance): Rejection | undefined {
  const mapping = new Map(command.mappings.map((m) => [m.sourceElementId, m.targetElementId]));
  const problems = migrationProblems(ctx, command, mapping);
  if (problems.length > 0) {
    const message = `The migration of instance '${ctx.draft.instanceId}' to definition ${command.targetDefinitionKey} was refused, nothing changed: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`;
    return rejection('VALIDATION_FAILED', message, { instanceId: ctx.draft.instanceId, targetDefinitionKey: command.targetDefinitionKey, problems });
  }
  // Subscriptions of boundary events and event subprocess starts nobody mapped close first (under their old ids).
  const owners = new Map(Object.values(ctx.draft.elementInstances).map((rec) => [rec.elementInstanceId, rec]));
  const isUnmappedExtra = (wait: { readonly elementId: string; readonly elementInstanceId?: string }): boolean => isExtra(ctx, owners, wait) && !mapping.has(wait.elementId);
  for (const ownerId of new Set(Object.values(ctx.draft.waits).filter(isUnmappedExtra).map((w) => w.elementInstanceId))) closeWaitsOf(ctx, ownerId, isUnmappedExtra);
  const used: Record<string, string> = {};
  for (const id of new Set([...Object.values(ctx.draft.elementInstances).map((r) => r.elementId), ...Object.values(ctx.draft.waits).map((w) => w.elementId), ...Object.values(ctx.draft.incidents).map((i) => i.elementId)])) {
    const target = mapping.get(id);
    if (target !== undefined && target !== id) used[id] = target;
  }
  emit(ctx, { type: 'InstanceMigrated', fromDefinitionKey: ctx.draft.definitionKey, toDefinitionKey: command.targetDefinitionKey, elementIds: used });
  openTargetSubscriptions(ctx);
  return undefined;
}

/** A wait that is not the element's own: a boundary event of its activity, or an event subprocess start of its scope (or of the process). */
function isExtra(ctx: Ctx, owners: ReadonlyMap<string, ElementRecord>, wait: { readonly elementId: string; readonly elementInstanceId?: string }): boolean {
  const owner = owners.get(wait.elementInstanceId ?? '');
  return owner === undefined ? wait.elementInstanceId === ctx.draft.instanceId : owner.elementId !== wait.elementId;
}

function migrationProblems(ctx: Ctx, command: MigrateInstance, mapping: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const { definition, draft } = ctx;
  if (draft.definitionKey === command.targetDefinitionKey) problems.push({ code, field: 'targetProcessDefinitionKey', message: `The instance already runs definition ${command.targetDefinitionKey}; name another version.` });
  if (draft.processId !== definition.processId) {
    problems.push({ code, field: 'targetProcessDefinitionKey', message: `Definition ${command.targetDefinitionKey} is of process '${definition.processId}'; Baton migrates between versions of one process ('${draft.processId}').` });
  }
  const sources = new Map<string, number>();
  for (const [i, m] of command.mappings.entries()) {
    sources.set(m.sourceElementId, (sources.get(m.sourceElementId) ?? 0) + 1);
    if (definition.elements[m.targetElementId] === undefined) problems.push({ code, field: `mappingInstructions[${i}].targetElementId`, elementId: m.sourceElementId, message: `No element '${m.targetElementId}' in the target definition.` });
  }
  for (const [source, count] of sources) if (count > 1) problems.push({ code, field: 'mappingInstructions', elementId: source, message: `'${source}' is mapped ${count} times; map each source element once.` });
  if (Object.keys(draft.joins ?? {}).length > 0) problems.push({ code, field: 'processInstanceKey', message: 'Tokens wait at a joining gateway; migrate after the join fires (or move them with a modification).' });
  for (const rec of Object.values(draft.elementInstances)) {
    if (rec.loopCounter !== undefined) continue; // an inner instance moves with its body
    const problem = elementProblem(ctx, rec, mapping);
    if (problem !== undefined) problems.push({ code, field: 'mappingInstructions', elementId: rec.elementId, message: problem });
  }
  return problems;
}

function elementProblem(ctx: Ctx, rec: ElementRecord, mapping: ReadonlyMap<string, string>): string | undefined {
  const targetId = mapping.get(rec.elementId);
  if (targetId === undefined) return `The active element '${rec.elementId}' (${rec.elementType}) has no mapping instruction; map it to an element of the target.`;
  const target: FlowElement | undefined = ctx.definition.elements[targetId];
  if (target === undefined) return undefined; // reported with its instruction
  if (target.type !== rec.elementType) return `'${rec.elementId}' is a ${rec.elementType} but '${targetId}' is a ${target.type}; map it to an element of the same type.`;
  if ((rec.isMultiInstanceBody === true) !== (target.multiInstance !== undefined)) return `'${rec.elementId}' and '${targetId}' differ in multi-instance; map it to an element that ${rec.isMultiInstanceBody === true ? 'is' : 'is not'} multi-instance.`;
  if (rec.elementType === 'eventBasedGateway') return `'${rec.elementId}' is an event-based gateway waiting for its events; Baton does not migrate it yet: wait for an event, or move the token with a modification.`;
  const parent = rec.parentElementInstanceId === undefined ? undefined : ctx.draft.elementInstances[rec.parentElementInstanceId];
  const expectedScope = parent === undefined ? undefined : mapping.get(parent.elementId);
  const actualScope = enclosingScopes(ctx.definition, targetId).at(-1);
  if (expectedScope !== actualScope) {
    return `'${targetId}' sits in ${actualScope === undefined ? 'the process scope' : `'${actualScope}'`}, but '${rec.elementId}' is in ${parent === undefined ? 'the process scope' : `'${parent.elementId}' (mapped to '${expectedScope ?? '?'}')`}; the flow scope must map too.`;
  }
  return undefined;
}

/** After the move: boundary events of migrated activities and event subprocess starts of their scopes that nothing subscribes yet. */
function openTargetSubscriptions(ctx: Ctx): void {
  const open = new Set(Object.values(ctx.draft.waits).map((w) => `${w.elementInstanceId}/${w.elementId}`));
  const scopes: [string, string][] = [[ctx.definition.processId, ctx.draft.instanceId]];
  for (const rec of Object.values(ctx.draft.elementInstances)) {
    if (rec.elementType === 'subProcess' && rec.loopCounter === undefined && rec.isMultiInstanceBody !== true) scopes.push([rec.elementId, rec.elementInstanceId]);
    if (rec.loopCounter !== undefined) continue; // the body owns the boundary events
    for (const boundary of ctx.index.boundaries[rec.elementId] ?? []) {
      if (boundary.event === undefined || open.has(`${rec.elementInstanceId}/${boundary.elementId}`)) continue;
      openEventWait(ctx, { elementId: boundary.elementId, elementInstanceId: rec.elementInstanceId }, boundary.event, visibleFrom(ctx.draft, rec.elementInstanceId));
    }
  }
  for (const [scopeId, ownerId] of scopes) {
    for (const start of ctx.index.eventSubprocessStarts[scopeId] ?? []) {
      if (start.event === undefined || open.has(`${ownerId}/${start.elementId}`)) continue;
      openEventWait(ctx, { elementId: start.elementId, elementInstanceId: ownerId }, start.event, visibleFrom(ctx.draft, ownerId === ctx.draft.instanceId ? undefined : ownerId));
    }
  }
}

import type { EventDefinition } from '@baton/model';
import { emit, ids, recordOf, type Ctx } from '../../context.js';
import type { BoundaryElement, StartElement } from '../../definition/definition-index.js';
import type { ElementRecord } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import { notifyParent, terminateInstance } from '../common/instance.js';
import { triggerEventSubprocess } from '../containers/event-subprocess.js';
import { triggerBoundary } from './boundary-event.js';

export type ThrowKind = 'error' | 'escalation';

type Catcher =
  | { readonly kind: 'boundary'; readonly boundary: BoundaryElement; readonly activity: ElementRecord }
  | { readonly kind: 'eventSubprocess'; readonly start: StartElement; readonly scopeElementInstanceId: string | undefined };

/** What became of a throw. */
export type ThrowOutcome =
  /** Caught by an interrupting catch: the thrower may be gone. */
  | 'interrupted'
  /** Caught by a non-interrupting catch: the thrower continues. */
  | 'continued'
  /** Nothing caught it (an escalation then continues; an error needs an incident). */
  | 'uncaught'
  /** An uncaught error ended this called instance; the parent was told. */
  | 'ended';

function codeOf(event: EventDefinition | undefined, kind: ThrowKind): { code: string | undefined } | undefined {
  if (event?.type !== kind) return undefined;
  return { code: event.type === 'error' ? event.errorCode : event.type === 'escalation' ? event.escalationCode : undefined };
}

/** An exact code match first, then a catch-all without code. */
function pick<T extends { event?: EventDefinition }>(candidates: readonly T[], kind: ThrowKind, code: string): T | undefined {
  let catchAll: T | undefined;
  for (const candidate of candidates) {
    const match = codeOf(candidate.event, kind);
    if (match === undefined) continue;
    if (match.code === code) return candidate;
    if (match.code === undefined || match.code === '') catchAll ??= candidate;
  }
  return catchAll;
}

/** Walk from the thrower outwards: its boundary events, then the event subprocesses of each enclosing scope and that scope's boundaries. */
function findCatcher(ctx: Ctx, throwerId: string, kind: ThrowKind, code: string): Catcher | undefined {
  let current: ElementRecord | undefined = recordOf(ctx, throwerId);
  while (current !== undefined) {
    if (current.loopCounter === undefined) {
      const boundary = pick(ctx.index.boundaries[current.elementId] ?? [], kind, code);
      if (boundary !== undefined) return { kind: 'boundary', boundary, activity: current };
    }
    const parentId: string | undefined = current.parentElementInstanceId;
    const parent: ElementRecord | undefined = parentId === undefined ? undefined : recordOf(ctx, parentId);
    const scopeId = parent === undefined ? ctx.definition.processId : parent.isMultiInstanceBody === true ? undefined : parent.elementId;
    if (scopeId !== undefined) {
      // An event subprocess does not catch what is thrown inside itself (it would restart forever).
      const inside = current.elementId;
      const starts = (ctx.index.eventSubprocessStarts[scopeId] ?? []).filter((start) => start.scopeId !== inside);
      const start = pick(starts, kind, code);
      if (start !== undefined) return { kind: 'eventSubprocess', start, scopeElementInstanceId: parentId };
    }
    current = parent;
  }
  return undefined;
}

/**
 * Throw a BPMN error or escalation from an element instance and let the nearest
 * matching catch take it. An uncaught error in a called instance ends it and
 * tells the parent; an uncaught escalation is passed to the parent too, and
 * this instance continues.
 */
export function throwEvent(ctx: Ctx, throwerId: string, kind: ThrowKind, code: string, variables: Variables, message?: string): ThrowOutcome {
  const thrower = recordOf(ctx, throwerId);
  const catcher = findCatcher(ctx, throwerId, kind, code);
  const caughtBy = catcher === undefined ? undefined : catcher.kind === 'boundary' ? catcher.boundary.elementId : catcher.start.elementId;
  emit(ctx, { type: 'EventThrown', ...ids(thrower), kind, code, ...(caughtBy === undefined ? {} : { caughtBy }) });
  if (catcher?.kind === 'boundary') {
    triggerBoundary(ctx, catcher.boundary, catcher.activity, variables);
    return catcher.boundary.cancelActivity ? 'interrupted' : 'continued';
  }
  if (catcher?.kind === 'eventSubprocess') {
    triggerEventSubprocess(ctx, catcher.start, catcher.scopeElementInstanceId, variables);
    return catcher.start.isInterrupting ? 'interrupted' : 'continued';
  }
  if (ctx.draft.parent === undefined) return 'uncaught';
  if (kind === 'escalation') {
    notifyParent(ctx, { type: 'escalation', escalationCode: code, variables });
    return 'uncaught';
  }
  const outcome = { type: 'error' as const, errorCode: code, variables, ...(message === undefined ? {} : { errorMessage: message }) };
  terminateInstance(ctx, outcome);
  return 'ended';
}

import { childKey } from './keys.js';
import type { FlowElement, ProcessDefinition } from '@baton/model';
import { elementOf, indexOf, type DefinitionIndex } from './definition/definition-index.js';
import type { BehaviorLookup } from './elements/behavior.js';
import { applyEvent } from './state/apply.js';
import { currentEventVersion } from './state/event-appliers.js';
import type { Draft, ElementRecord } from './state/records.js';
import type { Variables } from './types/commands.js';
import type { DecisionLookup } from './types/deployed-decision.js';
import type { Effect } from './types/effects.js';
import type { InstanceEvent } from './types/events.js';

/** Deferred work, run in order after the current move, so siblings exist before any of them finishes. */
export type AgendaItem =
  /** Run the behaviour of an activated element (inputs, boundary subscriptions, its own activation). */
  | { readonly kind: 'activate'; readonly elementInstanceId: string; readonly continued?: true }
  /** An element activated by a trigger completes at once with the trigger's variables. */
  | { readonly kind: 'completeWith'; readonly elementInstanceId: string; readonly variables: Variables }
  /** An inner instance of a multi-instance body completed (or the completion condition must be re-checked). */
  | { readonly kind: 'innerCompleted'; readonly bodyElementInstanceId: string }
  /** A conditional event's condition turned true: trigger it if its subscription is still open. */
  | { readonly kind: 'triggerCondition'; readonly subscriptionKey: string };

/** Everything one `decide` works with: the draft it changes by events, and what it has emitted. */
export interface Ctx {
  readonly draft: Draft;
  readonly at: number;
  readonly definition: ProcessDefinition;
  readonly index: DefinitionIndex;
  readonly events: InstanceEvent[];
  readonly effects: Effect[];
  readonly agenda: AgendaItem[];
  /** A fresh instance key for a child instance (call activity), from the shell; see DecideOptions. */
  readonly newInstanceKey: (() => string) | undefined;
  /** The deployed decisions business rule tasks call, from the shell; see DecideOptions. */
  readonly decisions: DecisionLookup | undefined;
  /** The lifecycle of an element instance (the registry, passed in so elements can dispatch without importing it). */
  readonly behaviorOf: BehaviorLookup;
}

/** What the shell lends one `decide` (see DecideOptions). */
export interface ShellHooks {
  readonly newInstanceKey?: (() => string) | undefined;
  readonly decisions?: DecisionLookup | undefined;
}

export function createCtx(draft: Draft, at: number, definition: ProcessDefinition, behaviorOf: BehaviorLookup, hooks: ShellHooks = {}): Ctx {
  return { draft, at, definition, index: indexOf(definition), events: [], effects: [], agenda: [], newInstanceKey: hooks.newInstanceKey, decisions: hooks.decisions, behaviorOf };
}

type WithoutBase<E> = E extends InstanceEvent ? Omit<E, 'instanceId' | 'at'> : never;

/** Record an event and fold it into the draft at once, so later moves see it. */
export function emit(ctx: Ctx, event: WithoutBase<InstanceEvent>): void {
  // Callers pass a fresh literal, so completing it in place is safe (and faster than a spread).
  const full = event as InstanceEvent & { instanceId: string; at: number; v?: number };
  full.instanceId = ctx.draft.instanceId;
  full.at = ctx.at;
  // Version 1 stays unstamped, so histories of unchanged types keep their shape (see event-appliers.ts).
  const version = currentEventVersion(full.type);
  if (version > 1) full.v = version;
  applyEvent(ctx.draft, full);
  ctx.events.push(full);
}

export function effect(ctx: Ctx, value: Effect): void {
  ctx.effects.push(value);
}

/** The key the next key-allocating event will carry. */
export function nextKey(ctx: Ctx): string {
  return childKey(ctx.draft.instanceId, ctx.draft.seq + 1);
}

/** The active element instance; a missing one is a bug in the caller. */
export function recordOf(ctx: Ctx, elementInstanceId: string): ElementRecord {
  const rec = ctx.draft.elementInstances[elementInstanceId];
  if (rec === undefined) throw new Error(`bug: no active element instance ${elementInstanceId}`);
  return rec;
}

export function elementAt(ctx: Ctx, elementId: string): FlowElement {
  return elementOf(ctx.definition, elementId);
}

/** Active element instances directly inside a scope instance (undefined: the process). */
export function childrenOf(ctx: Ctx, parentElementInstanceId: string | undefined): ElementRecord[] {
  const children: ElementRecord[] = [];
  for (const id in ctx.draft.elementInstances) {
    const rec = ctx.draft.elementInstances[id] as ElementRecord;
    if (rec.parentElementInstanceId === parentElementInstanceId) children.push(rec);
  }
  return children;
}

/** Is any element instance active directly inside a scope instance (undefined: the process)? Stops at the first. */
export function hasChildren(ctx: Ctx, parentElementInstanceId: string | undefined): boolean {
  for (const id in ctx.draft.elementInstances) {
    if ((ctx.draft.elementInstances[id] as ElementRecord).parentElementInstanceId === parentElementInstanceId) return true;
  }
  return false;
}

/** Element events need the element id and instance id of a record. */
export function ids(rec: ElementRecord): { elementId: string; elementInstanceId: string } {
  return { elementId: rec.elementId, elementInstanceId: rec.elementInstanceId };
}

import type { InstanceEvent } from '../types/events.js';
import type { InstanceState } from '../types/state.js';
import { applierOf, creationApplierOf } from './event-appliers.js';
import { asState, draftOf, type Draft } from './records.js';

/**
 * Fold one event into a state, returning a new state (the input is not touched).
 * `InstanceCreated` starts from `undefined`; every other event needs a state.
 * Events of every released version fold (see `event-appliers.ts`); an unknown
 * type or version throws HISTORY_UNREADABLE.
 */
export function evolve(state: InstanceState | undefined, event: InstanceEvent): InstanceState {
  return asState(applyEvent(state === undefined ? undefined : draftOf(state), event));
}

/** Fold many events, copying the state once. */
export function replay(state: InstanceState | undefined, events: readonly InstanceEvent[]): InstanceState | undefined {
  let draft = state === undefined ? undefined : draftOf(state);
  for (const event of events) draft = applyEvent(draft, event);
  return draft === undefined ? undefined : asState(draft);
}

/**
 * Fold one event into a draft by the applier of its type and version. The one
 * place state changes. The draft's maps are its own (see `draftOf`), but the
 * values in them may be shared with the state it was drawn from: values are
 * replaced, never changed in place.
 */
export function applyEvent(draft: Draft | undefined, event: InstanceEvent): Draft {
  if (event.type === 'InstanceCreated') return creationApplierOf(event)(event);
  if (draft === undefined) throw new Error(`bug: ${event.type} folded before InstanceCreated`);
  applierOf(event)(draft, event);
  return draft;
}

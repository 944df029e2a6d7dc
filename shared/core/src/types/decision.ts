import type { ErrorCode } from '@baton/errors';
import type { Effect } from './effects.js';
import type { InstanceState } from './state.js';

/** A command refused: state unchanged, nothing to commit. */
export interface Rejection {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * What `decide` returns. On success `state` equals the events folded over the
 * input state with `evolve`; the shell commits state, events and effects at once.
 */
export type Decision<Event> =
  | { readonly ok: true; readonly state: InstanceState; readonly events: readonly Event[]; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly rejection: Rejection };

/**
 * @baton/core: the pure execution core. `decide(state, command, definition)`
 * returns events and effects; `evolve(state, event)` folds one event. Isomorphic
 * and deterministic: time comes with the command, keys from `state.seq`.
 */
export { decide } from './decide.js';
export type { DecideOptions } from './decide.js';
export type { ExpressionLimits } from '@baton/feel';
export { defaultExpressionLimits } from '@baton/feel';
export { evolve, replay } from './state/apply.js';
export { currentEventVersion, registeredEventVersions } from './state/event-appliers.js';
export { visibleVariables, waitingElementIds, isActive, hasIncident } from './queries.js';
export { assertNever } from './assert-never.js';
export { waitKeyOf } from './wait-key.js';
export { continuationJobType } from './elements/common/continuation.js';
export { childKey, instanceKeyOf, isNumericKey, keyOfInstanceNumber, keySeqBits, maxInstanceNumber } from './keys.js';
export type * from './types/commands.js';
export type * from './types/effects.js';
export type * from './types/state.js';
export type * from './types/decision.js';
export type * from './types/events.js';
export type * from './types/deployed-decision.js';

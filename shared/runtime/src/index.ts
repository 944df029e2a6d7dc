/**
 * @baton/runtime: the ports (ProcessStore, JobQueue, MessageBus, Clock) and the
 * shell around the pure core (load, decide, commit with version check, dispatch
 * effects, retry) plus the Engine facade the API, the CLI and scenarios use.
 */
export type * from './ports/index.js';
export { systemClock, sleepOn } from './clock/system-clock.js';
export { VirtualClock } from './clock/virtual-clock.js';
export { ControlledClock } from './clock/controlled-clock.js';
export { ClockFollower, clockSkewProblem, type ClockFollowerOptions, type ClockOffset, type TimeAuthority } from './clock/clock-follower.js';
export {
  createCommandProcessor,
  type CommandProcessor,
  type CommandProcessorOptions,
  type DecideFn,
  type ExecuteRequest,
  type ExecuteResult,
  type FreshCommit,
} from './command-processor.js';
export { diffIndexes, noIndexChanges, isEmptyIndexChanges } from './index-changes.js';
export { DefinitionRegistry, type ParseFn } from './definition-registry.js';
export { createEffectDispatcher, type DispatchTargets } from './effect-dispatcher.js';
export { createIdSource, createKeySource, KeysNotReady, type KeySource } from './ids.js';
export { createEngine } from './engine/create-engine.js';
export { entriesToAppend } from './history/entries-to-append.js';
export { createHistoryProjector, summaryOf, type HistoryLag, type HistoryProjector, type HistoryProjectorOptions } from './history/history-projector.js';
export { JobBpmnError, JobRetryLater } from './engine/jobs.js';
export {
  boundedForReading,
  checkVariables,
  defaultVariableLimits,
  maxConfigurableDepth,
  tooDeepMarker,
  variableLimitsOf,
  type VariableLimits,
} from './variable-limits.js';
export { isJobOver, scopeChainVariables } from './engine/engine-context.js';
export { startEventsOf } from './engine/deployments.js';
export type * from './engine/engine-types.js';
export type { StandaloneEvaluation } from './engine/deployed-decisions.js';
export type { DecisionDefinitionRecord, DecisionRequirementsRecord, StoredRequirements } from './engine/decision-catalog.js';
export type { RuntimeLogger } from './engine/incident-log.js';
export * from './cluster/index.js';
export { checkFormSubmission, sameJson } from './forms/form-submission.js';
export type { FormComponent, FormSchema, FormValidation } from './forms/form-fields.js';

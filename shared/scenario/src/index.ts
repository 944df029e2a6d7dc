/**
 * @baton/scenario: the `*.scenario.json` runner (shared/spec/scenario.md, format v1),
 * used by `baton test` and by the project's conformance suite.
 */
export type {
  Action,
  ActionType,
  BpmnSource,
  Expectation,
  ExpectationType,
  ExpectedState,
  Scenario,
  ScenarioResult,
  Step,
  StepType,
  Variables,
} from './types.js';
export { stepType } from './types.js';
export { defaultClock, loadScenario } from './load-scenario.js';
export { findFiles, type FoundPath } from './find-files.js';
export { runScenario, type RunScenarioOptions } from './run-scenario.js';
export { runScenarioFile, runScenarioFiles, scenarioSuffix, type RunScenarioFilesOptions } from './run-scenario-files.js';
export { failureReason, formatResultJson, formatResultLine, formatSummary } from './report.js';
export { checkMultiset, checkNotCompleted, checkVariables, jsonEquals, sameMultiset } from './matchers.js';
export type { DeployedFile, ScenarioEngine, Started } from './scenario-engine.js';
export { createMemoryScenarioEngine } from './memory-scenario-engine.js';
export { createStoreScenarioEngine } from './store-scenario-engine.js';

/**
 * A loaded scenario (shared/spec/scenario.md, format v1.1): the JSON file checked
 * and turned into a closed union of steps, with its BPMN files read.
 */
export type Variables = Record<string, unknown>;

/** A BPMN file named by the scenario, read at load time. */
export interface BpmnSource {
  /** The path as written in the scenario (relative to the scenario file). */
  readonly path: string;
  /** The absolute path. */
  readonly file: string;
  readonly xml: string;
}

export interface Scenario {
  readonly name: string;
  /** Absolute path of the scenario file; undefined for a scenario built in memory. */
  readonly file?: string;
  readonly bpmn: readonly BpmnSource[];
  /** Id of the process `start` starts; undefined means the only executable process of the first file. */
  readonly process?: string;
  /** Start of the virtual clock, epoch ms. */
  readonly clockMs: number;
  readonly steps: readonly Step[];
}

/** The states `expectState` can name. */
export type ExpectedState = 'active' | 'completed' | 'cancelled' | 'incident';

export const expectedStates: readonly ExpectedState[] = ['active', 'completed', 'cancelled', 'incident'];

export type Action =
  | { readonly type: 'start'; readonly message?: string; readonly variables: Variables }
  | { readonly type: 'completeJob'; readonly element: string; readonly variables: Variables }
  | { readonly type: 'failJob'; readonly element: string; readonly retries: number; readonly message: string }
  | {
      readonly type: 'throwError';
      readonly element: string;
      readonly code: string;
      readonly message?: string;
      readonly variables: Variables;
    }
  | { readonly type: 'completeUserTask'; readonly element: string; readonly variables: Variables }
  | {
      readonly type: 'correlateMessage';
      readonly name: string;
      readonly correlationKey?: string;
      readonly variables: Variables;
      /** ISO 8601 duration as written. */
      readonly timeToLive?: string;
    }
  | { readonly type: 'broadcastSignal'; readonly name: string; readonly variables: Variables }
  /** ISO 8601 duration as written. */
  | { readonly type: 'advanceTime'; readonly duration: string }
  | { readonly type: 'cancel' }
  /** Format v1.1: set variables in the root scope of the instance under test. */
  | { readonly type: 'setVariables'; readonly variables: Variables };

export type Expectation =
  | { readonly type: 'expectWaiting'; readonly elementIds: readonly string[] }
  | { readonly type: 'expectCompleted'; readonly elementIds: readonly string[] }
  | { readonly type: 'expectNotCompleted'; readonly elementIds: readonly string[] }
  | { readonly type: 'expectVariables'; readonly variables: Variables }
  | { readonly type: 'expectState'; readonly state: ExpectedState };

export type ActionType = Action['type'];
export type ExpectationType = Expectation['type'];
export type StepType = ActionType | ExpectationType;

/** One step: an action (optionally expected to be refused) or an expectation. */
export type Step =
  | { readonly kind: 'action'; readonly action: Action; readonly expectRejected: boolean }
  | { readonly kind: 'expectation'; readonly expectation: Expectation };

/** The outcome of one scenario, as printed by `baton test` (`--json` prints these fields). */
export interface ScenarioResult {
  readonly name: string;
  readonly passed: boolean;
  /** 1-based number of the step that failed; absent when the scenario failed to load or deploy. */
  readonly failedStep?: number;
  /** Why it failed: `step K (kind): why` is built from `failedStep`, the step kind and this. */
  readonly message?: string;
  /** Kind of the failed step (its key in the file), when `failedStep` is set. */
  readonly failedStepKind?: StepType;
  readonly durationMs: number;
}

/** The key of a step in the file, as shown in `step K (kind)`. */
export function stepType(step: Step): StepType {
  return step.kind === 'action' ? step.action.type : step.expectation.type;
}

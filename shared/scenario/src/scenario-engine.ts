import type { InstanceState } from '@baton/core';
import type { BpmnSource, Variables } from './types.js';

/** The processes one deployed BPMN file holds. */
export interface DeployedFile {
  readonly path: string;
  readonly processes: readonly { readonly processId: string; readonly isExecutable: boolean }[];
}

/** Instances an action started (message, signal or timer start events). */
export interface Started {
  readonly startedInstanceIds: readonly string[];
}

/**
 * What the scenario runner needs from an engine: one fresh engine per scenario, on
 * a virtual clock. Every action either resolves, or throws a `BatonError` when the
 * engine refuses it (state unchanged); any other exception is a bug, not a refusal.
 * The runner finds wait keys itself in the states `tree` returns.
 */
export interface ScenarioEngine {
  /** Deploys every file (in order) or throws `MODEL_INVALID` naming each problem. */
  deploy(sources: readonly BpmnSource[]): Promise<readonly DeployedFile[]>;
  /** Starts `processId` at its none start event, or at the message start event of that message name. */
  startInstance(processId: string, options: { readonly variables: Variables; readonly messageName?: string }): Promise<string>;
  completeJob(jobKey: string, variables: Variables): Promise<void>;
  failJob(jobKey: string, retries: number, errorMessage: string): Promise<void>;
  throwError(jobKey: string, errorCode: string, errorMessage: string | undefined, variables: Variables): Promise<void>;
  completeUserTask(userTaskKey: string, variables: Variables): Promise<void>;
  /** Publishes a message; one nothing takes is dropped, unless it has a time to live. */
  publishMessage(message: {
    readonly name: string;
    readonly correlationKey?: string;
    readonly variables: Variables;
    readonly timeToLiveMs?: number;
  }): Promise<Started>;
  broadcastSignal(name: string, variables: Variables): Promise<Started>;
  /** Current virtual time, epoch ms. */
  now(): number;
  /**
   * Moves the virtual clock to `at`, firing every timer due by then in due order,
   * each at its own due time, including timers created while doing so.
   */
  advanceTo(at: number): Promise<Started>;
  cancelInstance(instanceId: string): Promise<void>;
  /** Sets variables in the instance's root scope (a Camunda 8 variable update on the process instance); refused once it ended. */
  setVariables(instanceId: string, variables: Variables): Promise<void>;
  /** The instance and every instance it called, recursively, root first. */
  tree(rootInstanceId: string): Promise<readonly InstanceState[]>;
  /** Element ids where this instance waits (spec rules of `expectWaiting`). */
  waitingElementIds(state: InstanceState): readonly string[];
  /** Element ids completed in this instance, one per `ElementCompleted` event of a flow node. */
  completedElementIds(instanceId: string): Promise<readonly string[]>;
  /** Releases what the engine holds; called once after the scenario. */
  close?(): Promise<void>;
}

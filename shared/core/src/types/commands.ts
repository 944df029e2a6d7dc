/**
 * Commands: what a caller asks of one process instance. Every command carries
 * `commandId` (unique, from the shell; new ids derive from it and `state.seq`)
 * and `at` (epoch ms from the shell's Clock; the core never reads a clock).
 *
 * A command that resolves a wait names the wait's key (`jobKey`, `userTaskKey`,
 * `timerKey`, `subscriptionKey`, `incidentKey`). If that wait is no longer open the
 * core refuses the command as stale and changes nothing.
 */
export type Variables = Record<string, unknown>;

interface CommandBase {
  readonly commandId: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Parent link of an instance started by a call activity. */
export interface ParentLink {
  readonly instanceId: string;
  readonly elementInstanceId: string;
  readonly elementId: string;
  /** Id of the root of the call tree (the instance under test, the one a user started). */
  readonly rootInstanceId: string;
}

export interface CreateInstance extends CommandBase {
  readonly type: 'CreateInstance';
  /** Chosen by the shell: unique across the cluster. */
  readonly instanceId: string;
  readonly variables: Variables;
  /** Start event to start at; default the process's none start event. */
  readonly startElementId?: string;
  readonly parent?: ParentLink;
}

export interface CompleteJob extends CommandBase {
  readonly type: 'CompleteJob';
  readonly jobKey: string;
  readonly variables: Variables;
}

export interface FailJob extends CommandBase {
  readonly type: 'FailJob';
  readonly jobKey: string;
  /** Retries left; 0 raises an incident. */
  readonly retries: number;
  readonly errorMessage: string;
  /** Delay before the job can be activated again. */
  readonly retryBackOffMs?: number;
  readonly variables?: Variables;
}

/**
 * Change an open job (Camunda's `PATCH /v2/jobs/{jobKey}`): its retries and/or its
 * timeout. At least one is given. The core records both; the shell applies the
 * timeout to the job's lease (the core holds no lease).
 */
export interface UpdateJob extends CommandBase {
  readonly type: 'UpdateJob';
  readonly jobKey: string;
  /** New retries, at least 1. On a job that failed with no retries left, its incident stays open until resolved. */
  readonly retries?: number;
  /** The job's lease ends this many ms after `at`. */
  readonly timeoutMs?: number;
}

/** A worker ends a job with a BPMN error, caught by the model (or an incident when uncaught). */
export interface ThrowError extends CommandBase {
  readonly type: 'ThrowError';
  readonly jobKey: string;
  readonly errorCode: string;
  readonly errorMessage?: string;
  readonly variables: Variables;
}

export interface CompleteUserTask extends CommandBase {
  readonly type: 'CompleteUserTask';
  readonly userTaskKey: string;
  readonly variables: Variables;
  /** Who completes it (the caller), when known; else its assignee is taken to have (swimlanes, issue 16). */
  readonly completedBy?: string;
}

/** Claim (`assignee` set) or unclaim (`assignee` undefined) a user task. */
export interface AssignUserTask extends CommandBase {
  readonly type: 'AssignUserTask';
  readonly userTaskKey: string;
  readonly assignee?: string;
  /** `false`: refused (`TASK_ALREADY_ASSIGNED`) when someone else holds the task (Camunda's `allowOverride`). Default true. */
  readonly allowOverride?: boolean;
}

/**
 * The attributes of an open user task a person may change (Camunda's
 * `PATCH /v2/user-tasks/{userTaskKey}` changeset). A field given replaces the task's;
 * `null` clears it (a cleared priority reads as 50, Camunda's default).
 */
export interface UserTaskChanges {
  readonly dueDate?: string | null;
  readonly followUpDate?: string | null;
  readonly candidateUsers?: readonly string[] | null;
  readonly candidateGroups?: readonly string[] | null;
  readonly priority?: number | null;
}

/** Change an open user task's dates, candidates or priority; at least one change. */
export interface UpdateUserTask extends CommandBase {
  readonly type: 'UpdateUserTask';
  readonly userTaskKey: string;
  readonly changes: UserTaskChanges;
}

export interface FireTimer extends CommandBase {
  readonly type: 'FireTimer';
  readonly timerKey: string;
}

/** A published message reached an open subscription of this instance (found through the store's index). */
export interface CorrelateMessage extends CommandBase {
  readonly type: 'CorrelateMessage';
  readonly subscriptionKey: string;
  readonly messageName: string;
  readonly variables: Variables;
}

/** A broadcast signal reached an open subscription of this instance. */
export interface TriggerSignal extends CommandBase {
  readonly type: 'TriggerSignal';
  readonly subscriptionKey: string;
  readonly signalName: string;
  readonly variables: Variables;
}

export interface CancelInstance extends CommandBase {
  readonly type: 'CancelInstance';
}

/** Resolve an incident: retry the job (retries set to `retries`, default 1) or re-run the element. */
export interface ResolveIncident extends CommandBase {
  readonly type: 'ResolveIncident';
  readonly incidentKey: string;
  readonly retries?: number;
}

/** A child instance of a call activity ended; sent to the parent. */
export interface CompleteCallActivity extends CommandBase {
  readonly type: 'CompleteCallActivity';
  readonly elementInstanceId: string;
  readonly childInstanceId: string;
  readonly outcome:
    | { readonly type: 'completed'; readonly variables: Variables }
    | { readonly type: 'terminated' }
    | { readonly type: 'error'; readonly errorCode: string; readonly errorMessage?: string; readonly variables: Variables }
    | { readonly type: 'escalation'; readonly escalationCode: string; readonly variables: Variables }
    /** The shell could not start the child (no process deployed with that id): an incident CALLED_ELEMENT_ERROR on the call activity. */
    | { readonly type: 'notStarted'; readonly errorMessage: string };
}

/**
 * Set variables in one scope of an instance (Camunda's
 * `PUT /v2/element-instances/{elementInstanceKey}/variables`). Only a `VariablesSet`
 * follows: no element moves (Baton has no conditional events yet).
 */
export interface SetVariables extends CommandBase {
  readonly type: 'SetVariables';
  /** The active element instance whose scope takes the variables; absent: the process (root) scope. */
  readonly elementInstanceId?: string;
  readonly variables: Variables;
  /**
   * true: every variable lands in that scope. false: each lands in the nearest scope,
   * from that one outwards, that has a variable of its name, else in the root scope
   * (as a job completion's variables do).
   */
  readonly local: boolean;
}

/** Variables an activation creates: in the process scope (no `scopeElementId`), the element's own, or an enclosing subprocess's. */
export interface ModificationVariables {
  readonly scopeElementId?: string;
  readonly variables: Variables;
}

/** Activate an element in a running instance (with the subprocess instances it needs). */
export interface ModificationActivation {
  readonly elementId: string;
  /** An active instance of a subprocess enclosing the element to activate it in; absent: the one active instance of each enclosing subprocess, or a new one. */
  readonly ancestorElementInstanceId?: string;
  readonly variables?: readonly ModificationVariables[];
}

/** Terminate one element instance, or every active instance of an element. */
export type ModificationTermination = { readonly elementInstanceId: string } | { readonly elementId: string };

/** Camunda 8's process instance modification: activations, then terminations, atomically. */
export interface ModifyInstance extends CommandBase {
  readonly type: 'ModifyInstance';
  readonly activate: readonly ModificationActivation[];
  readonly terminate: readonly ModificationTermination[];
}

/** Camunda 8's process instance migration to another version of its process: each active element moves to its mapped element. */
export interface MigrateInstance extends CommandBase {
  readonly type: 'MigrateInstance';
  readonly targetDefinitionKey: string;
  readonly mappings: readonly { readonly sourceElementId: string; readonly targetElementId: string }[];
}

export type Command =
  | CreateInstance
  | CompleteJob
  | FailJob
  | UpdateJob
  | ThrowError
  | CompleteUserTask
  | AssignUserTask
  | UpdateUserTask
  | FireTimer
  | CorrelateMessage
  | TriggerSignal
  | CancelInstance
  | ResolveIncident
  | CompleteCallActivity
  | SetVariables
  | ModifyInstance
  | MigrateInstance;

export type CommandType = Command['type'];

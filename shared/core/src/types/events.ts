import type { JsonValue } from '@baton/feel';
import type { EvaluatedDecision, FlowElementType } from '@baton/model';
import type { ParentLink, UserTaskChanges, Variables } from './commands.js';
import type { ConditionSubscription, IncidentType, JobWait, MessageWait, SignalWait, TimerWait, UserTaskWait } from './state.js';

/**
 * Instance events: the history of one process instance, past tense. `evolve` folds
 * them without the definition, so each event carries everything its fold needs.
 *
 * Events that allocate a key (`ElementActivated`, `JobCreated`, `UserTaskCreated`,
 * `TimerScheduled`, `MessageSubscriptionOpened`, `SignalSubscriptionOpened`,
 * `IncidentRaised`, `ChildInstanceCreated`, `ConditionSubscriptionOpened`) advance `state.seq` by one; the key they
 * carry is `${instanceId}.${seq}` with the advanced value.
 *
 * `ElementCompleted` is what process tests count as "completed"; cancelled and
 * interrupted elements get `ElementTerminated` instead.
 */
interface EventBase {
  /**
   * The event's schema version; absent means 1. `decide` writes each type at the
   * highest version registered in `state/event-appliers.ts` and stamps `v` from 2 on;
   * older versions stay readable (issue 16, "Version the events").
   */
  readonly v?: number;
  readonly instanceId: string;
  /** Epoch ms: the `at` of the command that caused the event. */
  readonly at: number;
}

interface ElementEventBase extends EventBase {
  readonly elementId: string;
  readonly elementInstanceId: string;
}

/** Why an incident was raised, so `ResolveIncident` knows what to retry. */
export type IncidentStep = 'activate' | 'complete' | 'job';

export interface InstanceCreated extends EventBase {
  readonly type: 'InstanceCreated';
  readonly processId: string;
  readonly definitionKey: string;
  readonly parent?: ParentLink;
}

export interface ElementActivated extends ElementEventBase {
  readonly type: 'ElementActivated';
  readonly elementType: FlowElementType;
  /** The enclosing scope instance (subprocess, multi-instance body); absent at the process level. */
  readonly parentElementInstanceId?: string;
  /** The element gets its own variable scope (subprocess, input/output mappings, multi-instance inner). */
  readonly hasScope: boolean;
  /** A multi-instance body: the inner instances are its children. */
  readonly isMultiInstanceBody?: boolean;
  /** An inner instance of a multi-instance body, 1-based. */
  readonly loopCounter?: number;
  /** Tokens a joining gateway consumed: one per listed incoming flow. */
  readonly consumedJoin?: { readonly scopeKey: string; readonly flowIds: readonly string[] };
}

export interface ElementCompleted extends ElementEventBase {
  readonly type: 'ElementCompleted';
}

export interface ElementTerminated extends ElementEventBase {
  readonly type: 'ElementTerminated';
}

/** A sequence flow was taken. When the target joins, the token waits in `joins` until the gateway fires. */
export interface FlowTaken extends EventBase {
  readonly type: 'FlowTaken';
  readonly flowId: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** Set when the target is a joining gateway: the scope instance key where the token waits. */
  readonly joinScopeKey?: string;
}

/** Tokens waiting at joins in a scope instance were dropped (its content was terminated). */
export interface JoinTokensDiscarded extends EventBase {
  readonly type: 'JoinTokensDiscarded';
  readonly scopeKey: string;
}

/** A multi-instance body learned how many inner instances it runs. */
export interface MultiInstanceStarted extends ElementEventBase {
  readonly type: 'MultiInstanceStarted';
  readonly total: number;
  readonly items?: readonly unknown[];
}

/** An inner instance's `outputElement`, kept on the body until it completes. */
export interface MultiInstanceResultCollected extends ElementEventBase {
  readonly type: 'MultiInstanceResultCollected';
  /** 0-based position in the output collection. */
  readonly index: number;
  readonly value: unknown;
}

export interface VariablesSet extends EventBase {
  readonly type: 'VariablesSet';
  /** `root` or the elementInstanceId owning the scope. */
  readonly scopeKey: string;
  readonly variables: Variables;
}

export interface JobCreated extends ElementEventBase {
  readonly type: 'JobCreated';
  readonly job: JobWait;
}

export interface JobCompleted extends ElementEventBase {
  readonly type: 'JobCompleted';
  readonly jobKey: string;
}

export interface JobFailed extends ElementEventBase {
  readonly type: 'JobFailed';
  readonly jobKey: string;
  readonly retries: number;
  readonly errorMessage: string;
}

/** Retries set again (incident resolution); the job is activatable. */
export interface JobRetriesUpdated extends ElementEventBase {
  readonly type: 'JobRetriesUpdated';
  readonly jobKey: string;
  readonly retries: number;
}

/** Retries and/or timeout changed by an `UpdateJob`; the job's state (activatable or failed) stays. */
export interface JobUpdated extends ElementEventBase {
  readonly type: 'JobUpdated';
  readonly jobKey: string;
  readonly retries?: number;
  readonly timeoutMs?: number;
}

export interface JobErrorThrown extends ElementEventBase {
  readonly type: 'JobErrorThrown';
  readonly jobKey: string;
  readonly errorCode: string;
  readonly errorMessage?: string;
}

export interface JobCancelled extends ElementEventBase {
  readonly type: 'JobCancelled';
  readonly jobKey: string;
}

export interface UserTaskCreated extends ElementEventBase {
  readonly type: 'UserTaskCreated';
  readonly userTask: UserTaskWait;
}

export interface UserTaskAssigned extends ElementEventBase {
  readonly type: 'UserTaskAssigned';
  readonly userTaskKey: string;
  readonly assignee?: string;
}

/** An `UpdateUserTask` changed these attributes (`null`: cleared). */
export interface UserTaskUpdated extends ElementEventBase {
  readonly type: 'UserTaskUpdated';
  readonly userTaskKey: string;
  readonly changes: UserTaskChanges;
}

export interface UserTaskCompleted extends ElementEventBase {
  readonly type: 'UserTaskCompleted';
  readonly userTaskKey: string;
}

export interface UserTaskCancelled extends ElementEventBase {
  readonly type: 'UserTaskCancelled';
  readonly userTaskKey: string;
}

export interface TimerScheduled extends ElementEventBase {
  readonly type: 'TimerScheduled';
  readonly timer: TimerWait;
}

export interface TimerFired extends ElementEventBase {
  readonly type: 'TimerFired';
  readonly timerKey: string;
}

export interface TimerCancelled extends ElementEventBase {
  readonly type: 'TimerCancelled';
  readonly timerKey: string;
}

export interface MessageSubscriptionOpened extends ElementEventBase {
  readonly type: 'MessageSubscriptionOpened';
  readonly subscription: MessageWait;
}

/** A message reached a subscription; the subscription stays open until `MessageSubscriptionClosed`. */
export interface MessageCorrelated extends ElementEventBase {
  readonly type: 'MessageCorrelated';
  readonly subscriptionKey: string;
  readonly messageName: string;
  readonly variables: Variables;
}

export interface MessageSubscriptionClosed extends ElementEventBase {
  readonly type: 'MessageSubscriptionClosed';
  readonly subscriptionKey: string;
}

export interface SignalSubscriptionOpened extends ElementEventBase {
  readonly type: 'SignalSubscriptionOpened';
  readonly subscription: SignalWait;
}

export interface SignalTriggered extends ElementEventBase {
  readonly type: 'SignalTriggered';
  readonly subscriptionKey: string;
  readonly signalName: string;
  readonly variables: Variables;
}

export interface SignalSubscriptionClosed extends ElementEventBase {
  readonly type: 'SignalSubscriptionClosed';
  readonly subscriptionKey: string;
}

/** A call activity started its child instance. */
export interface ChildInstanceCreated extends ElementEventBase {
  readonly type: 'ChildInstanceCreated';
  readonly childInstanceId: string;
  readonly processId: string;
}

/** The child instance of a call activity ended (completed, terminated, or with an uncaught error). */
export interface ChildInstanceEnded extends ElementEventBase {
  readonly type: 'ChildInstanceEnded';
  readonly childInstanceId: string;
  readonly outcome: 'completed' | 'terminated' | 'error' | 'notStarted';
}

/** A BPMN error or escalation was thrown; `caughtBy` names the catching element, if any. */
/**
 * An activity with a compensation handler completed (or a container holding such
 * activities did): it can be compensated while its scope instance lives (issue 16).
 * The element fields name the completed activity instance.
 */
export interface CompensationRecorded extends ElementEventBase {
  readonly type: 'CompensationRecorded';
  /** The scope instance it completed in (a subprocess, a multi-instance body); absent: the process. */
  readonly scopeElementInstanceId?: string;
  /** The compensation handler (boundary event association) to run; a subprocess may have a compensation event subprocess instead or besides. */
  readonly handlerId?: string;
  /** The activity's non-root variables as it completed: what its handlers see as local variables. */
  readonly variables?: Variables;
}

/** A compensation throw (or a cancel end event) started the handlers of these recorded activity instances, which are no longer compensable. */
export interface CompensationTriggered extends ElementEventBase {
  readonly type: 'CompensationTriggered';
  readonly compensatedElementInstanceIds: readonly string[];
}

/**
 * A compensation event subprocess (Camunda 7) started to compensate a completed
 * subprocess instance: compensation thrown inside it compensates that instance's insides.
 * The element fields name the event subprocess instance.
 */
export interface CompensationHandlerActivated extends ElementEventBase {
  readonly type: 'CompensationHandlerActivated';
  readonly compensatedElementInstanceId: string;
}

export interface EventThrown extends ElementEventBase {
  readonly type: 'EventThrown';
  readonly kind: 'error' | 'escalation';
  readonly code: string;
  readonly caughtBy?: string;
}

/** One decision evaluated for a business rule task, as a decision instance: its key, definition and what it saw and matched. */
export interface EvaluatedDecisionInstance extends EvaluatedDecision {
  /** Camunda's `decisionEvaluationInstanceKey`, allocated by the event. */
  readonly decisionEvaluationInstanceKey: string;
  /** The decision definition evaluated, when the shell lent its key (`DeployedDecisions.definitions`). */
  readonly decisionKey?: string;
  readonly decisionVersion?: number;
}

/** Why an evaluation failed: the decision and, when one is to blame, the rule. */
export interface DecisionEvaluationFailure {
  readonly decisionId: string;
  readonly ruleId?: string;
  readonly message: string;
  /** The failed decision's instance key, allocated by the event. */
  readonly decisionEvaluationInstanceKey: string;
  readonly decisionKey?: string;
  readonly decisionVersion?: number;
}

/**
 * A business rule task evaluated a DMN decision in the engine (issue 16): which file
 * and version, and per decision evaluated (required ones first) its inputs, the
 * rules that matched with their outputs, and its result; or, with `failure`, why it
 * failed (an incident follows).
 *
 * Version 2 (`v: 2`): allocates `decisionEvaluationKey` and one key per decision
 * instance (each evaluated decision, then the failed one), so `state.seq` advances by
 * `1 + evaluatedDecisions.length + (failure ? 1 : 0)`; a failed evaluation is recorded
 * too. Version 1 (no `v`, see `DecisionEvaluatedV1`) allocated nothing and was written
 * only on success.
 */
export interface DecisionEvaluated extends ElementEventBase {
  readonly type: 'DecisionEvaluated';
  readonly decisionEvaluationKey: string;
  readonly decisionId: string;
  /** The called decision's definition key, when the shell lent it. */
  readonly decisionKey?: string;
  readonly decisionRequirementsId: string;
  readonly decisionRequirementsKey: string;
  readonly decisionVersion: number;
  /** The called decision's result; absent when the evaluation failed. */
  readonly result?: JsonValue;
  readonly failure?: DecisionEvaluationFailure;
  readonly evaluatedDecisions: readonly EvaluatedDecisionInstance[];
}

export interface IncidentRaised extends ElementEventBase {
  readonly type: 'IncidentRaised';
  readonly incidentKey: string;
  readonly errorType: IncidentType;
  readonly errorMessage: string;
  readonly step: IncidentStep;
  readonly jobKey?: string;
}

export interface IncidentResolved extends ElementEventBase {
  readonly type: 'IncidentResolved';
  readonly incidentKey: string;
}

export interface InstanceCompleted extends EventBase {
  readonly type: 'InstanceCompleted';
}

export interface InstanceTerminated extends EventBase {
  readonly type: 'InstanceTerminated';
}

/** A conditional event (catch, boundary, event subprocess start) listens; `isMet` is its condition's value when opened. */
export interface ConditionSubscriptionOpened extends ElementEventBase {
  readonly type: 'ConditionSubscriptionOpened';
  readonly subscription: ConditionSubscription;
}

/**
 * A conditional event's condition changed value after a variable change (scenario
 * spec v1.1: it triggers on false to true only). True is followed by its trigger.
 */
export interface ConditionEvaluated extends ElementEventBase {
  readonly type: 'ConditionEvaluated';
  readonly subscriptionKey: string;
  readonly isMet: boolean;
}

export interface ConditionSubscriptionClosed extends ElementEventBase {
  readonly type: 'ConditionSubscriptionClosed';
  readonly subscriptionKey: string;
}

/** The instance moved to another version of its process; `elementIds` renames its element instances, waits and incidents (source id to target id). */
export interface InstanceMigrated extends EventBase {
  readonly type: 'InstanceMigrated';
  readonly fromDefinitionKey: string;
  readonly toDefinitionKey: string;
  readonly elementIds: Readonly<Record<string, string>>;
}

/** An operator modified the instance: what it activates and terminates follows as ordinary events. History only. */
export interface InstanceModified extends EventBase {
  readonly type: 'InstanceModified';
  readonly activatedElementIds: readonly string[];
  readonly terminatedElementInstanceIds: readonly string[];
}

/** The user who completed the first task of a swimlane becomes the assignee of its later tasks in this instance. */
export interface SwimlaneAssigned extends ElementEventBase {
  readonly type: 'SwimlaneAssigned';
  readonly laneId: string;
  readonly assignee: string;
}

export type InstanceEvent =
  | InstanceCreated
  | ElementActivated
  | ElementCompleted
  | ElementTerminated
  | FlowTaken
  | JoinTokensDiscarded
  | MultiInstanceStarted
  | MultiInstanceResultCollected
  | VariablesSet
  | JobCreated
  | JobCompleted
  | JobFailed
  | JobRetriesUpdated
  | JobUpdated
  | JobErrorThrown
  | JobCancelled
  | UserTaskCreated
  | UserTaskAssigned
  | UserTaskUpdated
  | UserTaskCompleted
  | UserTaskCancelled
  | TimerScheduled
  | TimerFired
  | TimerCancelled
  | MessageSubscriptionOpened
  | MessageCorrelated
  | MessageSubscriptionClosed
  | SignalSubscriptionOpened
  | SignalTriggered
  | SignalSubscriptionClosed
  | ConditionSubscriptionOpened
  | ConditionEvaluated
  | ConditionSubscriptionClosed
  | SwimlaneAssigned
  | ChildInstanceCreated
  | ChildInstanceEnded
  | EventThrown
  | CompensationRecorded
  | CompensationTriggered
  | CompensationHandlerActivated
  | DecisionEvaluated
  | IncidentRaised
  | IncidentResolved
  | InstanceCompleted
  | InstanceTerminated
  | InstanceModified
  | InstanceMigrated;

export type InstanceEventType = InstanceEvent['type'];

import type { ParentLink, Variables } from './commands.js';

/**
 * The state of one process instance: plain JSON (no classes, Maps or functions),
 * so stores and browsers take it as is. The store, not the core, owns the
 * optimistic-lock version. Every new id derives from `instanceId` and `seq`.
 *
 * The fields below are the contract the shell and the stores rely on (status,
 * waits, incidents, variables); `elementInstances` and `scopes` are the core's
 * own token tree and may grow fields.
 */
export interface InstanceState {
  readonly instanceId: string;
  readonly processId: string;
  readonly definitionKey: string;
  readonly status: InstanceStatus;
  /** Counter from which every new key in this instance is derived. */
  readonly seq: number;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly parent?: ParentLink;
  /** Active element instances (the token tree), by elementInstanceId. */
  readonly elementInstances: Readonly<Record<string, ElementInstance>>;
  /** Variable scopes by scope key: `root` for the process, else the elementInstanceId owning the scope. */
  readonly variables: Readonly<Record<string, Variables>>;
  /** Each variable's key (Camunda's `variableKey`), by scope key then name: minted from `seq` when first set in the scope. */
  readonly variableKeys?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Open waits by key (jobKey, userTaskKey, timerKey, subscriptionKey). */
  readonly waits: Readonly<Record<string, Wait>>;
  /**
   * Open conditional event subscriptions by subscriptionKey (issue 16). Not waits:
   * nothing outside the instance resolves them; variable changes inside it do.
   */
  readonly conditions?: Readonly<Record<string, ConditionSubscription>>;
  /** Swimlane instances (issue 16): lane id → the user who completed the lane's first task; its later tasks go to them. */
  readonly swimlanes?: Readonly<Record<string, string>>;
  /** Open incidents by incidentKey. */
  readonly incidents: Readonly<Record<string, Incident>>;
  /**
   * Tokens waiting at joining gateways (core-owned): scope key (`root` or the
   * scope's elementInstanceId) -> gateway element id -> incoming flow id -> count.
   */
  readonly joins?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>>;
  /** Completed activity instances that can still be compensated (core-owned), by their elementInstanceId. */
  readonly compensations?: Readonly<Record<string, CompensationRecord>>;
}

/**
 * A completed activity instance that can be compensated: one with a compensation
 * handler, or a completed container (subprocess, multi-instance body) holding such.
 * It is compensable while the chain of its scopes up to the compensating scope are
 * completed containers recorded here; an active or terminated scope on the way keeps
 * it out (Camunda 8: "active or terminated activities are not compensated").
 */
export interface CompensationRecord {
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly scopeElementInstanceId?: string;
  readonly handlerId?: string;
  readonly variables?: Variables;
}

/** `terminated` covers cancel by a user or an uncaught ending; `completed` covers terminate end events. */
export type InstanceStatus = 'active' | 'completed' | 'terminated';

export interface ElementInstance {
  readonly elementInstanceId: string;
  readonly elementId: string;
  /** The element instance of the enclosing subprocess / multi-instance body, or undefined at the process level. */
  readonly parentElementInstanceId?: string;
  readonly [field: string]: unknown;
}

export type Wait = JobWait | UserTaskWait | TimerWait | MessageWait | SignalWait;

interface WaitBase {
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly createdAt: number;
}

export interface JobWait extends WaitBase {
  readonly kind: 'job';
  readonly jobKey: string;
  readonly jobType: string;
  readonly retries: number;
  readonly customHeaders: Readonly<Record<string, string>>;
  /** `failed` once retries reached 0 (then an incident is open). */
  readonly state: 'activatable' | 'failed';
  readonly errorMessage?: string;
}

export interface UserTaskWait extends WaitBase {
  readonly kind: 'userTask';
  readonly userTaskKey: string;
  readonly name?: string;
  readonly assignee?: string;
  readonly candidateUsers: readonly string[];
  readonly candidateGroups: readonly string[];
  readonly formKey?: string;
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly priority?: number;
}

export interface TimerWait extends WaitBase {
  readonly kind: 'timer';
  readonly timerKey: string;
  readonly dueAt: number;
  /** For cycles: repetitions left after this one (-1 for unbounded). */
  readonly repetitionsLeft?: number;
}

export interface MessageWait extends WaitBase {
  readonly kind: 'message';
  readonly subscriptionKey: string;
  readonly messageName: string;
  /** Evaluated when the subscription opened; undefined matches any key. */
  readonly correlationKey?: string;
}

export interface SignalWait extends WaitBase {
  readonly kind: 'signal';
  readonly subscriptionKey: string;
  readonly signalName: string;
}

/**
 * A conditional event listening: `elementId` is the event (boundary, catch, event
 * subprocess start, event-based gateway branch), `elementInstanceId` its owner (the
 * activity, the catch event, the gateway, the scope instance or, for the process's
 * event subprocesses, the instance id). `isMet` is the condition's last value: it
 * triggers on a change from false to true only.
 */
export interface ConditionSubscription {
  readonly subscriptionKey: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly createdAt: number;
  readonly isMet: boolean;
}

export interface Incident {
  readonly incidentKey: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly errorType: IncidentType;
  readonly errorMessage: string;
  readonly createdAt: number;
  /** The failed job, for JOB_NO_RETRIES. */
  readonly jobKey?: string;
}

export type IncidentType =
  | 'JOB_NO_RETRIES'
  | 'EXPRESSION_FAILED'
  | 'NO_FLOW_MATCHED'
  | 'UNHANDLED_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  /** A business rule task calls a decision that is not deployed. */
  | 'CALLED_DECISION_ERROR'
  /** A decision failed: no unique match, a bad expression (the message names decision and rule). */
  | 'DECISION_EVALUATION_ERROR';

/**
 * The executable form of one BPMN process: flat, immutable maps by element id,
 * built once per deployment by `buildDefinitions` and shared by every instance.
 *
 * Expressions are kept as source text (`Expression`); the core compiles and
 * caches them. A string that starts with `=` is FEEL, `${...}` is Camunda 7 JUEL,
 * anything else is a literal string (scenario spec, "Expressions in models").
 */
export type Expression = string;

/** A deployed process. Everything the core needs, nothing it must re-derive per step. */
export interface ProcessDefinition {
  /** The BPMN process id (`processDefinitionId` in the API). */
  readonly processId: string;
  readonly name?: string;
  /** Unique per deployment of this process id: `${processId}:${version}`. */
  readonly definitionKey: string;
  readonly version: number;
  readonly isExecutable: boolean;
  /** Every flow node of the process, at any depth, by element id. */
  readonly elements: Readonly<Record<string, FlowElement>>;
  /** Every sequence flow, by id. */
  readonly flows: Readonly<Record<string, SequenceFlow>>;
  /** The process itself and every (event) subprocess, by element id; the process scope's id is `processId`. */
  readonly scopes: Readonly<Record<string, Scope>>;
  /** Start events of the process scope that start instances: none, message, timer, signal. */
  readonly startEventIds: readonly string[];
  /** Link catch events by `${scopeId}/${linkName}`, for link throws. */
  readonly linkTargets: Readonly<Record<string, string>>;
}

/** A container of flow nodes: the process, an embedded subprocess, an event subprocess. */
export interface Scope {
  readonly scopeId: string;
  /** Id of the enclosing scope; absent for the process. */
  readonly parentScopeId?: string;
  /** Flow nodes directly inside (not nested deeper), including boundary events. */
  readonly childIds: readonly string[];
  /** The none start event where the scope begins (embedded subprocess, process). */
  readonly noneStartId?: string;
  /** Event subprocesses directly inside this scope. */
  readonly eventSubprocessIds: readonly string[];
}

export interface SequenceFlow {
  readonly flowId: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly condition?: Expression;
}

export type EventDefinition =
  | { readonly type: 'timer'; readonly timeDuration?: Expression; readonly timeDate?: Expression; readonly timeCycle?: Expression }
  | { readonly type: 'message'; readonly messageName: Expression; readonly correlationKey?: Expression }
  | { readonly type: 'signal'; readonly signalName: Expression }
  | { readonly type: 'error'; readonly errorCode?: string; readonly errorCodeVariable?: string; readonly errorMessageVariable?: string }
  | { readonly type: 'escalation'; readonly escalationCode?: string }
  | { readonly type: 'terminate' }
  | { readonly type: 'link'; readonly linkName: string }
  | ConditionalEventDefinition
  /** Compensation: thrown (with `activityRef`, only that activity), caught on a boundary (its handler), or an event subprocess start. */
  | { readonly type: 'compensation'; readonly activityRef?: string }
  /** Cancel (Camunda 7 transactions): a cancel end event inside a transaction, caught by the transaction's cancel boundary event. */
  | { readonly type: 'cancel' };

/**
 * A conditional event (intermediate catch, boundary, event subprocess start): it
 * triggers when `condition` turns from false to true, evaluated when the event
 * becomes active and whenever a variable its scope sees is set (scenario spec v1.1).
 * `variableNames` and `variableEvents` narrow which variable changes re-evaluate it
 * (`zeebe:conditionalFilter`, Camunda 7 `camunda:variableName` / `camunda:variableEvents`).
 */
export interface ConditionalEventDefinition {
  readonly type: 'conditional';
  readonly condition: Expression;
  readonly variableNames?: readonly string[];
  readonly variableEvents?: readonly ('create' | 'update')[];
}

/**
 * A business rule task's decision (`zeebe:calledDecision`, C7 `camunda:decisionRef`):
 * the latest deployed decision of that id is evaluated in the engine and its result
 * written to `resultVariable`. `mapDecisionResult` is Camunda 7's shaping of the
 * result (absent for Camunda 8: the result as the hit policy gives it).
 */
export interface CalledDecision {
  /** The decision id; FEEL or JUEL allowed. */
  readonly decisionId: Expression;
  readonly resultVariable?: string;
  readonly mapDecisionResult?: 'singleEntry' | 'singleResult' | 'collectEntries' | 'resultList';
}

/** `zeebe:ioMapping` / `camunda:inputOutput` entry: evaluate `source`, write it to `target`. */
export interface Mapping {
  readonly source: Expression;
  readonly target: string;
}

/** A job a worker of capability `type` runs (service, send, business-rule, script, message throw). */
export interface JobDefinition {
  /** The capability; FEEL allowed. Defaults to the element id. */
  readonly type: Expression;
  /** Retries; FEEL allowed. Default "3". */
  readonly retries: Expression;
  readonly headers: Readonly<Record<string, string>>;
}

export interface UserTaskDefinition {
  readonly assignee?: Expression;
  /** Expression that yields a list or a comma-separated string. */
  readonly candidateUsers?: Expression;
  readonly candidateGroups?: Expression;
  readonly dueDate?: Expression;
  readonly followUpDate?: Expression;
  readonly priority?: Expression;
  /** `zeebe:formDefinition formKey`/`formId`, `zeebe:userTaskForm` id, or `camunda:formKey`. */
  readonly formKey?: string;
  /** `zeebe:formDefinition formId`: a form deployed alongside the model (a `*.form` resource), which must exist at deploy time. */
  readonly formId?: string;
  /** A form-js JSON schema embedded in the model (`zeebe:userTaskForm` body). */
  readonly formJson?: string;
  /** `camunda:formData` fields. */
  readonly formFields: readonly FormField[];
}

export interface FormField {
  readonly id: string;
  readonly label?: string;
  readonly type: string;
  readonly defaultValue?: string;
  readonly values?: readonly { readonly id: string; readonly name?: string }[];
  readonly validation?: readonly { readonly name: string; readonly config?: string }[];
}

export interface MultiInstanceDefinition {
  readonly isSequential: boolean;
  readonly inputCollection?: Expression;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: Expression;
  /** Fixed count (`loopCardinality`) when there is no input collection. */
  readonly loopCardinality?: Expression;
  readonly completionCondition?: Expression;
}

/**
 * Camunda 7 async continuations (issue 16): commit points. `before`: the element
 * waits, once activated, for an engine job before it starts (inputs, boundary
 * events, its behaviour); `after`: once done, it waits for one before it leaves.
 * A continuation that fails is retried `retries` times in all, then an incident.
 */
export interface AsyncContinuation {
  readonly before: boolean;
  readonly after: boolean;
  readonly retries: number;
}

/**
 * A lane with an assignment (issue 16, jBPM swimlanes; `baton:assignee`,
 * `baton:candidateUsers`, `baton:candidateGroups` on `<bpmn:lane>`). Its user tasks
 * take these when they name none themselves, and the user who completes the first
 * of them in an instance becomes the assignee of the lane's later tasks there.
 */
export interface Swimlane {
  readonly laneId: string;
  readonly name?: string;
  readonly assignee?: Expression;
  readonly candidateUsers?: Expression;
  readonly candidateGroups?: Expression;
}

interface FlowElementBase {
  readonly elementId: string;
  readonly name?: string;
  /** The scope (process or subprocess id) the element sits in. */
  readonly scopeId: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly inputs: readonly Mapping[];
  readonly outputs: readonly Mapping[];
  /** Boundary events attached to this activity. */
  readonly boundaryEventIds: readonly string[];
  readonly multiInstance?: MultiInstanceDefinition;
  readonly async?: AsyncContinuation;
  /** The swimlane the element sits in, when its lane carries an assignment. */
  readonly swimlane?: Swimlane;
  /** Extension attributes and elements Baton does not interpret, kept for tools (`zeebe:properties`, ...). */
  readonly properties: Readonly<Record<string, string>>;
  /** A compensation handler (`isForCompensation`): no flow reaches it; a compensation throw starts it. */
  readonly isForCompensation?: true;
}

export type FlowElement =
  | (FlowElementBase & { readonly type: 'startEvent'; readonly event?: EventDefinition; readonly isInterrupting: boolean })
  | (FlowElementBase & { readonly type: 'endEvent'; readonly event?: EventDefinition; readonly job?: JobDefinition })
  | (FlowElementBase & { readonly type: 'intermediateCatchEvent'; readonly event: EventDefinition })
  | (FlowElementBase & { readonly type: 'intermediateThrowEvent'; readonly event?: EventDefinition; readonly job?: JobDefinition })
  | (FlowElementBase & {
      readonly type: 'boundaryEvent';
      readonly attachedToId: string;
      readonly cancelActivity: boolean;
      readonly event: EventDefinition;
      /** A compensation boundary event: the handler activity its association points to. */
      readonly compensationHandlerId?: string;
    })
  | (FlowElementBase & { readonly type: 'serviceTask' | 'sendTask'; readonly job: JobDefinition })
  | (FlowElementBase & {
      readonly type: 'businessRuleTask';
      /** The DMN decision the engine evaluates (no job); absent when a worker's job does the work. */
      readonly decision?: CalledDecision;
      /** The job of a business rule task without a called decision (or with a `zeebe:taskDefinition`). */
      readonly job?: JobDefinition;
    })
  | (FlowElementBase & {
      readonly type: 'scriptTask';
      /** FEEL script evaluated in the core (`zeebe:script`), with its result variable. */
      readonly script?: { readonly expression: Expression; readonly resultVariable?: string };
      /** Any other script format runs as a job of capability `script:<format>`. */
      readonly job?: JobDefinition;
    })
  | (FlowElementBase & { readonly type: 'userTask'; readonly userTask: UserTaskDefinition })
  | (FlowElementBase & { readonly type: 'receiveTask'; readonly message: { readonly messageName: Expression; readonly correlationKey?: Expression } })
  | (FlowElementBase & { readonly type: 'manualTask' | 'task' })
  | (FlowElementBase & { readonly type: 'exclusiveGateway' | 'inclusiveGateway'; readonly defaultFlowId?: string })
  | (FlowElementBase & { readonly type: 'parallelGateway' | 'eventBasedGateway' })
  | (FlowElementBase & {
      readonly type: 'subProcess';
      readonly triggeredByEvent: boolean;
      /** A Camunda 7 transaction subprocess: a cancel end event inside compensates it and leaves by its cancel boundary event. */
      readonly isTransaction?: true;
    })
  | (FlowElementBase & {
      readonly type: 'callActivity';
      /** The called process id; FEEL allowed. */
      readonly calledElement: Expression;
      /** Default true: all variables go to the child. */
      readonly propagateAllParentVariables: boolean;
      /** Default true: all child variables come back. */
      readonly propagateAllChildVariables: boolean;
    });

export type FlowElementType = FlowElement['type'];

/** Every process of one BPMN file, and every problem found in it. */
export interface DefinitionsResult {
  readonly processes: readonly ProcessDefinition[];
  readonly problems: readonly ModelProblem[];
}

/** One thing wrong with a model: a stable code, the element, and what to do. */
export interface ModelProblem {
  readonly code: ModelProblemCode;
  readonly elementId?: string;
  readonly processId?: string;
  readonly message: string;
  /** 1-based position in the file, when the XML reader gives one (elements it could not read). */
  readonly line?: number;
  readonly column?: number;
  /** Warnings do not block deployment (an unused message, say). */
  readonly severity: 'error' | 'warning';
}

export type ModelProblemCode =
  | 'XML_INVALID'
  | 'NO_PROCESS'
  | 'NOT_EXECUTABLE'
  | 'UNSUPPORTED_ELEMENT'
  | 'NO_START_EVENT'
  | 'NO_OUTGOING_FLOW'
  | 'NO_INCOMING_FLOW'
  | 'MISSING_EVENT_DETAIL'
  | 'MISSING_REFERENCE'
  | 'INVALID_EXPRESSION'
  | 'INVALID_GATEWAY'
  | 'INVALID_BOUNDARY'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_ELEMENT'
  | 'INVALID_ID'
  | 'INVALID_DECISION';

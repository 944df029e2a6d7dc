import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, EnumFilter, Key, Literals, Millis, SearchQueryPageRequest, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId, Variables, defaultTenantId, keyParams } from './common.js';
import { DateTime, DateTimeFilter } from './date-time.js';
import { IncidentSearchQuerySort, IncidentSearchQueryResult } from './incidents.js';
import { operation } from './operation.js';

/**
 * The process-instance family of Camunda 8.8's REST v2 (`/v2/process-instances/...`):
 * create (optionally awaiting completion), search, get, cancel, call hierarchy and
 * sequence flows. Shapes as in 8.8's `rest-api.yaml`; what Baton cannot honour
 * (start or runtime instructions, tags, filters its store does not keep) is refused
 * with a 400 naming the field, never silently ignored.
 */

export const ProcessInstanceState = Literals(['ACTIVE', 'COMPLETED', 'TERMINATED']);
export type ProcessInstanceState = Static<typeof ProcessInstanceState>;

/** `tenantId` in a request: multi-tenancy is off, so only `<default>` (any other is refused, not ignored). */
export const RequestTenantId = Type.Unsafe<typeof defaultTenantId>({ type: 'string', enum: [defaultTenantId], description: 'The tenant; multi-tenancy is off, so only "<default>".' });

/** Instructions 8.8 defines but Baton cannot honour yet: an empty list is accepted, any item is a 400 naming the field. */
const Unhonoured = (what: string) => Type.Optional(Type.Array(Type.Unknown(), { description: `${what}: not supported by Baton; a non-empty list is refused (400).` }));

/** The fields Baton refuses when they ask for something (a non-empty list), in the order it checks them. */
export const unhonouredCreationFields = ['startInstructions', 'runtimeInstructions', 'tags'] as const;

export const ProcessInstanceCreationInstruction = Type.Object(
  {
    processDefinitionId: Type.Optional(Type.String({ minLength: 1, description: 'The BPMN process id; starts its latest version unless processDefinitionVersion says which.' })),
    processDefinitionKey: Type.Optional(Key),
    processDefinitionVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'With processDefinitionId: this version.' })),
    variables: Type.Optional(Variables),
    tenantId: Type.Optional(RequestTenantId),
    operationReference: Type.Optional(Type.Integer({ minimum: 1, description: 'A reference the caller chooses; accepted as Camunda does, not stored.' })),
    awaitCompletion: Type.Optional(Type.Boolean({ default: false, description: 'Answer when the instance ended or hit an incident, or when requestTimeout passed (state ACTIVE then).' })),
    requestTimeout: Type.Optional(Millis({ description: 'With awaitCompletion: how long to wait (ms); 0 or absent means 10 s.' })),
    fetchVariables: Type.Optional(Type.Array(Type.String(), { description: 'With awaitCompletion: only these variables in the answer (all when absent or empty).' })),
    startInstructions: Unhonoured('Start at other elements'),
    runtimeInstructions: Unhonoured('Runtime instructions (terminate after an element)'),
    tags: Unhonoured('Tags of the instance'),
  },
  { additionalProperties: false, anyOf: [{ required: ['processDefinitionId'] }, { required: ['processDefinitionKey'] }] },
);
export type ProcessInstanceCreationInstruction = Static<typeof ProcessInstanceCreationInstruction>;

export const CreateProcessInstanceResult = Type.Object({
  processDefinitionId: Type.String(),
  processDefinitionVersion: Type.Integer(),
  processDefinitionKey: Key,
  processInstanceKey: Key,
  tenantId: TenantId,
  variables: Type.Unsafe<Record<string, unknown>>({ ...Variables, description: 'With awaitCompletion: the root scope\'s variables (fetchVariables of them); else {}.' }),
  state: Type.Optional(Type.Unsafe<ProcessInstanceState>({ ...ProcessInstanceState, description: 'Baton, with awaitCompletion: the state reached (ACTIVE when the wait timed out).' })),
  hasIncident: Type.Optional(Type.Boolean({ description: 'Baton, with awaitCompletion: whether the instance stopped on an incident.' })),
});
export type CreateProcessInstanceResult = Static<typeof CreateProcessInstanceResult>;

/** What a search item and the GET answer share: every field 8.8's `ProcessInstanceResult` requires. */
const processInstanceFields = {
  processInstanceKey: Key,
  processDefinitionId: Type.String({ description: 'The BPMN process id.' }),
  processDefinitionName: Type.String({ description: 'The process\'s name; its id when it has none.' }),
  processDefinitionVersion: Type.Integer(),
  processDefinitionKey: Key,
  startDate: DateTime,
  endDate: Type.Optional(DateTime),
  state: ProcessInstanceState,
  hasIncident: Type.Boolean({ description: 'Whether the instance has an open incident.' }),
  tenantId: TenantId,
  parentProcessInstanceKey: Type.Optional(Key),
  parentElementInstanceKey: Type.Optional(Type.String({ minLength: 1, description: 'The call activity instance that started it.' })),
  tags: Type.Optional(Type.Array(Type.String())),
};

export const ProcessInstanceResult = Type.Object(processInstanceFields);
export type ProcessInstanceResult = Static<typeof ProcessInstanceResult>;

/** Baton: an open wait of an instance; the key to act on it is named by kind. */
export const WaitingElement = Type.Object({
  elementId: Type.String(),
  elementInstanceKey: Type.String(),
  kind: Literals(['job', 'userTask', 'timer', 'message', 'signal']),
  jobKey: Type.Optional(Type.String()),
  jobType: Type.Optional(Type.String()),
  userTaskKey: Type.Optional(Type.String()),
  timerKey: Type.Optional(Type.String()),
  dueDate: Type.Optional(DateTime),
  messageName: Type.Optional(Type.String()),
  signalName: Type.Optional(Type.String()),
});
export type WaitingElement = Static<typeof WaitingElement>;

/** Baton: an open incident of an instance, as the GET answer lists it. */
export const InstanceIncident = Type.Object({
  incidentKey: Type.String(),
  processInstanceKey: Type.String(),
  processDefinitionId: Type.String(),
  processDefinitionKey: Type.String(),
  elementId: Type.String(),
  elementInstanceKey: Type.String(),
  errorType: Type.String(),
  errorMessage: Type.String(),
  creationTime: DateTime,
  state: Literals(['ACTIVE', 'RESOLVED']),
  jobKey: Type.Optional(Type.String()),
});
export type InstanceIncident = Static<typeof InstanceIncident>;

/** GET answer: 8.8's `ProcessInstanceResult` plus Baton's detail (clients that validate 8.8 shapes ignore the extras). */
export const ProcessInstanceDetail = Type.Object({
  ...processInstanceFields,
  variables: Type.Unsafe<Record<string, unknown>>({ ...Variables, description: 'Baton: the process-level variables.' }),
  waiting: Type.Array(WaitingElement, { description: 'Baton: what the instance waits on.' }),
  incidents: Type.Array(InstanceIncident, { description: 'Baton: its open incidents.' }),
});
export type ProcessInstanceDetail = Static<typeof ProcessInstanceDetail>;

/** An integer filter: the value, or `{ $eq }`. */
export const BasicIntegerFilter = Type.Union([Type.Integer(), Type.Object({ $eq: Type.Integer() }, { additionalProperties: false })]);

export const ProcessInstanceFilter = Type.Object(
  {
    processInstanceKey: Type.Optional(BasicStringFilter),
    processDefinitionId: Type.Optional(BasicStringFilter),
    processDefinitionKey: Type.Optional(BasicStringFilter),
    processDefinitionVersion: Type.Optional(BasicIntegerFilter),
    processDefinitionName: Type.Optional(BasicStringFilter),
    state: Type.Optional(EnumFilter(ProcessInstanceState)),
    parentProcessInstanceKey: Type.Optional(BasicStringFilter),
    parentElementInstanceKey: Type.Optional(BasicStringFilter),
    hasIncident: Type.Optional(Type.Boolean()),
    tenantId: Type.Optional(BasicStringFilter),
    startDate: Type.Optional(DateTimeFilter),
    endDate: Type.Optional(DateTimeFilter),
  },
  { additionalProperties: false, description: 'Every given filter must match. Strings and keys by equality (a value or `{ $eq }`); dates by range.' },
);
export type ProcessInstanceFilter = Static<typeof ProcessInstanceFilter>;

export const processInstanceSortFields = [
  'processInstanceKey',
  'processDefinitionId',
  'processDefinitionName',
  'processDefinitionVersion',
  'processDefinitionVersionTag',
  'processDefinitionKey',
  'parentProcessInstanceKey',
  'parentElementInstanceKey',
  'startDate',
  'endDate',
  'state',
  'hasIncident',
  'tenantId',
] as const;
export const ProcessInstanceSearchQuery = SearchQueryRequest(ProcessInstanceFilter, SearchQuerySort(processInstanceSortFields));
export type ProcessInstanceSearchQuery = Static<typeof ProcessInstanceSearchQuery>;

export const ProcessInstanceSearchQueryResult = SearchQueryResult(ProcessInstanceResult);
export type ProcessInstanceSearchQueryResult = Static<typeof ProcessInstanceSearchQueryResult>;

/** One instance of a call tree, root first. */
export const ProcessInstanceCallHierarchyEntry = Type.Object({
  processInstanceKey: Key,
  processDefinitionKey: Key,
  processDefinitionName: Type.String({ description: 'The process\'s name; its id when it has none.' }),
});
export type ProcessInstanceCallHierarchyEntry = Static<typeof ProcessInstanceCallHierarchyEntry>;

export const ProcessInstanceCallHierarchy = Type.Array(ProcessInstanceCallHierarchyEntry);
export type ProcessInstanceCallHierarchy = Static<typeof ProcessInstanceCallHierarchy>;

/** A sequence flow the instance took (each once). */
export const ProcessInstanceSequenceFlowResult = Type.Object({
  sequenceFlowId: Type.String({ description: '`<processInstanceKey>_<elementId>`.' }),
  processInstanceKey: Key,
  processDefinitionKey: Key,
  processDefinitionId: Type.String(),
  elementId: Type.String({ description: 'The sequence flow\'s id in the model.' }),
  tenantId: TenantId,
});
export type ProcessInstanceSequenceFlowResult = Static<typeof ProcessInstanceSequenceFlowResult>;

export const ProcessInstanceSequenceFlowsQueryResult = Type.Object({ items: Type.Array(ProcessInstanceSequenceFlowResult) });
export type ProcessInstanceSequenceFlowsQueryResult = Static<typeof ProcessInstanceSequenceFlowsQueryResult>;

/** How many instances of one element an instance has in each state (the process itself not counted). */
export const ProcessElementStatisticsResult = Type.Object({
  elementId: Type.String(),
  active: Type.Integer({ description: 'Active, without an open incident.' }),
  canceled: Type.Integer({ description: 'Terminated (cancelled or interrupted).' }),
  incidents: Type.Integer({ description: 'Active with an open incident.' }),
  completed: Type.Integer(),
});
export type ProcessElementStatisticsResult = Static<typeof ProcessElementStatisticsResult>;

export const ProcessInstanceElementStatisticsQueryResult = Type.Object({ items: Type.Array(ProcessElementStatisticsResult) });
export type ProcessInstanceElementStatisticsQueryResult = Static<typeof ProcessInstanceElementStatisticsQueryResult>;

/** Baton: one recorded event of an instance; `type` is the event's name (`ElementActivated`). */
export const HistoryEntry = Type.Object(
  { position: Type.Integer(), type: Type.String(), time: Type.Optional(DateTime), commandId: Type.Optional(Type.String()) },
  { additionalProperties: true },
);
export type HistoryEntry = Static<typeof HistoryEntry> & { readonly [field: string]: unknown };

export const ProcessInstanceHistory = Type.Object({ items: Type.Array(HistoryEntry) });

export const CancelProcessInstanceRequest = Type.Union([
  Type.Object({ operationReference: Type.Optional(Type.Integer({ minimum: 1, description: 'Accepted for Camunda clients; Baton does not echo it.' })) }, { additionalProperties: false }),
  Type.Null(),
]);
export type CancelProcessInstanceRequest = Static<typeof CancelProcessInstanceRequest>;

const OperationReference = Type.Optional(Type.Integer({ minimum: 1, description: 'Accepted for Camunda clients; Baton does not echo it.' }));

/** 8.8's ModifyProcessInstanceVariableInstruction: variables for the process scope (no scopeId) or the scope of an element. */
export const ModifyProcessInstanceVariableInstruction = Type.Object(
  {
    variables: Variables,
    scopeId: Type.Optional(Type.String({ description: 'The id of the activated element or of a subprocess enclosing it; empty or absent: the process scope.' })),
  },
  { additionalProperties: false },
);

/** 8.8's ProcessInstanceModificationInstruction: activations (run first), then terminations, in one atomic command. */
export const ProcessInstanceModificationInstruction = Type.Object(
  {
    operationReference: OperationReference,
    activateInstructions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            elementId: Type.String({ minLength: 1, description: 'The element to activate.' }),
            variableInstructions: Type.Optional(Type.Array(ModifyProcessInstanceVariableInstruction)),
            ancestorElementInstanceKey: Type.Optional(Type.String({ pattern: '^-?[0-9]+$', minLength: 1, maxLength: 25, description: 'An active instance of a subprocess enclosing the element; absent or -1: the one active instance of each, or a new one.' })),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    terminateInstructions: Type.Optional(Type.Array(Type.Object({ elementInstanceKey: Key }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);
export type ProcessInstanceModificationInstruction = Static<typeof ProcessInstanceModificationInstruction>;

/** 8.8's ProcessInstanceMigrationInstruction: the target version and where each active element goes. */
export const ProcessInstanceMigrationInstruction = Type.Object(
  {
    operationReference: OperationReference,
    targetProcessDefinitionKey: Key,
    mappingInstructions: Type.Array(
      Type.Object(
        { sourceElementId: Type.String({ minLength: 1, description: 'An element of the running version.' }), targetElementId: Type.String({ minLength: 1, description: 'The element of the target version it becomes.' }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ProcessInstanceMigrationInstruction = Static<typeof ProcessInstanceMigrationInstruction>;

/** The incidents of one instance: 8.8 takes `sort` and `page` here, no `filter`. */
export const ProcessInstanceIncidentSearchQuery = Type.Object(
  { sort: Type.Optional(IncidentSearchQuerySort), page: Type.Optional(SearchQueryPageRequest) },
  { additionalProperties: false },
);
export type ProcessInstanceIncidentSearchQuery = Static<typeof ProcessInstanceIncidentSearchQuery>;

const tags = ['process instances'];
const instanceKeyParams = keyParams('processInstanceKey');

/** The process-instance operations, each with its path, schemas and summary; routes and `/openapi.json` take them from here. */
export const processInstanceOperations = {
  createProcessInstance: operation({ method: 'POST', path: '/v2/process-instances', tags, summary: 'Start a process instance; with awaitCompletion, answer when it ended', body: ProcessInstanceCreationInstruction, response: CreateProcessInstanceResult }),
  searchProcessInstances: operation({ method: 'POST', path: '/v2/process-instances/search', tags, summary: 'Search process instances (oldest first unless sorted)', body: ProcessInstanceSearchQuery, response: ProcessInstanceSearchQueryResult }),
  getProcessInstance: operation({ method: 'GET', path: '/v2/process-instances/:processInstanceKey', tags, summary: 'Get an instance; Baton adds its variables, waits and incidents', params: instanceKeyParams, response: ProcessInstanceDetail }),
  cancelProcessInstance: operation({ method: 'POST', path: '/v2/process-instances/:processInstanceKey/cancellation', tags, summary: 'Cancel an instance', params: instanceKeyParams, body: CancelProcessInstanceRequest }),
  modifyProcessInstance: operation({ method: 'POST', path: '/v2/process-instances/:processInstanceKey/modification', tags, summary: 'Modify an instance: activate elements, terminate element instances (atomically; a refusal lists every bad instruction)', params: instanceKeyParams, body: ProcessInstanceModificationInstruction }),
  migrateProcessInstance: operation({ method: 'POST', path: '/v2/process-instances/:processInstanceKey/migration', tags, summary: 'Migrate an instance to another version of its process (a refusal lists every element it cannot map)', params: instanceKeyParams, body: ProcessInstanceMigrationInstruction }),
  getProcessInstanceCallHierarchy: operation({ method: 'GET', path: '/v2/process-instances/:processInstanceKey/call-hierarchy', tags, summary: 'The instances that called this one, root first, ending with it', params: instanceKeyParams, response: ProcessInstanceCallHierarchy }),
  getProcessInstanceSequenceFlows: operation({ method: 'GET', path: '/v2/process-instances/:processInstanceKey/sequence-flows', tags, summary: 'The sequence flows the instance took, each once', params: instanceKeyParams, response: ProcessInstanceSequenceFlowsQueryResult }),
  getProcessInstanceStatistics: operation({ method: 'GET', path: '/v2/process-instances/:processInstanceKey/statistics/element-instances', tags, summary: 'Per element: how many of its instances are active, have an incident, completed or were cancelled', params: instanceKeyParams, response: ProcessInstanceElementStatisticsQueryResult }),
  searchProcessInstanceIncidents: operation({ method: 'POST', path: '/v2/process-instances/:processInstanceKey/incidents/search', tags, summary: 'The open incidents of an instance', params: instanceKeyParams, body: ProcessInstanceIncidentSearchQuery, response: IncidentSearchQueryResult }),
  getProcessInstanceHistory: operation({ method: 'GET', path: '/v2/process-instances/:processInstanceKey/history', tags, summary: 'Baton: the events of an instance, in order', params: instanceKeyParams, response: ProcessInstanceHistory }),
} as const;

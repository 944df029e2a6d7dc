import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, EnumFilter, Key, Literals, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId, keyParams } from './common.js';
import { operation } from './operation.js';
import { DateTimeFilter } from './date-time.js';

/**
 * Incidents in Camunda 8.8's shape (`IncidentResult` of `rest-api.yaml`). Baton's own
 * incident types map onto 8.8's `errorType` enum: see {@link incidentErrorTypes}.
 */

export const IncidentErrorType = Literals([
  'UNSPECIFIED',
  'UNKNOWN',
  'IO_MAPPING_ERROR',
  'JOB_NO_RETRIES',
  'EXECUTION_LISTENER_NO_RETRIES',
  'TASK_LISTENER_NO_RETRIES',
  'AD_HOC_SUB_PROCESS_NO_RETRIES',
  'CONDITION_ERROR',
  'EXTRACT_VALUE_ERROR',
  'CALLED_ELEMENT_ERROR',
  'UNHANDLED_ERROR_EVENT',
  'MESSAGE_SIZE_EXCEEDED',
  'CALLED_DECISION_ERROR',
  'DECISION_EVALUATION_ERROR',
  'FORM_NOT_FOUND',
  'RESOURCE_NOT_FOUND',
]);
export type IncidentErrorType = Static<typeof IncidentErrorType>;

/**
 * Baton's incident types as 8.8 names them: a FEEL expression that fails is Zeebe's
 * EXTRACT_VALUE_ERROR, no outgoing flow whose condition holds its CONDITION_ERROR, a BPMN
 * error nothing catches its UNHANDLED_ERROR_EVENT; the rest have the same name.
 */
export const incidentErrorTypes = {
  JOB_NO_RETRIES: 'JOB_NO_RETRIES',
  EXPRESSION_FAILED: 'EXTRACT_VALUE_ERROR',
  NO_FLOW_MATCHED: 'CONDITION_ERROR',
  UNHANDLED_ERROR: 'UNHANDLED_ERROR_EVENT',
  CALLED_ELEMENT_ERROR: 'CALLED_ELEMENT_ERROR',
  EXTRACT_VALUE_ERROR: 'EXTRACT_VALUE_ERROR',
  CALLED_DECISION_ERROR: 'CALLED_DECISION_ERROR',
  DECISION_EVALUATION_ERROR: 'DECISION_EVALUATION_ERROR',
} as const satisfies Record<string, IncidentErrorType>;

export const IncidentResult = Type.Object({
  incidentKey: Key,
  processDefinitionId: Type.String(),
  processDefinitionKey: Key,
  processInstanceKey: Key,
  errorType: IncidentErrorType,
  errorMessage: Type.String(),
  elementId: Type.String(),
  elementInstanceKey: Key,
  creationTime: Type.String({ format: 'date-time' }),
  state: Literals(['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING'], { description: 'Baton keeps open incidents only: `ACTIVE`.' }),
  tenantId: TenantId,
  jobKey: Type.Optional(Key),
});
export type IncidentResult = Static<typeof IncidentResult>;

export const incidentSortFields = [
  'incidentKey',
  'processDefinitionKey',
  'processDefinitionId',
  'processInstanceKey',
  'errorType',
  'errorMessage',
  'elementId',
  'elementInstanceKey',
  'creationTime',
  'state',
  'jobKey',
  'tenantId',
] as const;
export const IncidentSearchQuerySort = SearchQuerySort(incidentSortFields);

export const IncidentSearchQueryResult = SearchQueryResult(IncidentResult);
export type IncidentSearchQueryResult = Static<typeof IncidentSearchQueryResult>;

/** 8.8's `IncidentFilter`: every given field must match (a value or `{ $eq }`; `creationTime` by range). */
export const IncidentFilter = Type.Object(
  {
    incidentKey: Type.Optional(BasicStringFilter),
    processDefinitionId: Type.Optional(BasicStringFilter),
    processDefinitionKey: Type.Optional(BasicStringFilter),
    processInstanceKey: Type.Optional(BasicStringFilter),
    errorType: Type.Optional(EnumFilter(IncidentErrorType)),
    errorMessage: Type.Optional(BasicStringFilter),
    elementId: Type.Optional(BasicStringFilter),
    elementInstanceKey: Type.Optional(BasicStringFilter),
    creationTime: Type.Optional(DateTimeFilter),
    state: Type.Optional(EnumFilter(Literals(['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING']))),
    tenantId: Type.Optional(BasicStringFilter),
    jobKey: Type.Optional(BasicStringFilter),
  },
  { additionalProperties: false, description: 'Every given filter must match. Baton keeps open incidents only, so `RESOLVED`, `MIGRATED` and `PENDING` match none.' },
);
export type IncidentFilter = Static<typeof IncidentFilter>;

export const IncidentSearchQuery = SearchQueryRequest(IncidentFilter, IncidentSearchQuerySort);
export type IncidentSearchQuery = Static<typeof IncidentSearchQuery>;

/** 8.8 takes `operationReference`; Baton adds `retries`: the failed job's new retries (default 1). */
export const IncidentResolutionRequest = Type.Union([
  Type.Object(
    {
      operationReference: Type.Optional(Type.Integer({ minimum: 1, description: 'Accepted for Camunda clients; Baton does not echo it.' })),
      retries: Type.Optional(Type.Integer({ minimum: 1, description: 'Baton: the job\'s retries after resolving a JOB_NO_RETRIES incident (default 1).' })),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);
export type IncidentResolutionRequest = Static<typeof IncidentResolutionRequest>;

const tags = ['incidents'];
const incidentKeyParams = keyParams('incidentKey');

/** The incident operations, each with its path, schemas and summary; routes and `/openapi.json` take them from here. */
export const incidentOperations = {
  searchIncidents: operation({ method: 'POST', path: '/v2/incidents/search', tags, summary: 'Search open incidents (oldest first unless sorted)', body: IncidentSearchQuery, response: IncidentSearchQueryResult }),
  getIncident: operation({ method: 'GET', path: '/v2/incidents/:incidentKey', tags, summary: 'Get an open incident', params: incidentKeyParams, response: IncidentResult }),
  resolveIncident: operation({ method: 'POST', path: '/v2/incidents/:incidentKey/resolution', tags, summary: 'Resolve an incident: retry its job (with `retries`, default 1) or re-run its element', params: incidentKeyParams, body: IncidentResolutionRequest }),
} as const;

import { Type, type Static } from '@sinclair/typebox';
import { Key, Literals, SearchQueryResult, SearchQuerySort, TenantId } from './common.js';

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
  state: Literals(['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING']),
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

import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, EnumFilter, Key, Literals, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId, Variables, keyParams } from './common.js';
import { operation } from './operation.js';

/**
 * The element instances family of Camunda 8.8's REST v2 (`/v2/element-instances/...`):
 * search, get, and setting variables in an element instance's scope. An element
 * instance is one run of a BPMN element in a process instance; the process instance
 * itself is one too (type `PROCESS`, its key the process instance key).
 */

export const ElementInstanceState = Literals(['ACTIVE', 'COMPLETED', 'TERMINATED']);
export type ElementInstanceState = Static<typeof ElementInstanceState>;

/** 8.8's element types; Baton gives `UNKNOWN` for an element type 8.8 does not name. */
export const elementInstanceTypes = [
  'UNSPECIFIED',
  'PROCESS',
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS',
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'EXCLUSIVE_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'SEQUENCE_FLOW',
  'MULTI_INSTANCE_BODY',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
  'UNKNOWN',
] as const;
export const ElementInstanceType = Literals(elementInstanceTypes);
export type ElementInstanceType = Static<typeof ElementInstanceType>;

export const ElementInstanceResult = Type.Object({
  elementInstanceKey: Key,
  processInstanceKey: Key,
  processDefinitionKey: Key,
  processDefinitionId: Type.String({ description: 'The BPMN process id.' }),
  elementId: Type.String(),
  elementName: Type.String({ description: 'The element\'s name in the model, else its id.' }),
  type: ElementInstanceType,
  state: ElementInstanceState,
  hasIncident: Type.Boolean(),
  incidentKey: Type.Optional(Key),
  startDate: Type.String({ format: 'date-time' }),
  endDate: Type.Optional(Type.String({ format: 'date-time' })),
  tenantId: TenantId,
});
export type ElementInstanceResult = Static<typeof ElementInstanceResult>;

export const ElementInstanceFilter = Type.Object(
  {
    elementInstanceKey: Type.Optional(BasicStringFilter),
    processInstanceKey: Type.Optional(BasicStringFilter),
    processDefinitionKey: Type.Optional(BasicStringFilter),
    processDefinitionId: Type.Optional(BasicStringFilter),
    elementId: Type.Optional(BasicStringFilter),
    state: Type.Optional(EnumFilter(ElementInstanceState)),
    type: Type.Optional(EnumFilter(ElementInstanceType)),
    hasIncident: Type.Optional(Type.Boolean()),
    tenantId: Type.Optional(BasicStringFilter),
  },
  { additionalProperties: false, description: 'Every given filter must match. Baton filters by equality (a value or `{ $eq }`).' },
);
export type ElementInstanceFilter = Static<typeof ElementInstanceFilter>;

/** 8.8's sort fields; Baton lists element instances in start order (by instance, then activation) and honours only these ascending. */
export const elementInstanceSortFields = ['elementInstanceKey', 'startDate'] as const;
const sortFields88 = [
  ...elementInstanceSortFields,
  'processInstanceKey',
  'processDefinitionKey',
  'processDefinitionId',
  'endDate',
  'elementId',
  'elementName',
  'type',
  'state',
  'incidentKey',
  'tenantId',
] as const;
export const ElementInstanceSearchQuery = SearchQueryRequest(ElementInstanceFilter, SearchQuerySort(sortFields88));
export type ElementInstanceSearchQuery = Static<typeof ElementInstanceSearchQuery>;

export const ElementInstanceSearchQueryResult = SearchQueryResult(ElementInstanceResult);
export type ElementInstanceSearchQueryResult = Static<typeof ElementInstanceSearchQueryResult>;

export const SetVariableRequest = Type.Object(
  {
    variables: Variables,
    local: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'true: every variable is set in this element instance\'s scope; false: each in the nearest scope that has it, else the process scope.',
      }),
    ),
    operationReference: Type.Optional(Type.Integer({ minimum: 1, description: 'Accepted for Camunda clients; Baton does not echo it.' })),
  },
  { additionalProperties: false },
);
export type SetVariableRequest = Static<typeof SetVariableRequest>;

const tags = ['element instances'];
const elementInstanceKeyParams = keyParams('elementInstanceKey');

/** The element instance operations; routes and `/openapi.json` take them from here. */
export const elementInstanceOperations = {
  searchElementInstances: operation({
    method: 'POST',
    path: '/v2/element-instances/search',
    tags,
    summary: 'Search element instances (active and ended) of process instances',
    body: ElementInstanceSearchQuery,
    response: ElementInstanceSearchQueryResult,
  }),
  getElementInstance: operation({ method: 'GET', path: '/v2/element-instances/:elementInstanceKey', tags, summary: 'Get an element instance', params: elementInstanceKeyParams, response: ElementInstanceResult }),
  createElementInstanceVariables: operation({
    method: 'PUT',
    path: '/v2/element-instances/:elementInstanceKey/variables',
    tags,
    summary: 'Set variables in the scope of an active element instance (or of a process instance); nothing else happens',
    params: elementInstanceKeyParams,
    body: SetVariableRequest,
  }),
} as const;

import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, Key, SearchQueryPageRequest, SearchQueryResult, SearchQuerySort, TenantId, keyParams } from './common.js';
import { operation } from './operation.js';
import { ProcessElementStatisticsResult, ProcessInstanceFilter } from './process-instances.js';

/**
 * The process-definition family of Camunda 8.8's REST v2 (`/v2/process-definitions/...`):
 * search, get, BPMN XML, start form and element statistics across the definition's
 * instances. Shapes as in 8.8's `rest-api.yaml`.
 */

/** 8.8's `ProcessDefinitionResult`: one deployed version of a process. */
export const ProcessDefinitionResult = Type.Object({
  name: Type.Optional(Type.String({ description: 'The process\'s name, when the model gives one.' })),
  resourceName: Type.String({ description: 'The deployed file the process came from.' }),
  version: Type.Integer({ minimum: 1 }),
  versionTag: Type.Optional(Type.String()),
  processDefinitionId: Type.String({ description: 'The BPMN process id.' }),
  tenantId: TenantId,
  processDefinitionKey: Key,
  hasStartForm: Type.Boolean({ description: 'Whether the start event links a form; Baton\'s models carry no start forms yet, so false.' }),
});
export type ProcessDefinitionResult = Static<typeof ProcessDefinitionResult>;

export const ProcessDefinitionFilter = Type.Object(
  {
    name: Type.Optional(BasicStringFilter),
    isLatestVersion: Type.Optional(Type.Boolean({ description: 'Only the latest version of each process.' })),
    resourceName: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer()),
    versionTag: Type.Optional(Type.String()),
    processDefinitionId: Type.Optional(BasicStringFilter),
    tenantId: Type.Optional(TenantId),
    processDefinitionKey: Type.Optional(Key),
    hasStartForm: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: 'Every given filter must match. Strings by equality (a value or `{ $eq }`).' },
);
export type ProcessDefinitionFilter = Static<typeof ProcessDefinitionFilter>;

export const processDefinitionSortFields = ['processDefinitionKey', 'name', 'resourceName', 'version', 'versionTag', 'processDefinitionId', 'tenantId'] as const;
export const ProcessDefinitionSearchQuery = Type.Object(
  { filter: Type.Optional(ProcessDefinitionFilter), sort: Type.Optional(SearchQuerySort(processDefinitionSortFields)), page: Type.Optional(SearchQueryPageRequest) },
  { additionalProperties: false },
);
export type ProcessDefinitionSearchQuery = Static<typeof ProcessDefinitionSearchQuery>;

export const ProcessDefinitionSearchQueryResult = SearchQueryResult(ProcessDefinitionResult);
export type ProcessDefinitionSearchQueryResult = Static<typeof ProcessDefinitionSearchQueryResult>;

/** 8.8's `FormResult`: a deployed form-js form. */
export const FormResult = Type.Object({
  tenantId: TenantId,
  formId: Type.String(),
  schema: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: 'The form-js schema.' }),
  version: Type.Optional(Type.Integer()),
  formKey: Type.Optional(Key),
});
export type FormResult = Static<typeof FormResult>;

/** The instances whose elements are counted: 8.8's process-instance filter fields (the definition is the path's). */
export const ProcessDefinitionElementStatisticsQuery = Type.Union([
  Type.Object({ filter: Type.Optional(Type.Omit(ProcessInstanceFilter, ['processDefinitionKey'], { additionalProperties: false })) }, { additionalProperties: false }),
  Type.Null(),
]);
export type ProcessDefinitionElementStatisticsQuery = Static<typeof ProcessDefinitionElementStatisticsQuery>;

export const ProcessDefinitionElementStatisticsQueryResult = Type.Object({ items: Type.Array(ProcessElementStatisticsResult) });
export type ProcessDefinitionElementStatisticsQueryResult = Static<typeof ProcessDefinitionElementStatisticsQueryResult>;

/** The BPMN XML answer (`text/xml`). */
export const ProcessDefinitionXml = Type.String({ description: 'The BPMN 2.0 XML as deployed.' });

const tags = ['process definitions'];
const definitionKeyParams = keyParams('processDefinitionKey');

/** The process-definition operations, each with its path, schemas and summary; routes and `/openapi.json` take them from here. */
export const processDefinitionOperations = {
  searchProcessDefinitions: operation({ method: 'POST', path: '/v2/process-definitions/search', tags, summary: 'Search process definitions (by process id, then version, unless sorted)', body: ProcessDefinitionSearchQuery, response: ProcessDefinitionSearchQueryResult }),
  getProcessDefinition: operation({ method: 'GET', path: '/v2/process-definitions/:processDefinitionKey', tags, summary: 'Get a process definition', params: definitionKeyParams, response: ProcessDefinitionResult }),
  getProcessDefinitionXml: operation({ method: 'GET', path: '/v2/process-definitions/:processDefinitionKey/xml', tags, summary: 'The BPMN XML of a process definition (text/xml)', params: definitionKeyParams, response: ProcessDefinitionXml }),
  getStartProcessForm: operation({ method: 'GET', path: '/v2/process-definitions/:processDefinitionKey/form', tags, summary: 'The start form of a process definition; 204 when it has none', params: definitionKeyParams, response: FormResult }),
  getProcessDefinitionStatistics: operation({
    method: 'POST',
    path: '/v2/process-definitions/:processDefinitionKey/statistics/element-instances',
    tags,
    summary: 'Per element, across the definition\'s instances: how many of its instances are active, have an incident, completed or were cancelled',
    params: definitionKeyParams,
    body: ProcessDefinitionElementStatisticsQuery,
    response: ProcessDefinitionElementStatisticsQueryResult,
  }),
} as const;

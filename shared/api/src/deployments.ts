import { Type, type Static } from '@sinclair/typebox';
import { Key, TenantId, keyParams } from './common.js';
import { DecisionDefinitionResult, DecisionRequirementsResult } from './decisions.js';
import { operation } from './operation.js';

/**
 * Deployments and resources of Camunda 8.8's REST v2: `POST /v2/deployments` (multipart
 * `resources`), and `/v2/resources/{resourceKey}` (a deployed process definition: its
 * metadata and its content; deletion answers 501 until the stores can delete a version). Shapes as in 8.8's `rest-api.yaml`.
 */

/** 8.8's `DeploymentProcessResult`. */
export const DeploymentProcessResult = Type.Object({
  processDefinitionId: Type.String({ description: 'The BPMN process id.' }),
  processDefinitionVersion: Type.Integer({ minimum: 1 }),
  resourceName: Type.String(),
  tenantId: TenantId,
  processDefinitionKey: Key,
});
export type DeploymentProcessResult = Static<typeof DeploymentProcessResult>;

/** 8.8's `DeploymentFormResult` (every field optional there); Baton keeps one form per id, without a key or version. */
export const DeploymentFormResult = Type.Object({
  formId: Type.String(),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  resourceName: Type.String(),
  tenantId: TenantId,
  formKey: Type.Optional(Key),
});
export type DeploymentFormResult = Static<typeof DeploymentFormResult>;

/** 8.8's `DeploymentDecisionResult`: a decision of a deployed DMN file (issue 16), as its decision definition. */
export const DeploymentDecisionResult = DecisionDefinitionResult;

/** 8.8's `DeploymentDecisionRequirementsResult`: a deployed DMN file, as its decision requirements. */
export const DeploymentDecisionRequirementsResult = DecisionRequirementsResult;

/** One deployed item: a process, a DMN file or one of its decisions, or a form. */
export const DeploymentMetadataResult = Type.Union([
  Type.Object({ processDefinition: DeploymentProcessResult }, { additionalProperties: false }),
  Type.Object({ decisionRequirements: DeploymentDecisionRequirementsResult }, { additionalProperties: false }),
  Type.Object({ decisionDefinition: DeploymentDecisionResult }, { additionalProperties: false }),
  Type.Object({ form: DeploymentFormResult }, { additionalProperties: false }),
]);
export type DeploymentMetadataResult = Static<typeof DeploymentMetadataResult>;

/** 8.8's `DeploymentResult`. */
export const DeploymentResult = Type.Object({
  deploymentKey: Key,
  tenantId: TenantId,
  deployments: Type.Array(DeploymentMetadataResult, { description: 'The processes, then the DMN files and their decisions, then the forms, of the request.' }),
});
export type DeploymentResult = Static<typeof DeploymentResult>;

/** 8.8's `ResourceResult`: a deployed resource (Baton: a process definition). */
export const ResourceResult = Type.Object({
  resourceName: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  versionTag: Type.Optional(Type.String()),
  resourceId: Type.String({ description: 'The BPMN process id.' }),
  tenantId: TenantId,
  resourceKey: Key,
});
export type ResourceResult = Static<typeof ResourceResult>;

/** The resource's content as deployed (for a process: its BPMN XML). */
export const ResourceContent = Type.String({ description: 'The resource as deployed.' });

const resourceKeyParams = keyParams('resourceKey');

/** 8.8's body of a resource deletion: empty, or an `operationReference`. */
export const DeleteResourceRequest = Type.Union([
  Type.Object({ operationReference: Type.Optional(Type.Integer({ minimum: 1, description: 'Accepted for Camunda clients; Baton does not echo it.' })) }, { additionalProperties: false }),
  Type.Null(),
]);
export type DeleteResourceRequest = Static<typeof DeleteResourceRequest>;

/** The deployment and resource operations (the deploy body is multipart: its route declares it). */
export const deploymentOperations = {
  createDeployment: operation({ method: 'POST', path: '/v2/deployments', tags: ['deployments'], summary: 'Deploy BPMN models and forms', response: DeploymentResult }),
  getResource: operation({ method: 'GET', path: '/v2/resources/:resourceKey', tags: ['resources'], summary: 'Get a deployed resource (a process definition)', params: resourceKeyParams, response: ResourceResult }),
  deleteResource: operation({
    method: 'POST',
    path: '/v2/resources/:resourceKey/deletion',
    tags: ['resources'],
    summary: 'Delete a deployed process definition version (refused with 409 DEFINITION_IN_USE while an instance of it is active); the highest version left becomes the latest',
    params: resourceKeyParams,
    body: DeleteResourceRequest,
  }),
  getResourceContent: operation({ method: 'GET', path: '/v2/resources/:resourceKey/content', tags: ['resources'], summary: 'The content of a deployed resource as deployed', params: resourceKeyParams, response: ResourceContent }),
} as const;

import type {
  DeploymentResult,
  FormResult,
  ProcessDefinitionElementStatisticsQuery,
  ProcessDefinitionElementStatisticsQueryResult,
  ProcessDefinitionResult,
  ProcessDefinitionSearchQuery,
  ProcessDefinitionSearchQueryResult,
  ResourceResult,
} from '@baton/api';

/** One file handed to `deploy`: a BPMN model, or (name ending in `.form`) a form-js form. */
export interface DeployResource {
  readonly name: string;
  /** The file's text: BPMN XML, or a form's JSON. */
  readonly xml: string;
}

/**
 * The deployment, process-definition and resource operations of the HTTP facade (part
 * of `EngineApi`), in the contract's shapes (`@baton/api`). Errors as `EngineApi`'s:
 * `DEFINITION_NOT_FOUND` for an unknown definition or resource key.
 */
export interface DefinitionsApi {
  /** Validates every resource first; deploys none when any has an error (`MODEL_INVALID` listing all problems). */
  deploy(resources: readonly DeployResource[], options: { readonly allowNonExecutable: boolean }): Promise<DeploymentResult>;
  /** Deployed versions matching the query, by process id then version unless sorted. */
  searchProcessDefinitions(query: ProcessDefinitionSearchQuery): Promise<ProcessDefinitionSearchQueryResult>;
  getProcessDefinition(processDefinitionKey: string): Promise<ProcessDefinitionResult>;
  getProcessDefinitionXml(processDefinitionKey: string): Promise<string>;
  /** The start form of the definition; undefined when it has none (the route answers 204). */
  getStartProcessForm(processDefinitionKey: string): Promise<FormResult | undefined>;
  /** Per element, summed over the definition's instances that match the filter. */
  getProcessDefinitionStatistics(processDefinitionKey: string, query: ProcessDefinitionElementStatisticsQuery): Promise<ProcessDefinitionElementStatisticsQueryResult>;
  /** A deployed process definition as a resource. */
  getResource(resourceKey: string): Promise<ResourceResult>;
  /** Deletes a deployed process definition version: `DEFINITION_NOT_FOUND`, or `DEFINITION_IN_USE` while an instance of it is active. */
  deleteResource(resourceKey: string): Promise<void>;
}

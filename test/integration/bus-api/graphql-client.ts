import type { BatonClient } from '@baton/client';
import { BatonError, isErrorCode } from '@baton/errors';

/** The `BatonClient` calls the conformance suite makes. */
export type ConformanceCalls = Pick<
  BatonClient,
  | 'deployResources'
  | 'createProcessInstance'
  | 'searchProcessInstances'
  | 'getProcessInstance'
  | 'getProcessDefinitionXml'
  | 'activateJobs'
  | 'completeJob'
  | 'failJob'
  | 'searchUserTasks'
  | 'getUserTask'
  | 'assignUserTask'
  | 'completeUserTask'
  | 'publishMessage'
  | 'searchIncidents'
  | 'resolveIncident'
>;

interface GraphqlError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly status?: number };
}

const instanceFields = 'processInstanceKey processDefinitionId processDefinitionName processDefinitionVersion processDefinitionKey startDate endDate state hasIncident tenantId';
const taskFields = 'userTaskKey name state assignee elementId elementInstanceKey candidateGroups candidateUsers processDefinitionId processDefinitionKey processInstanceKey creationDate priority tenantId';
const incidentFields = 'incidentKey processDefinitionId processDefinitionKey processInstanceKey errorType errorMessage elementId elementInstanceKey creationTime state tenantId jobKey';
const jobFields = 'jobKey type processInstanceKey processDefinitionId processDefinitionKey processDefinitionVersion elementId elementInstanceKey customHeaders worker retries deadline variables tenantId';
const pageFields = 'page { totalItems }';

/**
 * The conformance suite's calls over `/graphql` (issue 14: one suite, three doors): each a
 * GraphQL query or mutation of the node's schema, its errors turned into `BatonError`s with
 * the REST problem's code and status (`extensions.code`, `extensions.status`), as the
 * REST client rejects. Job activation answers at once over GraphQL, so the long poll
 * the suite asks for (`requestTimeout`) is the caller's: asked again until a job comes.
 */
export function graphqlClient(url: string): ConformanceCalls {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const answer = (await res.json()) as { data?: T | null; errors?: readonly GraphqlError[] };
    const error = answer.errors?.[0];
    if (error !== undefined) {
      const code = error.extensions?.code;
      throw new BatonError(code !== undefined && isErrorCode(code) ? code : 'INTERNAL', error.message, { status: error.extensions?.status ?? res.status });
    }
    return answer.data as T;
  };
  const search = async (field: string, fields: string, filter: unknown) => (await call<Record<string, { items: unknown[]; page: unknown }>>(`query ($filter: JSON) { ${field}(filter: $filter) { items { ${fields} } ${pageFields} } }`, { filter }))[field];

  return {
    async deployResources(request) {
      const resources = 'xml' in request ? [{ name: request.name ?? 'resource.bpmn', content: request.xml }] : request.resources;
      const deployments = [];
      for (const resource of resources) {
        const deployed = await call<{ deploy: { deploymentKey: string; tenantId: string; deployments: unknown[] } }>('mutation ($xml: String!, $name: String) { deploy(xml: $xml, name: $name) { deploymentKey tenantId deployments } }', {
          xml: String(resource.content),
          name: resource.name,
        });
        deployments.push(...deployed.deploy.deployments);
      }
      return { deploymentKey: '', tenantId: '<default>', deployments } as never;
    },
    createProcessInstance: async (request) =>
      (await call<{ createProcessInstance: never }>(
        `mutation ($id: String, $variables: JSON) { createProcessInstance(processDefinitionId: $id, variables: $variables) { processDefinitionId processDefinitionVersion processDefinitionKey processInstanceKey tenantId variables } }`,
        { id: request.processDefinitionId, variables: request.variables ?? {} },
      )).createProcessInstance,
    searchProcessInstances: async (search_) => (await search('processInstances', instanceFields, search_?.filter ?? {})) as never,
    getProcessInstance: async (key) => (await call<{ processInstance: never }>(`query ($key: ID!) { processInstance(key: $key) { ${instanceFields} } }`, { key })).processInstance,
    getProcessDefinitionXml: async (key) => (await call<{ processDefinition: { xml: string } }>('query ($key: ID!) { processDefinition(key: $key) { xml } }', { key })).processDefinition.xml,
    async activateJobs(request) {
      const deadline = Date.now() + (request.requestTimeout ?? 0);
      for (;;) {
        const { activateJobs } = await call<{ activateJobs: never[] }>(
          `mutation ($type: String!, $worker: String, $timeout: Float!, $max: Int!) { activateJobs(type: $type, worker: $worker, timeout: $timeout, maxJobsToActivate: $max) { ${jobFields} } }`,
          { type: request.type, worker: request.worker, timeout: request.timeout, max: request.maxJobsToActivate },
        );
        if (activateJobs.length > 0 || Date.now() >= deadline) return activateJobs;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async completeJob(jobKey, variables) {
      await call('mutation ($key: ID!, $variables: JSON) { completeJob(key: $key, variables: $variables) }', { key: jobKey, variables: variables ?? {} });
    },
    async failJob(jobKey, request) {
      await call('mutation ($key: ID!, $retries: Int!, $message: String) { failJob(key: $key, retries: $retries, errorMessage: $message) }', { key: jobKey, retries: request.retries, message: request.errorMessage });
    },
    searchUserTasks: async (search_) => (await search('userTasks', taskFields, search_?.filter ?? {})) as never,
    getUserTask: async (key) => (await call<{ userTask: never }>(`query ($key: ID!) { userTask(key: $key) { ${taskFields} } }`, { key })).userTask,
    async assignUserTask(key, assignee) {
      await call('mutation ($key: ID!, $assignee: String!) { assignUserTask(key: $key, assignee: $assignee) }', { key, assignee });
    },
    async completeUserTask(key, variables) {
      await call('mutation ($key: ID!, $variables: JSON) { completeUserTask(key: $key, variables: $variables) }', { key, variables: variables ?? {} });
    },
    publishMessage: async (request) =>
      (await call<{ publishMessage: never }>('mutation ($name: String!, $key: String, $ttl: Float) { publishMessage(name: $name, correlationKey: $key, timeToLive: $ttl) { messageKey tenantId } }', {
        name: request.name,
        key: request.correlationKey,
        ttl: request.timeToLive,
      })).publishMessage,
    searchIncidents: async (search_) => (await search('incidents', incidentFields, search_?.filter ?? {})) as never,
    async resolveIncident(key) {
      await call('mutation ($key: ID!) { resolveIncident(key: $key) }', { key });
    },
  };
}

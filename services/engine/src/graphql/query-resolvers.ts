import {
  elementInstanceOperations as elementOps,
  incidentOperations,
  jobOperations,
  processDefinitionOperations as definitionOps,
  processInstanceOperations as instanceOps,
  userTaskOperations as taskOps,
  variableOperations,
} from '@baton/api';
import type { IResolvers } from 'mercurius';
import { pathOf, searchBody, type GraphqlContext, type Page, type SearchArgs } from './rest-paths.js';

type Search = (source: unknown, args: SearchArgs, context: GraphqlContext) => Promise<unknown>;

/** A query field that runs one search operation of the contract. */
const search =
  (operation: { readonly path: string }): Search =>
  (_source, args, { rest }) =>
    rest({ method: 'POST', url: pathOf(operation), payload: searchBody(args) });

/** A field of an instance that runs a search limited to that instance. */
const searchOfInstance =
  (operation: { readonly path: string }): Search =>
  (source, args, { rest }) => {
    const { processInstanceKey } = source as { processInstanceKey: string };
    const filter = { ...(args.filter as Record<string, unknown> | null | undefined), processInstanceKey };
    return rest({ method: 'POST', url: pathOf(operation), payload: searchBody({ ...args, filter }) });
  };

/** A GET of one object by key. */
const getByKey =
  (operation: { readonly path: string }, param: string) =>
  (_source: unknown, args: { key: string }, { rest }: GraphqlContext): Promise<unknown> =>
    rest({ method: 'GET', url: pathOf(operation, { [param]: args.key }) });

/** null for a 204 (no form), else the answer. */
const orNull = <T>(value: T | undefined): T | null => value ?? null;

/** Query fields and the nested fields resolved one object at a time (batched ones are loaders). */
export const queryResolvers: IResolvers = {
  Query: {
    processDefinitions: search(definitionOps.searchProcessDefinitions),
    processDefinition: getByKey(definitionOps.getProcessDefinition, 'processDefinitionKey'),
    processInstances: search(instanceOps.searchProcessInstances),
    processInstance: getByKey(instanceOps.getProcessInstance, 'processInstanceKey'),
    elementInstances: search(elementOps.searchElementInstances),
    variables: search(variableOperations.searchVariables),
    incidents: search(incidentOperations.searchIncidents),
    userTasks: search(taskOps.searchUserTasks),
    userTask: getByKey(taskOps.getUserTask, 'userTaskKey'),
    jobs: search(jobOperations.searchJobs),
    topology: (_source: unknown, _args: unknown, { rest }: GraphqlContext) => rest({ method: 'GET', url: '/v2/topology' }),
  },
  ProcessDefinition: {
    xml: (source: { processDefinitionKey: string }, _args: unknown, { rest }: GraphqlContext) =>
      rest({ method: 'GET', url: pathOf(definitionOps.getProcessDefinitionXml, { processDefinitionKey: source.processDefinitionKey }) }),
    form: async (source: { processDefinitionKey: string }, _args: unknown, { rest }: GraphqlContext) =>
      orNull(await rest({ method: 'GET', url: pathOf(definitionOps.getStartProcessForm, { processDefinitionKey: source.processDefinitionKey }) })),
  },
  ProcessInstance: {
    elementInstances: searchOfInstance(elementOps.searchElementInstances),
    variables: searchOfInstance(variableOperations.searchVariables),
    history: async (source: { processInstanceKey: string }, _args: unknown, { rest }: GraphqlContext) =>
      (await rest<Page<unknown>>({ method: 'GET', url: pathOf(instanceOps.getProcessInstanceHistory, { processInstanceKey: source.processInstanceKey }) })).items,
  },
  UserTask: {
    form: async (source: { userTaskKey: string }, _args: unknown, { rest }: GraphqlContext) =>
      orNull(await rest({ method: 'GET', url: pathOf(taskOps.getUserTaskForm, { userTaskKey: source.userTaskKey }) })),
  },
};

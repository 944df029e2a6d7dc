import {
  deploymentOperations,
  incidentOperations,
  jobOperations as jobOps,
  messageOperations,
  processInstanceOperations as instanceOps,
  signalOperations,
  userTaskOperations as taskOps,
  type HttpMethod,
} from '@baton/api';
import type { IResolvers } from 'mercurius';
import { given, pathOf, type GraphqlContext } from './rest-paths.js';

interface KeyedOperation {
  readonly method: HttpMethod;
  readonly path: string;
}

type Args = Readonly<Record<string, unknown>> & { readonly key?: string };

/**
 * A mutation that runs one operation of the contract: `key` fills the path's one
 * parameter (`param`), the other arguments given are the body; answers REST's JSON,
 * or `true` for a 204.
 */
const run =
  (operation: KeyedOperation, param?: string) =>
  async (_source: unknown, { key, ...body }: Args, { rest }: GraphqlContext): Promise<unknown> => {
    const url = pathOf(operation, param === undefined || key === undefined ? {} : { [param]: key });
    const payload = operation.method === 'DELETE' ? undefined : given(body);
    return (await rest({ method: operation.method, url, ...(payload === undefined ? {} : { payload }) })) ?? true;
  };

/** The mutations: each is REST's operation of the same name, with REST's checks and problems. */
export const mutationResolvers: IResolvers = {
  Mutation: {
    deploy: (_source: unknown, args: { xml: string; name?: string | null }, { rest }: GraphqlContext) =>
      rest({
        method: 'POST',
        url: `${pathOf(deploymentOperations.createDeployment)}?name=${encodeURIComponent(args.name ?? 'resource.bpmn')}`,
        payload: args.xml,
        contentType: 'application/xml',
      }),
    createProcessInstance: run(instanceOps.createProcessInstance),
    cancelProcessInstance: run(instanceOps.cancelProcessInstance, 'processInstanceKey'),
    publishMessage: run(messageOperations.publishMessage),
    correlateMessage: run(messageOperations.correlateMessage),
    broadcastSignal: run(signalOperations.broadcastSignal),
    assignUserTask: run(taskOps.assignUserTask, 'userTaskKey'),
    unassignUserTask: run(taskOps.unassignUserTask, 'userTaskKey'),
    completeUserTask: run(taskOps.completeUserTask, 'userTaskKey'),
    // requestTimeout -1: answer at once; a GraphQL request does not long-poll.
    activateJobs: async (source: unknown, args: Args, context: GraphqlContext) =>
      ((await run(jobOps.activateJobs)(source, { ...args, requestTimeout: -1 }, context)) as { jobs: unknown[] }).jobs,
    completeJob: run(jobOps.completeJob, 'jobKey'),
    failJob: run(jobOps.failJob, 'jobKey'),
    throwJobError: run(jobOps.throwJobError, 'jobKey'),
    // A job's changeset takes no nulls (GraphQL's "not given"); a task's takes null as "clear it".
    updateJob: (source: unknown, { changeset, ...args }: Args & { changeset: Record<string, unknown> }, context: GraphqlContext) =>
      run(jobOps.updateJob, 'jobKey')(source, { ...args, changeset: given(changeset) }, context),
    updateUserTask: run(taskOps.updateUserTask, 'userTaskKey'),
    resolveIncident: run(incidentOperations.resolveIncident, 'incidentKey'),
  },
};

import { defaultTenantId, jobOperations as ops } from '@baton/api';
import type { ActivatedJob, JobActivationRequest, JobCompletionRequest, JobErrorRequest, JobFailRequest, JobSearchQuery, JobUpdateRequest } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';
import { waitFor } from '../wait-for.js';
import { abortOnClose } from './abort-on-close.js';

/** Long-poll this long when `requestTimeout` is 0 or absent (as Camunda); negative: answer at once. */
const defaultRequestTimeoutMs = 10_000;

function activationTimeoutMs(requestTimeout: number | undefined): number {
  if (requestTimeout === undefined || requestTimeout === 0) return defaultRequestTimeoutMs;
  return Math.max(requestTimeout, 0);
}

/** Path parameters of the operations on one job. */
type JobParams = { Params: { jobKey: string } };

function registerActivation(app: FastifyInstance, { engine, closing }: RouteContext): void {
  app.post<{ Body: JobActivationRequest }>(ops.activateJobs.path, { config: { command: 'ActivateJobs', access: 'job-activate' }, schema: schemaOf(ops.activateJobs) }, async (request, reply) => {
    const { type, worker, timeout, maxJobsToActivate, requestTimeout, fetchVariable, tenantIds } = request.body;
    // One tenant until multi-tenancy lands: asking only for others finds nothing.
    if (tenantIds !== undefined && tenantIds.length > 0 && !tenantIds.includes(defaultTenantId)) return { jobs: [] };
    const probe = async (): Promise<readonly ActivatedJob[] | undefined> => {
      const jobs = await engine.activateJobs({ type, worker: worker ?? '', timeoutMs: timeout, maxJobsToActivate, ...(fetchVariable === undefined ? {} : { fetchVariable }) });
      return jobs.length > 0 ? jobs : undefined;
    };
    const options = { timeoutMs: activationTimeoutMs(requestTimeout), onChange: (l: () => void) => engine.onChange(l) };
    const jobs = (await waitFor(probe, { ...options, signal: abortOnClose(reply, closing) })) ?? [];
    if (jobs.length > 0) request.log.info({ jobKeys: jobs.map((j) => j.jobKey), type, worker }, 'jobs activated');
    return { jobs: [...jobs] };
  });
}

function registerOutcomes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<JobParams & { Body: JobCompletionRequest }>(ops.completeJob.path, { config: { command: 'CompleteJob', access: 'job' }, schema: schemaOf(ops.completeJob) }, async (request, reply) => {
    await engine.completeJob(request.params.jobKey, request.body?.variables ?? {});
    return reply.code(204).send();
  });
  app.post<JobParams & { Body: JobFailRequest }>(ops.failJob.path, { config: { command: 'FailJob', access: 'job' }, schema: schemaOf(ops.failJob) }, async (request, reply) => {
    const { retries, errorMessage, retryBackOff, variables } = request.body;
    await engine.failJob(request.params.jobKey, { retries: retries ?? 0, errorMessage: errorMessage ?? '', retryBackOffMs: retryBackOff ?? 0, ...(variables ? { variables } : {}) });
    return reply.code(204).send();
  });
  app.post<JobParams & { Body: JobErrorRequest }>(ops.throwJobError.path, { config: { command: 'ThrowError', access: 'job' }, schema: schemaOf(ops.throwJobError) }, async (request, reply) => {
    const { errorCode, errorMessage, variables } = request.body;
    await engine.throwError(request.params.jobKey, { errorCode, ...(errorMessage === undefined ? {} : { errorMessage }), variables: variables ?? {} });
    return reply.code(204).send();
  });
  app.patch<JobParams & { Body: JobUpdateRequest }>(ops.updateJob.path, { config: { command: 'UpdateJob', access: 'job' }, schema: schemaOf(ops.updateJob) }, async (request, reply) => {
    const { retries, timeout } = request.body.changeset;
    await engine.updateJob(request.params.jobKey, { ...(retries === undefined ? {} : { retries }), ...(timeout === undefined ? {} : { timeoutMs: timeout }) });
    return reply.code(204).send();
  });
}

/** The jobs operations of the contract (`jobOperations` in @baton/api): activation (long poll), completion, failure, error, update, search. */
export function registerJobRoutes(app: FastifyInstance, context: RouteContext): void {
  registerActivation(app, context);
  registerOutcomes(app, context);
  app.post<{ Body: JobSearchQuery | null }>(ops.searchJobs.path, { config: { access: 'read' }, schema: schemaOf(ops.searchJobs) }, async (request) => context.engine.searchJobs(request.body ?? {}));
}

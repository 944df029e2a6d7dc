import type { FastifyInstance } from 'fastify';
import type { ActivatedJob, Variables } from '../engine-api.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses, keyParams, millisSchema, noContent, variablesSchema } from '../schemas.js';
import { waitFor } from '../wait-for.js';
import { abortOnClose } from './abort-on-close.js';

/** Long-poll this long when `requestTimeout` is 0 or absent (as Camunda); negative: answer at once. */
const defaultRequestTimeoutMs = 10_000;

interface ActivationBody {
  type: string;
  worker: string;
  timeout: number;
  maxJobsToActivate: number;
  requestTimeout?: number;
}

const jobSchema = {
  type: 'object',
  properties: {
    jobKey: { type: 'string' },
    type: { type: 'string' },
    processInstanceKey: { type: 'string' },
    processDefinitionId: { type: 'string' },
    processDefinitionKey: { type: 'string' },
    elementId: { type: 'string' },
    elementInstanceKey: { type: 'string' },
    variables: variablesSchema,
    customHeaders: { type: 'object', additionalProperties: { type: 'string' } },
    worker: { type: 'string' },
    retries: { type: 'integer' },
    deadline: { type: 'integer', description: 'Epoch ms; after it the job goes to another worker.' },
  },
} as const;

const jobParams = keyParams('jobKey');

function activationTimeoutMs(requestTimeout: number | undefined): number {
  if (requestTimeout === undefined || requestTimeout === 0) return defaultRequestTimeoutMs;
  return Math.max(requestTimeout, 0);
}

function registerActivation(app: FastifyInstance, { engine, closing }: RouteContext): void {
  app.post<{ Body: ActivationBody }>(
    '/v2/jobs/activation',
    {
      config: { command: 'ActivateJobs', access: 'job-activate' },
      schema: {
        tags: ['jobs'],
        summary: 'Activate jobs of a type; waits up to requestTimeout ms for one',
        body: {
          type: 'object',
          required: ['type', 'timeout', 'maxJobsToActivate'],
          properties: {
            type: { type: 'string', minLength: 1, description: 'The job type (capability).' },
            worker: { type: 'string', default: '' },
            timeout: { ...millisSchema, minimum: 1, description: 'How long the jobs are reserved for this worker (ms).' },
            maxJobsToActivate: { type: 'integer', minimum: 1 },
            requestTimeout: { type: 'integer', description: 'Long-poll limit (ms); 0 means 10 s, negative answers at once.' },
          },
        },
        response: { 200: { type: 'object', properties: { jobs: { type: 'array', items: jobSchema } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { type, worker, timeout, maxJobsToActivate, requestTimeout } = request.body;
      const probe = async (): Promise<readonly ActivatedJob[] | undefined> => {
        const jobs = await engine.activateJobs({ type, worker, timeoutMs: timeout, maxJobsToActivate });
        return jobs.length > 0 ? jobs : undefined;
      };
      const options = { timeoutMs: activationTimeoutMs(requestTimeout), onChange: (l: () => void) => engine.onChange(l) };
      const jobs = (await waitFor(probe, { ...options, signal: abortOnClose(reply, closing) })) ?? [];
      if (jobs.length > 0) request.log.info({ jobKeys: jobs.map((j) => j.jobKey), type, worker }, 'jobs activated');
      return { jobs };
    },
  );
}

function registerOutcomes(app: FastifyInstance, { engine }: RouteContext): void {
  const tags = ['jobs'];
  const response = { ...noContent, ...errorResponses };
  app.post<{ Params: { jobKey: string }; Body: { variables: Variables } | null }>(
    '/v2/jobs/:jobKey/completion',
    {
      config: { command: 'CompleteJob', access: 'job' },
      schema: {
        tags,
        summary: 'Complete a job with variables',
        params: jobParams,
        body: { type: ['object', 'null'], properties: { variables: variablesSchema } },
        response,
      },
    },
    async (request, reply) => {
      await engine.completeJob(request.params.jobKey, request.body?.variables ?? {});
      return reply.code(204).send();
    },
  );
  app.post<{ Params: { jobKey: string }; Body: { retries: number; errorMessage: string; retryBackOff: number; variables?: Variables } }>(
    '/v2/jobs/:jobKey/failure',
    {
      config: { command: 'FailJob', access: 'job' },
      schema: {
        tags,
        summary: 'Fail a job: retried after retryBackOff ms while retries > 0, else an incident',
        params: jobParams,
        body: {
          type: 'object',
          properties: {
            retries: { type: 'integer', minimum: 0, default: 0 },
            errorMessage: { type: 'string', default: '' },
            retryBackOff: { ...millisSchema, default: 0 },
            variables: variablesSchema,
          },
        },
        response,
      },
    },
    async (request, reply) => {
      const { retries, errorMessage, retryBackOff, variables } = request.body;
      await engine.failJob(request.params.jobKey, { retries, errorMessage, retryBackOffMs: retryBackOff, ...(variables ? { variables } : {}) });
      return reply.code(204).send();
    },
  );
  app.post<{ Params: { jobKey: string }; Body: { errorCode: string; errorMessage?: string; variables: Variables } }>(
    '/v2/jobs/:jobKey/error',
    {
      config: { command: 'ThrowError', access: 'job' },
      schema: {
        tags,
        summary: 'End a job with a BPMN error, caught by the model',
        params: jobParams,
        body: {
          type: 'object',
          required: ['errorCode'],
          properties: { errorCode: { type: 'string', minLength: 1 }, errorMessage: { type: 'string' }, variables: { ...variablesSchema, default: {} } },
        },
        response,
      },
    },
    async (request, reply) => {
      await engine.throwError(request.params.jobKey, request.body);
      return reply.code(204).send();
    },
  );
}

/** POST /v2/jobs/activation (long poll) and /v2/jobs/{jobKey}/completion, /failure, /error. */
export function registerJobRoutes(app: FastifyInstance, context: RouteContext): void {
  registerActivation(app, context);
  registerOutcomes(app, context);
}

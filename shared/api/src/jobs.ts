import { Type, type Static } from '@sinclair/typebox';
import { BasicStringFilter, EnumFilter, Key, Literals, Millis, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId, Variables, keyParams } from './common.js';
import { operation } from './operation.js';

/**
 * The jobs family of Camunda 8.8's REST v2 (`/v2/jobs/...`): activation (long-polled),
 * completion, failure, BPMN error, update (retries, timeout) and search. Shapes as in
 * 8.8's `rest-api.yaml`; Baton-specific limits (minimums) are stricter, never looser.
 */

/** Where a job comes from; Baton has no execution or task listeners yet. */
export const JobKind = Literals(['BPMN_ELEMENT', 'EXECUTION_LISTENER', 'TASK_LISTENER']);
export const JobListenerEventType = Literals(['UNSPECIFIED', 'START', 'END', 'CREATING', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'CANCELING']);
/** A job's state; Baton's search sees open jobs: `CREATED` (activatable) or `FAILED` (no retries left). */
export const JobState = Literals(['CREATED', 'COMPLETED', 'FAILED', 'RETRIES_UPDATED', 'TIMED_OUT', 'CANCELED', 'ERROR_THROWN', 'MIGRATED']);
export type JobState = Static<typeof JobState>;

export const JobActivationRequest = Type.Object(
  {
    type: Type.String({ minLength: 1, description: 'The job type (capability).' }),
    worker: Type.Optional(Type.String({ default: '', description: 'The name of the worker activating the jobs.' })),
    timeout: Millis({ minimum: 1, description: 'How long the jobs are reserved for this worker (ms).' }),
    maxJobsToActivate: Type.Integer({ minimum: 1 }),
    fetchVariable: Type.Optional(Type.Array(Type.String(), { description: 'Only these variables; all when absent.' })),
    requestTimeout: Type.Optional(Type.Integer({ description: 'Long-poll limit (ms); 0 or absent means 10 s, negative answers at once.' })),
    tenantIds: Type.Optional(Type.Array(TenantId)),
  },
  { additionalProperties: false },
);
export type JobActivationRequest = Static<typeof JobActivationRequest>;

export const ActivatedJob = Type.Object({
  jobKey: Key,
  type: Type.String(),
  processInstanceKey: Key,
  processDefinitionId: Type.String({ description: 'The BPMN process id.' }),
  processDefinitionKey: Key,
  processDefinitionVersion: Type.Integer(),
  elementId: Type.String(),
  elementInstanceKey: Key,
  customHeaders: Type.Record(Type.String(), Type.String()),
  worker: Type.String(),
  retries: Type.Integer(),
  deadline: Type.Integer({ description: 'Epoch ms; after it the job goes to another worker.' }),
  variables: Variables,
  tenantId: TenantId,
  kind: JobKind,
  listenerEventType: JobListenerEventType,
});
export type ActivatedJob = Static<typeof ActivatedJob>;

export const JobActivationResult = Type.Object({ jobs: Type.Array(ActivatedJob) });
export type JobActivationResult = Static<typeof JobActivationResult>;

/** The body may be absent: a completion with no variables. */
export const JobCompletionRequest = Type.Union([Type.Object({ variables: Type.Optional(Variables) }, { additionalProperties: false }), Type.Null()]);
export type JobCompletionRequest = Static<typeof JobCompletionRequest>;

export const JobFailRequest = Type.Object(
  {
    retries: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Retries left; 0 raises an incident.' })),
    errorMessage: Type.Optional(Type.String({ default: '' })),
    retryBackOff: Type.Optional(Millis({ default: 0, description: 'Wait this long (ms) before the job can be activated again.' })),
    variables: Type.Optional(Variables),
  },
  { additionalProperties: false },
);
export type JobFailRequest = Static<typeof JobFailRequest>;

export const JobErrorRequest = Type.Object(
  {
    errorCode: Type.String({ minLength: 1, description: 'Matched against the model\'s error events.' }),
    errorMessage: Type.Optional(Type.String()),
    variables: Type.Optional(Variables),
  },
  { additionalProperties: false },
);
export type JobErrorRequest = Static<typeof JobErrorRequest>;

export const JobChangeset = Type.Object(
  {
    retries: Type.Optional(Type.Integer({ minimum: 1, description: 'The job\'s new retries.' })),
    timeout: Type.Optional(Millis({ minimum: 1, description: 'The job\'s activation now ends this many ms from now.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const JobUpdateRequest = Type.Object(
  {
    changeset: JobChangeset,
    operationReference: Type.Optional(Type.Integer({ minimum: 1, description: 'Accepted for Camunda clients; Baton does not echo it.' })),
  },
  { additionalProperties: false },
);
export type JobUpdateRequest = Static<typeof JobUpdateRequest>;

export const JobFilter = Type.Object(
  {
    jobKey: Type.Optional(BasicStringFilter),
    type: Type.Optional(BasicStringFilter),
    state: Type.Optional(EnumFilter(JobState)),
    kind: Type.Optional(EnumFilter(JobKind)),
    processInstanceKey: Type.Optional(BasicStringFilter),
    elementId: Type.Optional(BasicStringFilter),
    tenantId: Type.Optional(BasicStringFilter),
  },
  { additionalProperties: false, description: 'Every given filter must match. Baton filters by equality (a value or `{ $eq }`).' },
);
export type JobFilter = Static<typeof JobFilter>;

export const jobSortFields = ['jobKey', 'type', 'state', 'retries', 'elementId', 'processInstanceKey'] as const;
export const JobSearchQuery = SearchQueryRequest(JobFilter, SearchQuerySort(jobSortFields));
export type JobSearchQuery = Static<typeof JobSearchQuery>;

export const JobSearchResult = Type.Object({
  jobKey: Key,
  type: Type.String(),
  worker: Type.String({ description: 'The worker that last activated it; empty when none did.' }),
  state: JobState,
  kind: JobKind,
  listenerEventType: JobListenerEventType,
  retries: Type.Integer(),
  hasFailedWithRetriesLeft: Type.Boolean(),
  isDenied: Type.Optional(Type.Boolean()),
  deniedReason: Type.Optional(Type.String()),
  errorCode: Type.Optional(Type.String()),
  errorMessage: Type.Optional(Type.String()),
  customHeaders: Type.Record(Type.String(), Type.String()),
  deadline: Type.Optional(Type.String({ format: 'date-time' })),
  endTime: Type.Optional(Type.String({ format: 'date-time' })),
  processDefinitionId: Type.String(),
  processDefinitionKey: Key,
  processInstanceKey: Key,
  elementId: Type.String(),
  elementInstanceKey: Key,
  tenantId: TenantId,
});
export type JobSearchResult = Static<typeof JobSearchResult>;

export const JobSearchQueryResult = SearchQueryResult(JobSearchResult);
export type JobSearchQueryResult = Static<typeof JobSearchQueryResult>;

const tags = ['jobs'];
const jobKeyParams = keyParams('jobKey');

/** The jobs operations, each with its path, schemas and summary; routes and `/openapi.json` take them from here. */
export const jobOperations = {
  activateJobs: operation({ method: 'POST', path: '/v2/jobs/activation', tags, summary: 'Activate jobs of a type; waits up to requestTimeout ms for one', body: JobActivationRequest, response: JobActivationResult }),
  completeJob: operation({ method: 'POST', path: '/v2/jobs/:jobKey/completion', tags, summary: 'Complete a job with variables', params: jobKeyParams, body: JobCompletionRequest }),
  failJob: operation({ method: 'POST', path: '/v2/jobs/:jobKey/failure', tags, summary: 'Fail a job: retried after retryBackOff ms while retries > 0, else an incident', params: jobKeyParams, body: JobFailRequest }),
  throwJobError: operation({ method: 'POST', path: '/v2/jobs/:jobKey/error', tags, summary: 'End a job with a BPMN error, caught by the model', params: jobKeyParams, body: JobErrorRequest }),
  updateJob: operation({ method: 'PATCH', path: '/v2/jobs/:jobKey', tags, summary: 'Update a job\'s retries and/or timeout', params: jobKeyParams, body: JobUpdateRequest }),
  searchJobs: operation({ method: 'POST', path: '/v2/jobs/search', tags, summary: 'Search open jobs', body: JobSearchQuery, response: JobSearchQueryResult }),
} as const;

import { defaultTenantId, filterValue, type ActivatedJob, type JobSearchQuery, type JobSearchQueryResult, type JobSearchResult, type JobState } from '@baton/api';
import { BatonError } from '@baton/errors';
import type { Engine, IndexedJob, JobQuery } from '@baton/runtime';
import type * as Api from './engine-api.js';
import { searchWindow, searchPage } from './search-page.js';

type JobsApi = Pick<Api.EngineApi, 'activateJobs' | 'completeJob' | 'failJob' | 'throwError' | 'updateJob' | 'getJob' | 'searchJobs'>;

/** The one job Baton's jobs come from: a BPMN element (no execution or task listeners yet). */
const elementJob = { tenantId: defaultTenantId, kind: 'BPMN_ELEMENT', listenerEventType: 'UNSPECIFIED' } as const;

function pick(variables: Readonly<Record<string, unknown>>, names: readonly string[] | undefined): Record<string, unknown> {
  if (names === undefined) return { ...variables };
  return Object.fromEntries(names.filter((name) => Object.hasOwn(variables, name)).map((name) => [name, variables[name]]));
}

function toSearchResult(job: IndexedJob): JobSearchResult {
  return {
    ...elementJob,
    jobKey: job.jobKey,
    type: job.jobType,
    worker: '',
    state: job.state === 'failed' ? 'FAILED' : 'CREATED',
    retries: job.retries,
    hasFailedWithRetriesLeft: job.state === 'activatable' && job.errorMessage !== undefined,
    isDenied: false,
    ...(job.errorMessage === undefined ? {} : { errorMessage: job.errorMessage }),
    customHeaders: { ...job.customHeaders },
    processDefinitionId: job.processId,
    processDefinitionKey: job.definitionKey,
    processInstanceKey: job.instanceId,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceId,
  };
}

const storeState: Partial<Record<JobState, IndexedJob['state']>> = { CREATED: 'activatable', FAILED: 'failed' };

/**
 * The store query of a job search filter, or `undefined` when nothing can match
 * (a state Baton keeps no open job in, another tenant or kind, a job key not open).
 */
async function toQuery(engine: Engine, filter: JobSearchQuery['filter']): Promise<JobQuery | undefined> {
  const f = filter ?? {};
  const state = filterValue(f.state);
  const type = filterValue(f.type);
  const instanceId = filterValue(f.processInstanceKey);
  const elementId = filterValue(f.elementId);
  const jobKey = filterValue(f.jobKey);
  if (state !== undefined && storeState[state] === undefined) return undefined;
  if (![undefined, defaultTenantId].includes(filterValue(f.tenantId)) || ![undefined, 'BPMN_ELEMENT'].includes(filterValue(f.kind))) return undefined;
  const query: JobQuery = {
    ...(state === undefined ? {} : { state: storeState[state] }),
    ...(type === undefined ? {} : { jobType: type }),
    ...(instanceId === undefined ? {} : { instanceId }),
    ...(elementId === undefined ? {} : { elementId }),
  };
  if (jobKey === undefined) return query;
  // One job at most: its wait names its instance, so the search reads that instance's jobs only.
  const wait = await engine.findWait(jobKey);
  if (wait?.kind !== 'job' || (instanceId !== undefined && wait.instanceId !== instanceId)) return undefined;
  return { ...query, instanceId: wait.instanceId };
}

async function searchJobs(engine: Engine, request: JobSearchQuery): Promise<JobSearchQueryResult> {
  if ((request.sort ?? []).some((s) => s.field !== 'jobKey' || s.order?.toUpperCase() === 'DESC')) {
    throw new BatonError('VALIDATION_FAILED', 'Expected no sort or jobKey ascending (jobs come in creation order) but found another sort; drop `sort` and order the items yourself.', { field: 'sort' });
  }
  const window = searchWindow(request.page);
  const query = await toQuery(engine, request.filter);
  if (query === undefined) return searchPage([], 0, window.offset);
  const jobKey = filterValue(request.filter?.jobKey);
  if (jobKey !== undefined) {
    const all = await engine.searchJobs({ ...query, limit: 10_000 });
    const matches = all.items.filter((job) => job.jobKey === jobKey);
    return searchPage(matches.slice(window.offset, window.offset + window.limit).map(toSearchResult), matches.length, window.offset);
  }
  const page = await engine.searchJobs({ ...query, offset: window.offset, limit: window.limit });
  return searchPage(page.items.map(toSearchResult), page.total, window.offset);
}

/**
 * The job operations of {@link Api.EngineApi} on `@baton/runtime`'s Engine, in the
 * contract's shapes (`@baton/api`). `readable` bounds variables for reading.
 */
export function runtimeJobsApi(engine: Engine, readable: <T>(value: T) => T): JobsApi {
  const versions = new Map<string, number>();
  const versionOf = async (definitionKey: string): Promise<number> => {
    const known = versions.get(definitionKey);
    if (known !== undefined) return known;
    const { version } = await engine.getDefinition(definitionKey);
    versions.set(definitionKey, version);
    return version;
  };
  return {
    async activateJobs({ type, worker, timeoutMs, maxJobsToActivate, fetchVariable }) {
      const jobs = await engine.activateJobs({ type, worker, timeoutMs, maxJobs: maxJobsToActivate });
      return Promise.all(
        jobs.map(async (job): Promise<ActivatedJob> => ({
          ...elementJob,
          jobKey: job.jobKey,
          type: job.type,
          processInstanceKey: job.instanceId,
          processDefinitionId: job.processId,
          processDefinitionKey: job.definitionKey,
          processDefinitionVersion: await versionOf(job.definitionKey),
          elementId: job.elementId,
          elementInstanceKey: job.elementInstanceId,
          variables: readable(pick(job.variables, fetchVariable)),
          customHeaders: { ...job.customHeaders },
          worker: job.worker,
          retries: job.retries,
          deadline: job.deadline,
        })),
      );
    },
    async completeJob(jobKey, variables) {
      await engine.completeJob({ jobKey, variables });
    },
    async failJob(jobKey, request) {
      await engine.failJob({ jobKey, ...request });
    },
    async throwError(jobKey, request) {
      await engine.throwError({ jobKey, ...request });
    },
    async updateJob(jobKey, request) {
      await engine.updateJob({ jobKey, ...request });
    },
    async getJob(jobKey) {
      const wait = await engine.findWait(jobKey);
      if (wait?.kind !== 'job') {
        throw new BatonError('JOB_NOT_OPEN', `Expected an open job "${jobKey}" but found none; it may already be completed or cancelled.`, { jobKey });
      }
      return { jobKey, type: wait.jobType, processInstanceKey: wait.instanceId, elementId: wait.elementId };
    },
    searchJobs: (query) => searchJobs(engine, query),
  };
}

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatonError } from '@baton/errors';
import type { ActivatedJob, JobWorker } from '@baton/runtime';

/** The job as an in-process handler sees it: the runtime's fields plus Camunda's names for them. */
export type HandlerJob = ActivatedJob & {
  readonly processInstanceKey: string;
  readonly processDefinitionId: string;
  readonly processDefinitionKey: string;
};

/** An in-process handler: returns the variables to complete the job with; throws to fail it. */
export type JobHandler = (job: HandlerJob) => Promise<Record<string, unknown> | void>;

/** Adds Camunda's names to the job before calling `handler`. */
export function toJobWorker(handler: JobHandler): JobWorker {
  return (job) =>
    handler({ ...job, processInstanceKey: job.instanceId, processDefinitionId: job.processId, processDefinitionKey: job.definitionKey });
}

/**
 * Loads a module mapping job types to async handlers: its default export
 * (`export default { 'charge-card': async (job) => ({ receipt: 'r-1' }) }`), or else
 * its named function exports. Every value must be a function.
 */
export async function loadHandlers(file: string): Promise<Record<string, JobHandler>> {
  const url = pathToFileURL(resolve(file)).href;
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new BatonError('VALIDATION_FAILED', `Cannot load handlers module "${file}": ${(error as Error).message}`, { field: 'handlers', file }, { cause: error });
  }
  const table = typeof loaded['default'] === 'object' && loaded['default'] !== null ? (loaded['default'] as Record<string, unknown>) : loaded;
  const handlers: Record<string, JobHandler> = {};
  for (const [type, handler] of Object.entries(table)) {
    if (typeof handler !== 'function') {
      throw new BatonError(
        'VALIDATION_FAILED',
        `Handlers module "${file}": "${type}" should be an async function (job) => variables, but is ${typeof handler}.`,
        { field: 'handlers', file, jobType: type },
      );
    }
    handlers[type] = handler as JobHandler;
  }
  return handlers;
}

import type { FlowElement } from '@baton/model';
import type { Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import type { JobWait } from '../../types/state.js';
import { openJob } from './waits.js';

/**
 * The job type of async continuations (issue 16): the engine itself runs these
 * jobs, right after the commit that created them (the runtime's dispatcher), so
 * every `camunda:asyncBefore` / `asyncAfter` is a commit point; no worker takes them.
 */
export const continuationJobType = 'baton:continuation';

/** The custom header saying which continuation a job is: `before` or `after`. */
export const continuationHeader = 'baton:continuation';

export type ContinuationPoint = 'before' | 'after';

/** Does this element instance stop at an async continuation at `point` (inner multi-instance instances never do: their body does)? */
export function isAsyncAt(element: FlowElement, rec: ElementRecord, point: ContinuationPoint): boolean {
  return rec.loopCounter === undefined && element.async?.[point] === true;
}

/** Open the continuation job of an element instance; the element waits on it. */
export function openContinuation(ctx: Ctx, element: FlowElement, rec: ElementRecord, point: ContinuationPoint): void {
  const owner = { elementId: rec.elementId, elementInstanceId: rec.elementInstanceId };
  const job = { type: continuationJobType, retries: String(element.async?.retries ?? 3), headers: { [continuationHeader]: point } };
  // A literal job type and retries cannot fail to evaluate.
  openJob(ctx, owner, job, {});
}

/** The continuation point of a job, or undefined for a worker's job. */
export function continuationOf(job: JobWait): ContinuationPoint | undefined {
  if (job.jobType !== continuationJobType) return undefined;
  const point = job.customHeaders[continuationHeader];
  return point === 'before' || point === 'after' ? point : undefined;
}

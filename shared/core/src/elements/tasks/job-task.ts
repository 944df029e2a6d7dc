import type { JobDefinition } from '@baton/model';
import type { Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import { endElementInstance } from '../common/terminate.js';
import { leave } from '../common/complete.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';
import { openJob } from '../common/waits.js';

/** Open the element's job; type and retries are evaluated now (an incident when they fail). */
export function activateJob(ctx: Ctx, rec: ElementRecord, job: JobDefinition): void {
  const opened = openJob(ctx, { elementId: rec.elementId, elementInstanceId: rec.elementInstanceId }, job, visibleFrom(ctx.draft, rec.elementInstanceId));
  if (!opened.ok) raiseIncident(ctx, rec, 'EXPRESSION_FAILED', opened.message, 'activate');
}

/** Service and send tasks: a job for a worker; the task completes with the job. */
export const jobTask: ElementBehavior<ElementOf<'serviceTask' | 'sendTask'>> = {
  activate(ctx, element, rec) {
    activateJob(ctx, rec, element.job);
  },
  complete: leave,
  terminate: endElementInstance,
};

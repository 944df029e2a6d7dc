import type { ElementBehavior, ElementOf } from '../behavior.js';
import { endElementInstance } from '../common/terminate.js';
import { completeElement, completeWithVariables, leave } from '../common/complete.js';
import { evaluate } from '../common/expressions.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';
import { activateJob } from './job-task.js';

/** A FEEL script runs here, its result going to `resultVariable`; any other script is a job. */
export const scriptTask: ElementBehavior<ElementOf<'scriptTask'>> = {
  activate(ctx, element, rec) {
    if (element.script === undefined) {
      if (element.job !== undefined) activateJob(ctx, rec, element.job);
      else completeElement(ctx, rec.elementInstanceId);
      return;
    }
    const result = evaluate(ctx.at, element.script.expression, visibleFrom(ctx.draft, rec.elementInstanceId), 'script', element.elementId);
    if (!result.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', result.message, 'activate');
    const { resultVariable } = element.script;
    completeWithVariables(ctx, rec.elementInstanceId, resultVariable === undefined ? {} : { [resultVariable]: result.value ?? null });
  },
  complete: leave,
  terminate: endElementInstance,
};

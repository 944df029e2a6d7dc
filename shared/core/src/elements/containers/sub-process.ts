import type { ElementBehavior, ElementOf } from '../behavior.js';
import { endElementInstance } from '../common/terminate.js';
import { completeElement, leave } from '../common/complete.js';
import { activateElement } from '../common/flow.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';
import { openEventSubprocessWaits } from './event-subprocess.js';

/**
 * Embedded subprocess: its own variable scope; its event subprocesses listen while
 * it is active; it starts at its none start event and completes when nothing is
 * left inside (`completeScopeIfDone`). Event subprocesses are started by triggers.
 */
export const subProcess: ElementBehavior<ElementOf<'subProcess'>> = {
  activate(ctx, element, rec) {
    const opened = openEventSubprocessWaits(ctx, element.elementId, rec.elementInstanceId, visibleFrom(ctx.draft, rec.elementInstanceId));
    if (!opened.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', opened.message, 'activate');
    const startId = ctx.definition.scopes[element.elementId]?.noneStartId;
    if (startId === undefined) return void completeElement(ctx, rec.elementInstanceId);
    activateElement(ctx, startId, rec.elementInstanceId);
  },
  complete: leave,
  terminate: endElementInstance,
  onEmptied(ctx, _element, rec) {
    completeElement(ctx, rec.elementInstanceId);
  },
};

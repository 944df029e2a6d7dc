import { effect, emit, ids, nextKey } from '../../context.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { evaluateString } from '../common/expressions.js';
import { raiseIncident } from '../common/incident.js';
import { leave } from '../common/complete.js';
import { endElementInstance } from '../common/terminate.js';
import { visibleFrom } from '../common/variables.js';

/**
 * Call activity: starts a child instance (StartChildInstance effect, with a fresh
 * instance key from the shell) with all visible variables, or only its input mappings when
 * `propagateAllParentVariables` is off. It waits for `CompleteCallActivity`.
 * Terminated, it cancels the child instance it still waits for.
 */
export const callActivity: ElementBehavior<ElementOf<'callActivity'>> = {
  activate(ctx, element, rec) {
    const visible = visibleFrom(ctx.draft, rec.elementInstanceId);
    const processId = evaluateString(ctx.at, element.calledElement, visible, 'called element', element.elementId);
    if (!processId.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', processId.message, 'activate');
    const variables = element.propagateAllParentVariables ? visible : { ...ctx.draft.variables[rec.elementInstanceId] };
    // A key of its own (its elements mint keys from it); the parent's next key only where the shell gives none (core tests).
    const childInstanceId = ctx.newInstanceKey?.() ?? nextKey(ctx);
    emit(ctx, { type: 'ChildInstanceCreated', ...ids(rec), childInstanceId, processId: processId.value });
    const { parent, instanceId } = ctx.draft;
    effect(ctx, {
      type: 'StartChildInstance',
      childInstanceId,
      processId: processId.value,
      variables,
      parent: { instanceId, ...ids(rec), rootInstanceId: parent?.rootInstanceId ?? instanceId },
    });
  },
  complete: leave,
  terminate(ctx, element, rec) {
    endElementInstance(ctx, element, rec);
    if (rec.childInstanceId !== undefined) effect(ctx, { type: 'CancelChildInstance', childInstanceId: rec.childInstanceId });
  },
};

import type { Ctx } from '../context.js';
import { propagate, setLocal } from '../elements/common/variables.js';
import { ROOT } from '../state/records.js';
import type { SetVariables } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import { rejection } from './rejection.js';

/**
 * Set variables in the scope of an active element instance, or of the process
 * (Camunda's `PUT /v2/element-instances/{key}/variables`). Emits `VariablesSet` only:
 * nothing else reacts to a variable change today.
 */
export function setVariables(ctx: Ctx, command: SetVariables): Rejection | undefined {
  const { elementInstanceId, variables, local } = command;
  if (elementInstanceId !== undefined && ctx.draft.elementInstances[elementInstanceId] === undefined) {
    const message =
      `Expected an active element instance '${elementInstanceId}' in instance '${ctx.draft.instanceId}' to set variables in, but found none; ` +
      'it may have completed. Set them on an active element instance or on the process instance.';
    return rejection('NOT_FOUND', message, { elementInstanceId, instanceId: ctx.draft.instanceId });
  }
  if (local) setLocal(ctx, elementInstanceId ?? ROOT, variables);
  else propagate(ctx, elementInstanceId, variables);
  return undefined;
}

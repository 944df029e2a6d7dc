import { effect, type Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import { evaluateString } from '../common/expressions.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';

/**
 * Broadcast a signal (BroadcastSignal effect) with the thrower's local variables
 * (its input mappings). Returns false when the name failed (an incident is open).
 */
export function broadcastSignal(ctx: Ctx, rec: ElementRecord, signalNameExpression: string): boolean {
  const name = evaluateString(ctx.at, signalNameExpression, visibleFrom(ctx.draft, rec.elementInstanceId), 'signal name', rec.elementId);
  if (!name.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', name.message, 'activate'), false;
  effect(ctx, { type: 'BroadcastSignal', signalName: name.value, variables: { ...ctx.draft.variables[rec.elementInstanceId] } });
  return true;
}

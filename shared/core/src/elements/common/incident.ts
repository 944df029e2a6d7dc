import { emit, ids, nextKey, type Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import type { IncidentStep } from '../../types/events.js';
import type { IncidentType } from '../../types/state.js';

/** Stop an element where it is: it stays active with an open incident until `ResolveIncident` retries `step`. */
export function raiseIncident(
  ctx: Ctx,
  rec: ElementRecord,
  errorType: IncidentType,
  errorMessage: string,
  step: IncidentStep,
  jobKey?: string,
): void {
  const incidentKey = nextKey(ctx);
  const base = { type: 'IncidentRaised' as const, ...ids(rec), incidentKey, errorType, errorMessage, step };
  emit(ctx, jobKey === undefined ? base : { ...base, jobKey });
}

/** Resolve every open incident of an element instance (it is ending). */
export function resolveIncidentsOf(ctx: Ctx, elementInstanceId: string): void {
  for (const key in ctx.draft.incidents) {
    const incident = ctx.draft.incidents[key];
    if (incident?.elementInstanceId !== elementInstanceId) continue;
    emit(ctx, { type: 'IncidentResolved', elementId: incident.elementId, elementInstanceId, incidentKey: key });
  }
}

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
  const raised: { type: 'IncidentRaised'; elementId: string; elementInstanceId: string; incidentKey: string; errorType: IncidentType; errorMessage: string; step: IncidentStep; jobKey?: string } =
    { type: 'IncidentRaised', ...ids(rec), incidentKey, errorType, errorMessage, step };
  if (jobKey !== undefined) raised.jobKey = jobKey;
  emit(ctx, raised);
}

/** Resolve every open incident of an element instance (it is ending). */
export function resolveIncidentsOf(ctx: Ctx, elementInstanceId: string): void {
  for (const key in ctx.draft.incidents) {
    const incident = ctx.draft.incidents[key];
    if (incident?.elementInstanceId !== elementInstanceId) continue;
    emit(ctx, { type: 'IncidentResolved', elementId: incident.elementId, elementInstanceId, incidentKey: key });
  }
}

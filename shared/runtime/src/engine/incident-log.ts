import type { IncidentRaised, IncidentResolved } from '@baton/core';
import type { ExecuteResult } from '../command-processor.js';

/**
 * Where the runtime writes log records: a pino `Logger` fits as is. The runtime
 * imports no logger itself (it runs in browsers too); each record names the node.
 */
export interface RuntimeLogger {
  warn(fields: Readonly<Record<string, unknown>>, message: string): void;
  info(fields: Readonly<Record<string, unknown>>, message: string): void;
}

/**
 * Logs every incident a commit raised (`warn`) or resolved (`info`), with the node,
 * instance, element, code (the incident type) and message (issue 12, finding 6e).
 * Called once per committed command, on the node that committed it, so each incident
 * is logged once however many nodes run.
 */
export function logIncidents(logger: RuntimeLogger, nodeId: string, result: ExecuteResult): void {
  for (const event of result.events) {
    if (event.type === 'IncidentRaised') {
      const raised = event as unknown as IncidentRaised;
      logger.warn(
        {
          nodeId,
          instanceId: raised.instanceId,
          processId: result.state.processId,
          elementId: raised.elementId,
          elementInstanceId: raised.elementInstanceId,
          incidentKey: raised.incidentKey,
          code: raised.errorType,
          ...(raised.jobKey === undefined ? {} : { jobKey: raised.jobKey }),
          errorMessage: raised.errorMessage,
        },
        `incident ${raised.errorType} at "${raised.elementId}" of instance ${raised.instanceId}: ${raised.errorMessage}`,
      );
    } else if (event.type === 'IncidentResolved') {
      const resolved = event as unknown as IncidentResolved;
      const code = result.previous?.incidents[resolved.incidentKey]?.errorType;
      logger.info(
        {
          nodeId,
          instanceId: resolved.instanceId,
          processId: result.state.processId,
          elementId: resolved.elementId,
          elementInstanceId: resolved.elementInstanceId,
          incidentKey: resolved.incidentKey,
          ...(code === undefined ? {} : { code }),
        },
        `incident ${resolved.incidentKey} at "${resolved.elementId}" of instance ${resolved.instanceId} resolved`,
      );
    }
  }
}

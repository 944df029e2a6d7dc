import { incidentOperations as ops } from '@baton/api';
import type { IncidentResolutionRequest, IncidentSearchQuery } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';

/** Path parameters of the operations on one incident. */
type IncidentParams = { Params: { incidentKey: string } };

/** The incident operations of the contract (`incidentOperations` in @baton/api): search and get (readers), resolve (the `resolve` class). */
export function registerIncidentRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: IncidentSearchQuery | null }>(ops.searchIncidents.path, { config: { access: 'read' }, schema: schemaOf(ops.searchIncidents) }, async (request) =>
    engine.searchIncidents(request.body ?? {}),
  );
  app.get<IncidentParams>(ops.getIncident.path, { config: { access: 'read' }, schema: schemaOf(ops.getIncident) }, async (request) => engine.getIncident(request.params.incidentKey));
  app.post<IncidentParams & { Body: IncidentResolutionRequest }>(
    ops.resolveIncident.path,
    { config: { command: 'ResolveIncident', access: 'resolve' }, schema: schemaOf(ops.resolveIncident) },
    async (request, reply) => {
      await engine.resolveIncident(request.params.incidentKey, request.body?.retries);
      return reply.code(204).send();
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { IncidentFilter } from '../engine-api.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses, keyParams, noContent, searchResult, toSearchResult } from '../schemas.js';

const incidentSchema = {
  type: 'object',
  properties: {
    incidentKey: { type: 'string' },
    processInstanceKey: { type: 'string' },
    processDefinitionId: { type: 'string' },
    processDefinitionKey: { type: 'string' },
    elementId: { type: 'string' },
    elementInstanceKey: { type: 'string' },
    errorType: { type: 'string' },
    errorMessage: { type: 'string' },
    creationTime: { type: 'string' },
    state: { type: 'string', enum: ['ACTIVE', 'RESOLVED'] },
    jobKey: { type: 'string' },
  },
} as const;

const filterSchema = {
  type: 'object',
  properties: {
    processInstanceKey: { type: 'string' },
    state: { type: 'string', enum: ['ACTIVE', 'RESOLVED'] },
    errorType: { type: 'string' },
    elementId: { type: 'string' },
    processDefinitionId: { type: 'string' },
  },
} as const;

/** POST /v2/incidents/search and /v2/incidents/{incidentKey}/resolution. */
export function registerIncidentRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: { filter?: IncidentFilter } | null }>(
    '/v2/incidents/search',
    {
      config: { access: 'read' },
      schema: {
        tags: ['incidents'],
        summary: 'Search incidents',
        body: { type: ['object', 'null'], properties: { filter: filterSchema } },
        response: { 200: searchResult(incidentSchema), ...errorResponses },
      },
    },
    async (request) => toSearchResult(await engine.searchIncidents(request.body?.filter ?? {})),
  );
  app.post<{ Params: { incidentKey: string }; Body: { retries?: number } | null }>(
    '/v2/incidents/:incidentKey/resolution',
    {
      config: { command: 'ResolveIncident', access: 'resolve' },
      schema: {
        tags: ['incidents'],
        summary: 'Resolve an incident: retry its job (with `retries`, default 1) or re-run its element',
        params: keyParams('incidentKey'),
        body: { type: ['object', 'null'], properties: { retries: { type: 'integer', minimum: 1 } } },
        response: { ...noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await engine.resolveIncident(request.params.incidentKey, request.body?.retries);
      return reply.code(204).send();
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { errorResponses, keyParams, searchResult, toSearchResult } from '../schemas.js';

const definitionSchema = {
  type: 'object',
  properties: {
    processDefinitionKey: { type: 'string' },
    processDefinitionId: { type: 'string' },
    name: { type: 'string' },
    version: { type: 'integer' },
    resourceName: { type: 'string' },
  },
} as const;

/** GET /v2/process-definitions and GET /v2/process-definitions/{processDefinitionKey}/xml. */
export function registerProcessDefinitionRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.get(
    '/v2/process-definitions',
    {
      config: { access: 'read' },
      schema: {
        tags: ['process definitions'],
        summary: 'List deployed process definitions, every version',
        response: { 200: searchResult(definitionSchema), ...errorResponses },
      },
    },
    async () => toSearchResult(await engine.listDefinitions()),
  );

  app.get<{ Params: { processDefinitionKey: string } }>(
    '/v2/process-definitions/:processDefinitionKey/xml',
    {
      config: { access: 'read' },
      schema: {
        tags: ['process definitions'],
        summary: 'Fetch the BPMN XML of a process definition',
        params: keyParams('processDefinitionKey'),
        produces: ['text/xml'],
        response: { 200: { content: { 'text/xml': { schema: { type: 'string' } } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const xml = await engine.getDefinitionXml(request.params.processDefinitionKey);
      return reply.type('text/xml').send(xml);
    },
  );
}

import { processDefinitionOperations as ops } from '@baton/api';
import type { ProcessDefinitionElementStatisticsQuery, ProcessDefinitionSearchQuery } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { errorResponses, schemaOf } from '../schemas.js';

/** Path parameters of the operations on one definition. */
type DefinitionParams = { Params: { processDefinitionKey: string } };

/** The schema of an operation that answers with text (BPMN XML, a resource's content), not JSON. */
export function textSchemaOf<Op extends { readonly schema: object; readonly response?: object }>(op: Op, contentType: string) {
  return { ...op.schema, produces: [contentType], response: { 200: { content: { [contentType]: { schema: op.response } } }, ...errorResponses } };
}

/**
 * The process-definition operations of the contract (`processDefinitionOperations` in
 * @baton/api), plus Baton's `GET /v2/process-definitions` (every version, the search's answer).
 */
export function registerProcessDefinitionRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: ProcessDefinitionSearchQuery | null }>(ops.searchProcessDefinitions.path, { config: { access: 'read' }, schema: schemaOf(ops.searchProcessDefinitions) }, async (request) =>
    engine.searchProcessDefinitions(request.body ?? {}),
  );
  const listSchema = { tags: ops.searchProcessDefinitions.tags, summary: 'Baton: every deployed version (the search with no filter)', response: schemaOf(ops.searchProcessDefinitions).response };
  app.get('/v2/process-definitions', { config: { access: 'read' }, schema: listSchema }, async () =>
    engine.searchProcessDefinitions({ page: { limit: 10_000 } }),
  );
  app.get<DefinitionParams>(ops.getProcessDefinition.path, { config: { access: 'read' }, schema: schemaOf(ops.getProcessDefinition) }, async (request) =>
    engine.getProcessDefinition(request.params.processDefinitionKey),
  );
  app.get<DefinitionParams>(ops.getProcessDefinitionXml.path, { config: { access: 'read' }, schema: textSchemaOf(ops.getProcessDefinitionXml, 'text/xml') }, async (request, reply) =>
    reply.type('text/xml').send(await engine.getProcessDefinitionXml(request.params.processDefinitionKey)),
  );
  app.get<DefinitionParams>(ops.getStartProcessForm.path, { config: { access: 'read' }, schema: schemaOf(ops.getStartProcessForm) }, async (request, reply) => {
    const form = await engine.getStartProcessForm(request.params.processDefinitionKey);
    return form === undefined ? reply.code(204).send() : form;
  });
  app.post<DefinitionParams & { Body: ProcessDefinitionElementStatisticsQuery }>(
    ops.getProcessDefinitionStatistics.path,
    { config: { access: 'read' }, schema: schemaOf(ops.getProcessDefinitionStatistics) },
    async (request) => engine.getProcessDefinitionStatistics(request.params.processDefinitionKey, request.body),
  );
}

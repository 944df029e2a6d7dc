import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/**
 * The OpenAPI document, generated from the route schemas, at /openapi.json, and a
 * page to read it at /docs (Swagger UI served from the package: works offline).
 * Call before registering routes: @fastify/swagger collects them as they are added.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    // Shared schemas keep their `$id` as their component name (`ProblemDetails`), not `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`) },
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Baton engine REST API',
        version,
        description:
          'Names and shapes follow Camunda 8 REST v2 (string keys; processDefinitionId is the BPMN process id). ' +
          'Errors are RFC 9457 problem details with a stable `code`.',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null }, staticCSP: true });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}

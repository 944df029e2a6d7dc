import { deploymentOperations as ops } from '@baton/api';
import type { DeploymentResult } from '@baton/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError, isBatonError } from '@baton/errors';
import type { DeployResource } from '../definitions-api.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses, schemaOf } from '../schemas.js';
import { textSchemaOf } from './process-definitions.js';

const xmlTypes = ['application/xml', 'text/xml'];

const xmlBody = { schema: { type: 'string', minLength: 1, description: 'One BPMN 2.0 XML document.' } };

interface DeployQuery {
  allowNonExecutable: boolean;
  name?: string;
}

const noResources = (): BatonError =>
  new BatonError(
    'VALIDATION_FAILED',
    'Expected BPMN or .form files in multipart field "resources", or one BPMN document with Content-Type application/xml; found none.',
    { field: 'resources' },
  );

/** Reads every file of multipart field `resources`; refuses other file fields by name. */
async function readMultipart(request: FastifyRequest): Promise<DeployResource[]> {
  const resources: DeployResource[] = [];
  for await (const part of request.parts()) {
    if (part.type !== 'file') {
      // Camunda's clients send the tenant as a field; Baton has only the default tenant.
      if (part.fieldname === 'tenantId' && part.value !== '<default>') {
        throw new BatonError('VALIDATION_FAILED', `Expected tenantId "<default>" (multi-tenancy is off), but found ${JSON.stringify(part.value)}; leave it out or send "<default>".`, { field: 'tenantId' });
      }
      continue;
    }
    const xml = (await part.toBuffer()).toString('utf8');
    if (part.fieldname !== 'resources') {
      throw new BatonError('VALIDATION_FAILED', `Unexpected multipart field "${part.fieldname}"; send BPMN files in field "resources".`, {
        field: part.fieldname,
      });
    }
    resources.push({ name: part.filename || `resource-${resources.length + 1}.bpmn`, xml });
  }
  return resources;
}

async function readResources(request: FastifyRequest<{ Querystring: DeployQuery }>): Promise<DeployResource[]> {
  if (request.isMultipart()) return readMultipart(request);
  if (typeof request.body === 'string' && xmlTypes.includes(request.headers['content-type']?.split(';')[0]?.trim() ?? '')) {
    return [{ name: request.query.name ?? 'resource.bpmn', xml: request.body }];
  }
  return [];
}

/** POST /v2/deployments: multipart `resources` or a raw XML body; `?allowNonExecutable=true`. */
function registerDeploy(app: FastifyInstance, { engine }: RouteContext): void {
  app.addContentTypeParser(xmlTypes, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post<{ Querystring: DeployQuery }>(
    ops.createDeployment.path,
    {
      config: { command: 'Deploy', access: 'deploy' },
      schema: {
        tags: ops.createDeployment.tags,
        summary: ops.createDeployment.summary,
        description:
          'Multipart field `resources` (one or more BPMN files, and `*.form` files: form-js JSON with an `id`) or one BPMN document with `Content-Type: application/xml`. ' +
          'Nothing is deployed when any model has an error; the 400 answer lists every problem with its element id. ' +
          'A user task linking a form by `zeebe:formDefinition formId` needs that form embedded, in the same deployment, or deployed earlier.',
        consumes: ['multipart/form-data', ...xmlTypes],
        querystring: {
          type: 'object',
          properties: {
            allowNonExecutable: { type: 'boolean', default: false, description: 'Deploy processes with isExecutable="false".' },
            name: { type: 'string', description: 'Resource name of a raw XML body.' },
          },
        },
        body: {
          content: {
            'multipart/form-data': {
              schema: {
                type: ['object', 'null'],
                properties: { resources: { type: 'array', items: { type: 'string', format: 'binary' } } },
              },
            },
            'application/xml': xmlBody,
            'text/xml': xmlBody,
          },
        },
        response: { 200: ops.createDeployment.response, ...errorResponses },
      },
    },
    async (request): Promise<DeploymentResult> => {
      const resources = await readResources(request);
      if (resources.length === 0) throw noResources();
      try {
        const result = await engine.deploy(resources, { allowNonExecutable: request.query.allowNonExecutable });
        request.log.info({ deploymentKey: result.deploymentKey, deployed: result.deployments.length }, 'deployed');
        return result;
      } catch (error) {
        if (isBatonError(error) && error.code === 'MODEL_NOT_EXECUTABLE') {
          const hint = 'To deploy it anyway, repeat the request with ?allowNonExecutable=true.';
          throw new BatonError(error.code, `${error.message} ${hint}`, error.details, { cause: error });
        }
        throw error;
      }
    },
  );
}

/** Path parameters of the operations on one resource. */
type ResourceParams = { Params: { resourceKey: string } };

/** The deployment and resource operations of the contract (`deploymentOperations` in @baton/api). */
export function registerDeploymentRoutes(app: FastifyInstance, context: RouteContext): void {
  const { engine } = context;
  registerDeploy(app, context);
  app.get<ResourceParams>(ops.getResource.path, { config: { access: 'read' }, schema: schemaOf(ops.getResource) }, async (request) => engine.getResource(request.params.resourceKey));
  app.get<ResourceParams>(ops.getResourceContent.path, { config: { access: 'read' }, schema: textSchemaOf(ops.getResourceContent, 'text/xml') }, async (request, reply) =>
    reply.type('text/xml').send(await engine.getProcessDefinitionXml(request.params.resourceKey)),
  );
  app.post<ResourceParams>(ops.deleteResource.path, { config: { command: 'DeleteResource', access: 'deploy' }, schema: schemaOf(ops.deleteResource) }, async (request, reply) => {
    await engine.deleteResource(request.params.resourceKey);
    request.log.info({ resourceKey: request.params.resourceKey }, 'resource deleted');
    return reply.code(204).send();
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError, isBatonError } from '@baton/errors';
import type { DeployResource, DeploymentResult } from '../engine-api.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses } from '../schemas.js';

const xmlTypes = ['application/xml', 'text/xml'];

const processSchema = {
  type: 'object',
  properties: {
    processDefinitionId: { type: 'string' },
    version: { type: 'integer' },
    processDefinitionKey: { type: 'string' },
    resourceName: { type: 'string' },
  },
} as const;

const formSchema = {
  type: 'object',
  properties: { formId: { type: 'string' }, resourceName: { type: 'string' } },
} as const;

const deploymentResponse = {
  type: 'object',
  properties: {
    deploymentKey: { type: 'string' },
    processes: { type: 'array', items: processSchema },
    forms: { type: 'array', items: formSchema, description: 'Forms deployed from `*.form` resources.' },
    deployments: {
      type: 'array',
      description: 'Camunda 8 shape: one entry per deployed process or form.',
      items: {
        type: 'object',
        properties: {
          form: formSchema,
          processDefinition: {
            type: 'object',
            properties: {
              processDefinitionId: { type: 'string' },
              processDefinitionVersion: { type: 'integer' },
              processDefinitionKey: { type: 'string' },
              resourceName: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;

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

function camundaShape(result: DeploymentResult): object {
  const deployments = result.processes.map((p) => ({
    processDefinition: {
      processDefinitionId: p.processDefinitionId,
      processDefinitionVersion: p.version,
      processDefinitionKey: p.processDefinitionKey,
      resourceName: p.resourceName,
    },
  }));
  return { ...result, deployments: [...deployments, ...result.forms.map((form) => ({ form }))] };
}

/** POST /v2/deployments: multipart `resources` or a raw XML body; `?allowNonExecutable=true`. */
export function registerDeploymentRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.addContentTypeParser(xmlTypes, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post<{ Querystring: DeployQuery }>(
    '/v2/deployments',
    {
      config: { command: 'Deploy', access: 'deploy' },
      schema: {
        tags: ['deployments'],
        summary: 'Deploy BPMN models',
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
        response: { 200: deploymentResponse, ...errorResponses },
      },
    },
    async (request) => {
      const resources = await readResources(request);
      if (resources.length === 0) throw noResources();
      try {
        const result = await engine.deploy(resources, { allowNonExecutable: request.query.allowNonExecutable });
        request.log.info({ processes: result.processes.map((p) => p.processDefinitionKey) }, 'deployed');
        return camundaShape(result);
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

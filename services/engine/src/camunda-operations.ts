import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BatonError } from '@baton/errors';
import operationList from './camunda-8.8-operations.json' with { type: 'json' };
import { sendProblem, toProblem } from './problem.js';

/** One operation of the Camunda 8.8 Orchestration Cluster REST API; `path` is relative to `/v2`, parameters as `{name}`. */
export interface CamundaOperation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
}

/** The 146 operations of the Camunda 8.8 REST API (issue 13), from the OpenAPI document as generated into Camunda's own client. */
export const camundaOperations: readonly CamundaOperation[] = operationList.operations;

/** `GET /v2/jobs/:jobKey` and `GET /v2/jobs/{key}` alike: `GET /v2/jobs/{}`, so parameter names do not matter. */
function routeShape(method: string, url: string): string {
  return `${method} ${url.replace(/[:{][A-Za-z0-9_]+\}?/g, '{}')}`;
}

/** The routes registered on `app` (and its plugins) from now on, by shape; call before registering any route. */
export function trackRoutes(app: FastifyInstance): ReadonlySet<string> {
  const shapes = new Set<string>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) shapes.add(routeShape(method, route.url));
  });
  return shapes;
}

function notImplemented(operation: CamundaOperation) {
  const summary = `${operation.method} /v2${operation.path}`;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const error = new BatonError(
      'NOT_IMPLEMENTED',
      `Expected Baton to serve the Camunda 8.8 operation ${operation.operationId} (${summary}), but it does not implement it yet; ` +
        'the operations Baton serves are listed at /openapi.json.',
      { operationId: operation.operationId, method: operation.method, path: `/v2${operation.path}` },
    );
    // Sent, not thrown: the error handler logs every 5xx at error, and this one is an answer, not a failure.
    return sendProblem(reply, toProblem(error, request.url, request.id));
  };
}

/**
 * Answers `501 NOT_IMPLEMENTED` (an RFC 9457 problem naming the operation) for every
 * Camunda 8.8 operation no route in `served` serves, instead of 404: a Camunda client
 * learns the operation exists but Baton lacks it. Hidden from /openapi.json, which lists
 * what Baton serves. Call after every other route is registered.
 */
export function registerNotImplementedOperations(app: FastifyInstance, served: ReadonlySet<string>): void {
  for (const operation of camundaOperations) {
    const url = `/v2${operation.path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}`;
    if (served.has(routeShape(operation.method, url))) continue;
    app.route({
      method: operation.method as 'GET',
      url,
      config: { access: 'authenticated' },
      schema: { hide: true },
      handler: notImplemented(operation),
    });
  }
}

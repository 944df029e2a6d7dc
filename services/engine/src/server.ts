import './fastify-augment.js';
import { hostname } from 'node:os';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import { defaultVariableLimits, type ControlledClock, type ProcessStore, type VariableLimits } from '@baton/runtime';
import type { AuthConfig } from './auth/auth-config.js';
import { registerAuth, type IdentitySync } from './auth/register-auth.js';
import type { EngineApi } from './engine-api.js';
import { registerGraphql } from './graphql/register-graphql.js';
import { registerApiHandOff, type ServerCluster } from './handoff/index.js';
import { registerNotImplementedOperations, trackRoutes } from './camunda-operations.js';
import { createMetrics, registerMetrics } from './metrics.js';
import { createReadiness, flagCheck, type Readiness } from './health/readiness.js';
import { registerOpenApi } from './openapi.js';
import { handleError, handleNotFound } from './problem.js';
import { registerRequestGuards } from './request-guards.js';
import type { RouteContext } from './route-context.js';
import { registerClockRoutes } from './routes/clock.js';
import { registerDecisionRoutes } from './routes/decisions.js';
import { registerDeploymentRoutes } from './routes/deployments.js';
import { registerElementInstanceRoutes } from './routes/element-instances.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerCamundaIdentityRoutes, registerIdentityWithoutAuth } from './routes/identity.js';
import { registerIncidentRoutes } from './routes/incidents.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerMessageRoutes } from './routes/messages.js';
import { registerProcessDefinitionRoutes } from './routes/process-definitions.js';
import { registerProcessInstanceRoutes } from './routes/process-instances.js';
import { registerSignalRoutes } from './routes/signals.js';
import { registerStoreRoutes } from './routes/store.js';
import { registerTopologyRoutes } from './routes/topology.js';
import { registerUserTaskRoutes } from './routes/user-tasks.js';
import { registerUserTaskFormRoutes } from './routes/user-task-forms.js';
import { registerEventRoutes } from './routes/events.js';
import { problemSchema } from './schemas.js';
import { version as packageVersion } from './version.js';
import { defaultWebRoot, registerWebApp } from './web-app.js';

/** Default request body limit: 4 MiB, as Camunda's gateway. */
export const defaultBodyLimit = 4 * 1024 * 1024;

/** Options of {@link buildServer}. */
export interface ServerOptions {
  readonly engine: EngineApi;
  readonly nodeId: string;
  readonly capabilities?: readonly string[];
  /** `false` (default) for none, pino options, or a pino logger to use as is. */
  readonly logger?: boolean | Record<string, unknown> | FastifyBaseLogger;
  /** Largest accepted request body (and uploaded file), bytes. */
  readonly bodyLimit?: number;
  /** Readiness for /health/ready; default always ready. */
  readonly isReady?: () => boolean;
  /** The node's readiness checks (store, queue, bus, deployed, …); used instead of `isReady` when given. */
  readonly readiness?: Readiness;
  /** How often the node found its store had lost its data (`baton_store_data_lost_total`). */
  readonly storeDataLosses?: () => number;
  readonly version?: string;
  /** The node's cluster (bus, peers): hands off what this node lacks and feeds the topology. */
  readonly cluster?: ServerCluster;
  /** Authentication and authorization (issue 7); without it every route is open. */
  readonly auth?: AuthConfig;
  /** With `auth`: where the admins' user and group changes are kept and how other nodes hear of them. Default this node's memory. */
  readonly identitySync?: IdentitySync;
  /** Limits on each request's `variables` (400 VARIABLE_LIMIT_EXCEEDED over them); default `defaultVariableLimits`. */
  readonly variableLimits?: VariableLimits;
  /** The browser app's built files, served at `/`; default `@baton/web`'s dist when built; false for none. */
  readonly webRoot?: string | false;
  /** The engine's clock, when `PUT /v2/clock` may pin it (tests only); absent, clock control answers 403. */
  readonly clock?: ControlledClock;
  /** The engine's store: given, the node serves it as the store API (`/v2/store/*`, role store) to proxy stores (issue 17). */
  readonly store?: ProcessStore;
}

/** Path parameters that name the thing a request is about, bound into its log lines. */
const loggedParams = ['processInstanceKey', 'jobKey', 'userTaskKey', 'incidentKey', 'processDefinitionKey'];

function loggerOptions(options: ServerOptions): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  const { logger, nodeId } = options;
  if (logger === undefined || logger === false) return { logger: false };
  if (logger === true) return { logger: { base: { pid: process.pid, hostname: hostname(), nodeId } } };
  if (typeof (logger as FastifyBaseLogger).child === 'function') {
    return { loggerInstance: (logger as FastifyBaseLogger).child({ nodeId }) };
  }
  return { logger: { ...logger, base: { pid: process.pid, hostname: hostname(), nodeId } } };
}

/** One info line per request once answered: method, URL, status and time (a route's `logLevel` above info silences it, as for probes). */
function logRequests(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode, responseTimeMs: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });
}

function bindKeysToLog(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const bound = Object.fromEntries(loggedParams.filter((name) => typeof params[name] === 'string').map((name) => [name, params[name]]));
    if (Object.keys(bound).length === 0) return;
    request.log = request.log.child(bound);
    reply.log = request.log;
  });
}

/** Readiness from a plain flag (embedding, tests). */
function readinessOf(isReady: () => boolean): Readiness {
  return createReadiness([flagCheck('node', isReady, 'starting up or shutting down')]);
}

/**
 * The HTTP API of one engine node (Fastify 5): every route of issue 4, RFC 9457
 * errors through one handler, Prometheus metrics, and the OpenAPI document.
 * The caller owns `engine` and closes it; `app.close()` closes only the server.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const app = Fastify({
    ...loggerOptions(options),
    bodyLimit,
    // One line per request (onResponse below), not Fastify's two (incoming, completed).
    logController: new Fastify.LogController({ disableRequestLogging: true }),
    // removeAdditional: false, so a closed body schema refuses an unknown field instead of dropping it (see request-guards).
    ajv: { customOptions: { formats: { binary: true }, removeAdditional: false, verbose: true } },
  }) as unknown as FastifyInstance;
  const served = trackRoutes(app);
  app.decorateRequest('problemCode', undefined);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.addSchema(problemSchema);
  registerRequestGuards(app, options.variableLimits ?? defaultVariableLimits);
  await app.register(multipart, { limits: { fileSize: bodyLimit, files: 100, fields: 20 } });
  const identity = options.auth === undefined ? undefined : await registerAuth(app, options.auth, options.engine, options.identitySync);
  const webRoot = options.webRoot ?? defaultWebRoot();
  if (webRoot !== false && webRoot !== undefined) await registerWebApp(app, webRoot);
  await registerOpenApi(app, options.version ?? packageVersion);
  // After the OpenAPI plugin, which lists the routes registered after it.
  if (identity === undefined) registerIdentityWithoutAuth(app);
  else registerCamundaIdentityRoutes(app, identity);
  registerMetrics(app, createMetrics(options.nodeId, options.cluster, options.storeDataLosses, options.engine));
  if (options.cluster !== undefined) registerApiHandOff(app, { ...options.cluster.handOff, bodyLimit });
  bindKeysToLog(app);
  logRequests(app);
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  const context: RouteContext = {
    engine: options.engine,
    nodeId: options.nodeId,
    capabilities: options.capabilities ?? [],
    version: options.version ?? packageVersion,
    readiness: options.readiness ?? readinessOf(options.isReady ?? (() => true)),
    closing: closing.signal,
    ...(options.cluster === undefined ? {} : { cluster: options.cluster }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.store === undefined ? {} : { store: options.store }),
  };
  for (const register of [
    registerDeploymentRoutes,
    registerProcessDefinitionRoutes,
    registerDecisionRoutes,
    registerProcessInstanceRoutes,
    registerMessageRoutes,
    registerSignalRoutes,
    registerJobRoutes,
    registerElementInstanceRoutes,
    registerUserTaskRoutes,
    registerUserTaskFormRoutes,
    registerEventRoutes,
    registerIncidentRoutes,
    registerTopologyRoutes,
    registerHealthRoutes,
    registerClockRoutes,
    registerStoreRoutes,
  ]) {
    register(app, context);
  }
  registerNotImplementedOperations(app, served);
  await registerGraphql(app, { engine: options.engine });
  await app.ready();
  return app;
}

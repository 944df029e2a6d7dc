import type { FastifyInstance, FastifyRequest } from 'fastify';
import mercurius from 'mercurius';
import type { EngineApi } from '../engine-api.js';
import { graphql } from './graphql-module.js';
import { limitsRule, type QueryLimits } from './limits.js';
import { loaders } from './loaders.js';
import { mutationResolvers } from './mutation-resolvers.js';
import { queryResolvers } from './query-resolvers.js';
import { createRestCaller } from './rest-call.js';
import type { GraphqlContext } from './rest-paths.js';
import { maxPageSize, typeDefs } from './schema.js';
import { subscriptionResolvers } from './subscriptions.js';

/** Options of {@link registerGraphql}. */
export interface GraphqlOptions {
  readonly engine: Pick<EngineApi, 'onChange' | 'onInstanceChange'>;
  /** Production: no GraphiQL, no introspection. Default: `NODE_ENV === 'production'`. */
  readonly isProduction?: boolean;
  readonly limits?: Partial<QueryLimits>;
}

/** Default limits: a task list with its instances fits; a page of pages of pages does not. */
export const defaultQueryLimits: QueryLimits = { maxDepth: 8, maxCost: 10_000, maxPageSize };

/**
 * GraphQL at `/graphql` (mercurius on this Fastify server: one process, one port, and
 * `app.inject` to run REST in-process), subscriptions over WebSocket on the same path
 * (graphql-ws), GraphiQL at `/graphiql` outside production. Every field runs the
 * contract's REST operation as the caller, so REST's authentication, authorization,
 * validation and problem codes apply unchanged; `/graphql` itself is public for that reason.
 */
export async function registerGraphql(app: FastifyInstance, options: GraphqlOptions): Promise<void> {
  const isProduction = options.isProduction ?? process.env['NODE_ENV'] === 'production';
  const limits: QueryLimits = { ...defaultQueryLimits, ...options.limits };
  const contextOf = (request: FastifyRequest): GraphqlContext => ({ rest: createRestCaller(app, () => request.headers, request.ip) });
  await app.register(
    async (scope) => {
      // The routes mercurius adds (POST/GET /graphql, the WebSocket, GraphiQL) authenticate nobody themselves
      // and are no REST operations, so /openapi.json leaves them out.
      scope.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' };
        route.schema = { ...route.schema, hide: true };
      });
      await scope.register(mercurius, {
        schema: typeDefs,
        resolvers: { ...queryResolvers, ...mutationResolvers, ...subscriptionResolvers(options.engine, limits.maxPageSize) },
        loaders,
        graphiql: !isProduction,
        // Validation depends on the request's variables (a page limit may be one), so parsed queries are not cached.
        cache: false,
        validationRules: ({ variables }) => [limitsRule(limits, variables ?? {}), ...(isProduction ? [graphql.NoSchemaIntrospectionCustomRule] : [])],
        context: (request) => contextOf(request),
        subscription: { context: (_socket, request) => contextOf(request) },
      });
      // mercurius validates no subscription: check it as a query is checked, before it starts.
      scope.graphql.addHook('preSubscriptionExecution', async (schema, document) => {
        const [error] = graphql.validate(schema, document, [...graphql.specifiedRules, limitsRule(limits)]);
        if (error !== undefined) throw error;
      });
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { storeArguments, storeOperationNames, storeOperationPath, storeRequestSchema, type StoreOperation } from '@baton/proxy';
import type { ProcessStore } from '@baton/runtime';
import type { RouteContext } from '../route-context.js';
import { errorResponses } from '../schemas.js';

/** Any JSON: a store's answer, passed on as it is. */
const answerSchema = {
  type: 'object',
  description: 'The store method\'s result under `value`; `{}` when it returns nothing (or nothing was found).',
  properties: { value: {} },
} as const;

async function run(store: ProcessStore, operation: StoreOperation, body: Readonly<Record<string, unknown>>): Promise<{ value?: unknown }> {
  const method = store[operation] as (...args: unknown[]) => Promise<unknown>;
  const value = await method.apply(store, storeArguments(operation, body));
  return value === undefined ? {} : { value };
}

/**
 * The store API (issue 17): each ProcessStore method of this node's store as
 * `POST /v2/store/<operation>`, for the proxy store of another node or of a page
 * (@baton/proxy, `--store baton+http://this-node`). The call runs on this node's own
 * store, so its atomicity and version check hold end to end: a stale commit gets 409
 * VERSION_CONFLICT and changes nothing. Access class `store`: the role `store` only.
 */
export function registerStoreRoutes(app: FastifyInstance, { store }: RouteContext): void {
  if (store === undefined) return;
  for (const operation of storeOperationNames) {
    app.post(
      storeOperationPath(operation),
      {
        config: { access: 'store' },
        schema: {
          tags: ['store'],
          summary: `The proxy store's ${operation}: this node's ProcessStore.${operation}, arguments by name (role store)`,
          body: storeRequestSchema(operation),
          response: { 200: answerSchema, ...errorResponses },
        },
      },
      async (request) => run(store, operation, request.body as Readonly<Record<string, unknown>>),
    );
  }
}

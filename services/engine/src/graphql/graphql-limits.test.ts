import { afterEach, describe, expect, it, vi } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';
import type { GraphqlError } from './__fixtures__/graphql-client.js';

const post = async (h: Harness, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; errors: GraphqlError[]; data?: unknown }> => {
  const res = await h.app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return { status: res.statusCode, ...res.json<{ errors?: GraphqlError[]; data?: unknown }>(), errors: res.json<{ errors?: GraphqlError[] }>().errors ?? [] };
};

/** Each query is refused before any resolver runs: a clear message, `extensions.code` VALIDATION_FAILED and which limit. */
describe('GraphQL limits', () => {
  let h: Harness;
  afterEach(async () => {
    vi.unstubAllEnvs();
    await h.close();
  });

  it('refuses a query nested deeper than 8 levels', async () => {
    h = await harness();
    // Pages of one item: deep, yet cheap.
    const deep = '{ userTasks(page: { limit: 1 }) { items { processInstance { userTasks { processInstance { userTasks { processInstance { processDefinition { version } } } } } } } } }';
    const answer = await post(h, deep);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'Operation "anonymous" nests fields 9 deep; at most 8 are allowed. Ask for fewer nested levels.',
        extensions: { code: 'VALIDATION_FAILED', status: 400, limit: 'depth', maximum: 8, found: 9 },
      }),
    ]);
  });

  it('refuses a query whose pages of pages would resolve too many fields', async () => {
    h = await harness();
    const costly = 'query Costly { processInstances(page: { limit: 100 }) { items { elementInstances(page: { limit: 100 }) { items { elementId state type } } } } }';
    const answer = await post(h, costly);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]?.message).toMatch(/^Operation "Costly" would resolve about \d+ fields; at most 10000 are allowed\. Ask for smaller pages/);
    expect(answer.errors[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', limit: 'cost', maximum: 10_000 });
  });

  it('refuses a page over 100 items, also when the limit is a variable', async () => {
    h = await harness();
    const literal = await post(h, '{ userTasks(page: { limit: 500 }) { items { name } } }');
    const variable = await post(h, 'query Tasks($page: PageInput) { userTasks(page: $page) { items { name } } }', { page: { limit: 101 } });
    expect(literal.errors.map((e) => e.extensions)).toEqual([{ code: 'VALIDATION_FAILED', status: 400, limit: 'pageSize', maximum: 100, found: 500 }]);
    expect(variable.errors.map((e) => e.extensions)).toEqual([{ code: 'VALIDATION_FAILED', status: 400, limit: 'pageSize', maximum: 100, found: 101 }]);
  });

  it('answers a task list with its instances within the limits', async () => {
    h = await harness();
    await h.startSimple();
    const answer = await post(h, '{ processInstances(page: { limit: 50 }) { items { processInstanceKey state userTasks { name assignee } incidents { errorType } } page { totalItems } } }');
    expect(answer.errors).toEqual([]);
    expect(answer.data).toMatchObject({ processInstances: { page: { totalItems: 1 } } });
  });

  it('turns introspection and GraphiQL off in production, on in development', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    h = await harness();
    const introspection = await post(h, '{ __schema { queryType { name } } }');
    expect(introspection.errors[0]?.message).toMatch(/introspection/i);
    expect((await h.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
    await h.close();
    vi.stubEnv('NODE_ENV', 'development');
    h = await harness();
    expect(await post(h, '{ __schema { queryType { name } } }')).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await h.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(200);
  });
});

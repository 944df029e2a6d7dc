import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';
import type { IntrospectionQuery } from 'graphql';
import { graphql } from './graphql-module.js';

describe('GraphQL schema', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  it('is the committed SDL (schema.graphql), as a client introspects it; a change to it is a change to the API', async () => {
    // when
    const res = await h.app.inject({ method: 'POST', url: '/graphql', payload: { query: graphql.getIntrospectionQuery({ descriptions: true }) } });
    // then
    const served = graphql.buildClientSchema(res.json<{ data: IntrospectionQuery }>().data);
    await expect(graphql.printSchema(served)).toMatchFileSnapshot('./schema.graphql');
  });
});

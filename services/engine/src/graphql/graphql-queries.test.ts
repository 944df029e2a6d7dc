import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';

interface InstancePage {
  readonly items: { processInstanceKey: string; state: string }[];
  readonly page: { totalItems: number; endCursor: string | null };
}

/** Instance pages as REST's 8.8 search gives them: filter, sort and cursor paging pass through unchanged. */
describe('GraphQL instance search', () => {
  let h: Harness;
  let keys: string[];
  beforeEach(async () => {
    h = await harness();
    keys = [];
    for (let i = 0; i < 5; i += 1) keys.push(await h.startSimple({ i }));
    await h.engine.cancelInstance(keys[4] ?? '');
  });
  afterEach(() => h.close());

  const pageOf = async (args: string): Promise<InstancePage> => {
    const query = `{ processInstances(${args}) { items { processInstanceKey state } page { totalItems endCursor } } }`;
    const res = await h.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    return res.json<{ data: { processInstances: InstancePage } }>().data.processInstances;
  };

  it('pages through the matches with the cursor of the page before, newest first', async () => {
    // when
    const first = await pageOf('filter: { state: "ACTIVE" }, sort: [{ field: "processInstanceKey", order: DESC }], page: { limit: 3 }');
    const second = await pageOf(`filter: { state: "ACTIVE" }, sort: [{ field: "processInstanceKey", order: DESC }], page: { limit: 3, after: "${first.page.endCursor ?? ''}" }`);
    // then
    const active = keys.slice(0, 4).reverse();
    expect(first.items.map((i) => i.processInstanceKey)).toEqual(active.slice(0, 3));
    expect(second.items.map((i) => i.processInstanceKey)).toEqual(active.slice(3));
    expect([first.page.totalItems, second.page.totalItems]).toEqual([4, 4]);
    expect(new Set([...first.items, ...second.items].map((i) => i.state))).toEqual(new Set(['ACTIVE']));
  });

  it('answers REST\'s validation problem for a filter REST does not know', async () => {
    // when
    const res = await h.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ processInstances(filter: { colour: "red" }) { items { processInstanceKey } } }' } });
    // then
    const [error] = res.json<{ errors: { message: string; extensions: { code: string; status: number } }[] }>().errors;
    expect(error?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(error?.message).toContain('colour');
  });
});

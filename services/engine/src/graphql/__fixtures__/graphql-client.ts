import type { AuthHarness, Caller } from '../../auth/__fixtures__/auth-harness.js';

/** One GraphQL error as the node sends it. */
export interface GraphqlError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly status?: number; readonly [name: string]: unknown };
}

/** A GraphQL answer: HTTP status, `data` and `errors`. */
export interface GraphqlAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly data: T | null | undefined;
  readonly errors: readonly GraphqlError[];
}

/** POSTs `query` to /graphql as `caller` over real HTTP (session cookie and CSRF token, or an API key). */
export async function graphqlAs<T = Record<string, unknown>>(h: AuthHarness, caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer<T>> {
  const res = await h.request(caller, 'POST', '/graphql', { query, variables });
  const body = (await res.json()) as { data?: T | null; errors?: GraphqlError[] };
  return { status: res.status, data: body.data, errors: body.errors ?? [] };
}

/** The `extensions.code` of each error, in order. */
export const codesOf = (answer: GraphqlAnswer<unknown>): (string | undefined)[] => answer.errors.map((e) => e.extensions?.code);

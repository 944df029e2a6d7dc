import mercurius from 'mercurius';
import type { RestCaller } from './rest-call.js';
import { maxPageSize } from './schema.js';

// mercurius is CommonJS: Node's ESM loader sees no named exports in it.
const { ErrorWithProps } = mercurius;

/** What a GraphQL resolver receives as its context. */
export interface GraphqlContext {
  readonly rest: RestCaller;
}

declare module 'mercurius' {
  // Every resolver's context carries the caller's REST (built by registerGraphql's `context`).
  interface MercuriusContext {
    readonly rest: RestCaller;
  }
}

/** `filter`, `sort` and `page` of a search field. */
export interface SearchArgs {
  readonly filter?: unknown;
  readonly sort?: readonly { readonly field: string; readonly order?: string | null }[] | null;
  readonly page?: Readonly<Record<string, unknown>> | null;
}

/** A search answer as REST gives it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: { readonly totalItems: number; readonly endCursor?: string };
}

/** An operation's path with its `:params` filled in: `/v2/jobs/:jobKey` → `/v2/jobs/42`. */
export function pathOf(operation: { readonly path: string }, params: Readonly<Record<string, string>> = {}): string {
  return operation.path.replaceAll(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** The arguments GraphQL was given, without the ones set to null (GraphQL's "not given"). */
export function given(args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null && value !== undefined));
}

/** REST's search body from a search field's arguments; a page over `maxPageSize` (a subscription's variable) is refused here too. */
export function searchBody(args: SearchArgs): Record<string, unknown> {
  const limit = args.page?.['limit'];
  if (typeof limit === 'number' && limit > maxPageSize) {
    throw new ErrorWithProps(`page.limit ${limit} is over the largest page, ${maxPageSize}; page with "after".`, { code: 'VALIDATION_FAILED', status: 400, limit: 'pageSize', maximum: maxPageSize, found: limit }, 400);
  }
  const sort = args.sort?.map((s) => given(s));
  return given({ filter: args.filter, sort, page: args.page === null || args.page === undefined ? undefined : given(args.page) });
}

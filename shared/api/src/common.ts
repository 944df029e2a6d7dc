import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * Building blocks of Camunda 8.8's REST v2 shapes (Orchestration Cluster API,
 * `rest-api.yaml`), shared by every operation family.
 */

/** Baton has one tenant until multi-tenancy lands; every answer names it as Camunda does. */
export const defaultTenantId = '<default>';

/** `tenantId`: `<default>` unless multi-tenancy is on. */
export const TenantId = Type.String({ description: 'The tenant; `<default>` while multi-tenancy is off.', examples: [defaultTenantId] });

/**
 * A key in a path or body, as 8.8's `LongKey`: the decimal string of a 64-bit integer
 * (Baton mints `instance number × 2^25 + seq`; see @baton/core `keys.ts`).
 */
export const Key = Type.String({ pattern: '^-?[0-9]+$', minLength: 1, maxLength: 25, description: 'A key: the decimal string of a 64-bit integer.', examples: ['2251799813685249'] });

/** Process variables: any JSON object (limits are checked by the door, not the schema). */
export const Variables = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
  description: 'Process variables (a JSON object).',
});
export type Variables = Static<typeof Variables>;

/** Milliseconds, as Camunda's `timeout`, `requestTimeout`, `retryBackOff`. */
export const Millis = (options: { readonly minimum?: number; readonly default?: number; readonly description?: string } = {}) => Type.Integer({ minimum: 0, ...options });

/** The path parameters of an operation on one object, e.g. `{ jobKey }`. */
export function keyParams<const Name extends string>(name: Name) {
  return Type.Object({ [name]: Key } as { [K in Name]: typeof Key }, { additionalProperties: false });
}

/** `page` of a search request: offset (`from`) or cursor (`after` / `before`) paging. */
export const SearchQueryPageRequest = Type.Object(
  {
    from: Type.Optional(Type.Integer({ minimum: 0, description: 'Skip this many matches (offset paging).' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 100, description: 'At most this many items.' })),
    after: Type.Optional(Type.String({ description: 'The `endCursor` of the previous page: the page after it.' })),
    before: Type.Optional(Type.String({ description: 'The `startCursor` of the next page: the page before it.' })),
  },
  { additionalProperties: false },
);
export type SearchQueryPageRequest = Static<typeof SearchQueryPageRequest>;

/** `page` of a search answer. Baton counts every match, so `hasMoreTotalItems` is false. */
export const SearchQueryPageResponse = Type.Object({
  totalItems: Type.Integer({ description: 'The number of all matches.' }),
  startCursor: Type.Optional(Type.String({ description: 'Send as `before` for the page before this one.' })),
  endCursor: Type.Optional(Type.String({ description: 'Send as `after` for the page after this one.' })),
  hasMoreTotalItems: Type.Boolean({ description: 'True when `totalItems` is a lower bound.' }),
});
export type SearchQueryPageResponse = Static<typeof SearchQueryPageResponse>;

/** One of these strings (a JSON Schema `anyOf` of constants), typed as their union. */
export function Literals<const Values extends readonly string[]>(values: Values, options: { readonly description?: string } = {}) {
  return Type.Unsafe<Values[number]>(Type.Union(values.map((value) => Type.Literal(value)), options));
}

/** `sort` of a search request: fields in order, each ascending unless `order` says `DESC`. */
export function SearchQuerySort<const Fields extends readonly string[]>(fields: Fields) {
  return Type.Array(
    Type.Object(
      {
        field: Literals(fields),
        order: Type.Optional(Literals(['ASC', 'DESC', 'asc', 'desc'])),
      },
      { additionalProperties: false },
    ),
  );
}

/** A search request: `filter`, `sort`, `page`, each optional. */
export function SearchQueryRequest<Filter extends TSchema, Sort extends TSchema>(filter: Filter, sort: Sort) {
  return Type.Object(
    { filter: Type.Optional(filter), sort: Type.Optional(sort), page: Type.Optional(SearchQueryPageRequest) },
    { additionalProperties: false },
  );
}

/** A search answer: `items` and `page`. */
export function SearchQueryResult<Item extends TSchema>(item: Item) {
  return Type.Object({ items: Type.Array(item), page: SearchQueryPageResponse });
}

/** A string filter: the value, or `{ $eq }` (Camunda's operators beyond `$eq` are refused, naming the field). */
export const BasicStringFilter = Type.Union([Type.String(), Type.Object({ $eq: Type.String() }, { additionalProperties: false })]);
export type BasicStringFilter = Static<typeof BasicStringFilter>;

/** An enum filter: the value, or `{ $eq }`. */
export function EnumFilter<T extends TSchema>(values: T) {
  return Type.Union([values, Type.Object({ $eq: values }, { additionalProperties: false })]);
}

/** The value a basic filter asks for. */
export function filterValue<T extends string>(filter: T | { readonly $eq: T } | undefined): T | undefined {
  return typeof filter === 'object' ? filter.$eq : filter;
}

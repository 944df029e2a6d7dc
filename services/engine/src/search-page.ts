import { filterValue, type DateTimeFilter, type SearchQueryPageRequest, type SearchQueryPageResponse } from '@baton/api';
import { BatonError } from '@baton/errors';

/** Items per page when the request names no `limit` (Camunda's default). */
const defaultLimit = 100;

/**
 * Cursors are opaque to clients: here the offset of an item, base64url-encoded
 * (`btoa`: the same in Node and browsers).
 */
const toCursor = (offset: number): string => btoa(`o:${offset}`).replaceAll('=', '');

/** The cursor's text, or '' when it is no base64 at all. */
function decodeCursor(cursor: string): string {
  try {
    return atob(cursor);
  } catch {
    return '';
  }
}

function fromCursor(cursor: string, field: 'after' | 'before'): number {
  const offset = /^o:(\d+)$/.exec(decodeCursor(cursor))?.[1];
  if (offset === undefined) {
    throw new BatonError('VALIDATION_FAILED', `Expected page.${field} to be a cursor from a previous answer (page.startCursor or page.endCursor) but found "${cursor}"; send one of those.`, { field: `page.${field}` });
  }
  return Number(offset);
}

/** The offset and limit a search `page` asks for: `from`, or the items after/before a cursor. */
export function searchWindow(page: SearchQueryPageRequest | undefined): { readonly offset: number; readonly limit: number } {
  const limit = page?.limit ?? defaultLimit;
  if (page?.after !== undefined) return { offset: fromCursor(page.after, 'after') + 1, limit };
  if (page?.before !== undefined) {
    const end = fromCursor(page.before, 'before');
    return { offset: Math.max(0, end - limit), limit: Math.min(limit, end) };
  }
  return { offset: page?.from ?? 0, limit };
}

/** A search answer: the items from `offset` on, out of `totalItems`, with cursors at both ends. */
export function searchPage<T>(items: readonly T[], totalItems: number, offset: number): { items: T[]; page: SearchQueryPageResponse } {
  const cursors = items.length === 0 ? {} : { startCursor: toCursor(offset), endCursor: toCursor(offset + items.length - 1) };
  return { items: [...items], page: { totalItems, ...cursors, hasMoreTotalItems: false } };
}

/** Items per read when a facade reads every page of a store query. */
const readPageSize = 1000;

/** Every item of a paged store query, read page by page. */
export async function everyItem<T>(read: (page: { offset: number; limit: number }) => Promise<{ items: readonly T[]; nextOffset?: number }>): Promise<T[]> {
  const all: T[] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const page: { items: readonly T[]; nextOffset?: number } = await read({ offset, limit: readPageSize });
    all.push(...page.items);
    offset = page.nextOffset;
  }
  return all;
}

/**
 * Refuses a `sort` other than ascending by one of `fields` (the order Baton keeps),
 * naming the field, so a client never gets an order it did not ask for.
 */
export function refuseOtherSorts(sort: readonly { readonly field: string; readonly order?: string }[] | undefined, fields: readonly string[], items: string): void {
  if ((sort ?? []).every((s) => fields.includes(s.field) && s.order?.toUpperCase() !== 'DESC')) return;
  throw new BatonError(
    'VALIDATION_FAILED',
    `Expected no sort or ${fields.join(' or ')} ascending (${items} come in creation order) but found another sort; drop \`sort\` and order the items yourself.`,
    { field: 'sort' },
  );
}

/** Whether `item` has the value each of the `fields` filters asks for (a value or `{ $eq }`); an absent filter matches. */
export function matchesEvery<Filter extends object, Item extends object>(filter: Filter, item: Item, fields: readonly (keyof Filter & keyof Item)[]): boolean {
  return fields.every((field) => {
    const wanted = filterValue(filter[field] as string | { readonly $eq: string } | undefined);
    return wanted === undefined || wanted === item[field];
  });
}

/** The epoch ms of a filter's date, or a 400 naming the field. */
function epochOf(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new BatonError('VALIDATION_FAILED', `Expected filter.${field} to be an ISO 8601 date-time but found "${value}"; send e.g. 2026-01-31T12:00:00Z.`, { field: `filter.${field}` });
  return ms;
}

/** Whether `date` (ISO, absent when the item has none) satisfies a date-time filter on `field`. */
export function matchesDate(date: string | undefined, filter: DateTimeFilter | undefined, field: string): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'string') return date !== undefined && Date.parse(date) === epochOf(filter, field);
  if (filter.$exists !== undefined && filter.$exists !== (date !== undefined)) return false;
  const ms = date === undefined ? undefined : Date.parse(date);
  const bounds: readonly [string | undefined, (a: number, b: number) => boolean][] = [
    [filter.$eq, (a, b) => a === b],
    [filter.$gt, (a, b) => a > b],
    [filter.$gte, (a, b) => a >= b],
    [filter.$lt, (a, b) => a < b],
    [filter.$lte, (a, b) => a <= b],
  ];
  return bounds.every(([bound, holds]) => bound === undefined || (ms !== undefined && holds(ms, epochOf(bound, field))));
}

/** Numeric strings (keys) by value, the rest as text; absent values last. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'string' && typeof b === 'string' && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : 1);
  return String(a) < String(b) ? -1 : 1;
}

/** `items` in the order `sort` asks for (stable: ties keep their order). */
export function sortBy<T extends object>(items: T[], sort: readonly { readonly field: string; readonly order?: string }[] | undefined): T[] {
  const keys = sort ?? [];
  return items.sort((x, y) => {
    for (const { field, order } of keys) {
      const byField = compareValues((x as Readonly<Record<string, unknown>>)[field], (y as Readonly<Record<string, unknown>>)[field]);
      if (byField !== 0) return order?.toUpperCase() === 'DESC' ? -byField : byField;
    }
    return 0;
  });
}

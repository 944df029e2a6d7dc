import type { Page, PageRequest } from '@baton/runtime';
import type { RedisClient } from './connection.js';

const CHUNK = 500;

/** How the values of an index's HASH are read: JSON by default (see `decodeStoredWait` for waits). */
export type Decode = (value: string) => unknown;

const parseJson: Decode = (value) => JSON.parse(value) as unknown;

/** Values of `hash` at `fields`, decoded, missing ones skipped; one round trip per 500. */
export async function readJson<T>(client: RedisClient, hash: string, fields: readonly string[], decode: Decode = parseJson): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < fields.length; i += CHUNK) {
    for (const value of await client.hmget(hash, ...fields.slice(i, i + CHUNK))) if (value !== null) values.push(decode(value) as T);
  }
  return values;
}

export function pageOf<T>(items: readonly T[], total: number, offset: number): Page<T> {
  const next = offset + items.length;
  return next < total ? { items, total, nextOffset: next } : { items, total };
}

/**
 * One page of the values an index ZSET (creation order) points to in `hash`.
 * Without `keep`, pages in Redis: O(page). With `keep`, reads the whole index and
 * filters here: O(index), for queries no index answers directly.
 */
export async function readIndexPage<T>(
  client: RedisClient,
  index: string,
  hash: string,
  page: PageRequest,
  keep?: (value: T) => boolean,
  decode: Decode = parseJson,
): Promise<Page<T>> {
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.max(0, page.limit ?? 100);
  if (keep === undefined) {
    const [total, members] = await Promise.all([client.zcard(index), limit === 0 ? [] : client.zrange(index, offset, offset + limit - 1)]);
    return pageOf(await readJson<T>(client, hash, members, decode), total, offset);
  }
  const matching = (await readJson<T>(client, hash, await client.zrange(index, 0, -1), decode)).filter(keep);
  return pageOf(matching.slice(offset, offset + limit), matching.length, offset);
}

/** Every value an index ZSET points to, in creation order. */
export async function readIndex<T>(client: RedisClient, index: string, hash: string, decode: Decode = parseJson): Promise<T[]> {
  return readJson<T>(client, hash, await client.zrange(index, 0, -1), decode);
}

/** Predicate that is true when every given (defined) expectation holds. */
export function matchesAll<T>(checks: readonly (readonly [unknown, (value: T) => boolean])[]): ((value: T) => boolean) | undefined {
  const active = checks.filter(([expected]) => expected !== undefined).map(([, check]) => check);
  return active.length === 0 ? undefined : (value) => active.every((check) => check(value));
}

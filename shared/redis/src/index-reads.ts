import type { Page, PageRequest } from '@baton/runtime';
import type { Redis } from 'ioredis';

const CHUNK = 500;

function parseAll<T>(values: readonly (string | null)[]): T[] {
  const parsed: T[] = [];
  for (const value of values) if (value !== null) parsed.push(JSON.parse(value) as T);
  return parsed;
}

/** Values of `hash` at `fields`, parsed, missing ones skipped; one round trip per 500. */
export async function readJson<T>(client: Redis, hash: string, fields: readonly string[]): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < fields.length; i += CHUNK) {
    values.push(...parseAll<T>(await client.hmget(hash, ...fields.slice(i, i + CHUNK))));
  }
  return values;
}

function pageOf<T>(items: readonly T[], total: number, offset: number): Page<T> {
  const next = offset + items.length;
  return next < total ? { items, total, nextOffset: next } : { items, total };
}

/**
 * One page of the values an index ZSET (creation order) points to in `hash`.
 * Without `keep`, pages in Redis: O(page). With `keep`, reads the whole index and
 * filters here: O(index), for queries no index answers directly.
 */
export async function readIndexPage<T>(
  client: Redis,
  index: string,
  hash: string,
  page: PageRequest,
  keep?: (value: T) => boolean,
): Promise<Page<T>> {
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.max(0, page.limit ?? 100);
  if (keep === undefined) {
    const [total, members] = await Promise.all([client.zcard(index), limit === 0 ? [] : client.zrange(index, offset, offset + limit - 1)]);
    return pageOf(await readJson<T>(client, hash, members), total, offset);
  }
  const matching = (await readJson<T>(client, hash, await client.zrange(index, 0, -1))).filter(keep);
  return pageOf(matching.slice(offset, offset + limit), matching.length, offset);
}

/** Every value an index ZSET points to, in creation order. */
export async function readIndex<T>(client: Redis, index: string, hash: string): Promise<T[]> {
  return readJson<T>(client, hash, await client.zrange(index, 0, -1));
}

/** Predicate that is true when every given (defined) expectation holds. */
export function matchesAll<T>(checks: readonly (readonly [unknown, (value: T) => boolean])[]): ((value: T) => boolean) | undefined {
  const active = checks.filter(([expected]) => expected !== undefined).map(([, check]) => check);
  return active.length === 0 ? undefined : (value) => active.every((check) => check(value));
}

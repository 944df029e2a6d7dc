import type { Page, PageRequest } from '@baton/runtime';

/** One page of `items` (already filtered and ordered). */
export function pageOf<T>(items: readonly T[], page: PageRequest): Page<T> {
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.max(0, page.limit ?? 100);
  const slice = items.slice(offset, offset + limit);
  const next = offset + slice.length;
  return next < items.length ? { items: slice, total: items.length, nextOffset: next } : { items: slice, total: items.length };
}

/** Values of `source` that pass `keep`, in insertion order. */
export function filterValues<T>(source: Iterable<T>, keep: (value: T) => boolean): T[] {
  const kept: T[] = [];
  for (const value of source) if (keep(value)) kept.push(value);
  return kept;
}

/**
 * Freezes a plain JSON value in depth, so a mutation throws. A frozen object is
 * taken as frozen in depth (what this function leaves), so shared subtrees cost once.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) freezeObject(value);
  return value;
}

/** Only objects recurse: most fields are strings and numbers, and a call per field showed in profiles. */
function freezeObject(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (typeof item === 'object' && item !== null) freezeObject(item);
    return;
  }
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'object' && field !== null) freezeObject(field);
  }
}

/**
 * Expectation checks on plain data. Each returns undefined when it passes, else a
 * message saying what was expected and what was found.
 */

/** Count of each item. */
function counts(items: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

/** Multiset equality: same items, same number of times each, order ignored. */
export function sameMultiset(expected: readonly string[], found: readonly string[]): boolean {
  if (expected.length !== found.length) return false;
  const want = counts(expected);
  for (const [item, n] of counts(found)) if (want.get(item) !== n) return false;
  return true;
}

const list = (items: readonly string[]): string => `[${items.join(', ')}]`;

/** `expectWaiting` / `expectCompleted`: `expected waiting [approve] but found [charge, approve]`. */
export function checkMultiset(what: 'waiting' | 'completed', expected: readonly string[], found: readonly string[]): string | undefined {
  return sameMultiset(expected, found) ? undefined : `expected ${what} ${list(expected)} but found ${list(found)}`;
}

/** `expectNotCompleted`: none of `ids` is among the completed ones. */
export function checkNotCompleted(ids: readonly string[], completed: readonly string[]): string | undefined {
  const done = counts(completed);
  const offenders = ids.filter((id, i) => done.has(id) && ids.indexOf(id) === i);
  if (offenders.length === 0) return undefined;
  const times = offenders.map((id) => `${id} (${done.get(id)}x)`);
  return `expected not completed ${list(ids)} but found completed ${list(times)}`;
}

/**
 * JSON deep equality: objects by key set (order ignored), arrays in order, numbers
 * by value. `undefined` (an absent variable) equals nothing, not even `null`.
 */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) || a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && jsonEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const show = (value: unknown): string => (value === undefined ? 'absent' : JSON.stringify(value));

/** `expectVariables`: each listed variable deep-equals its JSON value; an absent one fails. */
export function checkVariables(expected: Readonly<Record<string, unknown>>, found: Readonly<Record<string, unknown>>): string | undefined {
  const wrong = Object.entries(expected)
    .filter(([name, value]) => !jsonEquals(value, Object.hasOwn(found, name) ? found[name] : undefined))
    .map(([name, value]) => `${name} = ${show(value)} but found ${show(Object.hasOwn(found, name) ? found[name] : undefined)}`);
  return wrong.length === 0 ? undefined : `expected variable ${wrong.join('; expected variable ')}`;
}

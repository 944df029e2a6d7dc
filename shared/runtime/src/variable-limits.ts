import { BatonError } from '@baton/errors';

/**
 * Limits on one variables document as it enters the engine (issue 12, finding 2):
 * a document deeper than a reader can serialize, or larger than a store should
 * hold, is refused at the door rather than stored and then unreadable.
 */
export interface VariableLimits {
  /** Deepest nesting of objects and arrays; the document itself is level 1 (`{"a":{"b":1}}` is 2). */
  readonly maxDepth: number;
  /** Largest JSON text of the document, in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Most entries in one object (keys) or array (items). */
  readonly maxEntries: number;
}

/** Depth 64, 1 MiB of JSON, 10 000 entries per object or array. */
export const defaultVariableLimits: VariableLimits = { maxDepth: 64, maxBytes: 1024 * 1024, maxEntries: 10_000 };

/** The deepest `maxDepth` a node accepts: reads serialize recursively (JSON.stringify), so depth must stay well under the stack. */
export const maxConfigurableDepth = 1_000;

/**
 * The node's limits: `given` over the defaults. Throws VALIDATION_FAILED naming the
 * field when one is not a positive whole number, or `maxDepth` is over {@link maxConfigurableDepth}.
 */
export function variableLimitsOf(given: Partial<VariableLimits> = {}): VariableLimits {
  const limits = { ...defaultVariableLimits, ...given };
  for (const [field, value] of Object.entries(limits)) {
    const max = field === 'maxDepth' ? maxConfigurableDepth : Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(value) || value <= 0 || value > max) {
      throw new BatonError('VALIDATION_FAILED', `Expected variable limit ${field} to be a whole number from 1 to ${max}, but found ${String(value)}; fix the setting.`, {
        field,
      });
    }
  }
  return limits;
}

/** One value met on the walk; `parent` and `key` rebuild its path only when an error names it. */
interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string | number | undefined;
  readonly parent: Frame | undefined;
}

/** `variables.order.lines[3]`, shortened in the middle when deep. */
function pathOf(frame: Frame, root: string): string {
  const parts: string[] = [];
  for (let at: Frame | undefined = frame; at?.key !== undefined; at = at.parent) {
    parts.push(typeof at.key === 'number' ? `[${at.key}]` : `.${at.key}`);
  }
  parts.reverse();
  const shown = parts.length > 12 ? [...parts.slice(0, 6), `…(${parts.length - 10} more)…`, ...parts.slice(-4)] : parts;
  return root + shown.join('');
}

/** UTF-8 length of a string, without an encoder (isomorphic, no DOM types). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a leaf's JSON text (undefined, functions and symbols are dropped by JSON: 0). */
function leafBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return utf8Length(JSON.stringify(value));
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'bigint':
      return String(value).length;
    default:
      return value === null ? 4 : 0;
  }
}

function refuse(limit: keyof VariableLimits, max: number, frame: Frame, root: string, found: string, todo: string): never {
  const path = pathOf(frame, root);
  throw new BatonError(
    'VARIABLE_LIMIT_EXCEEDED',
    `Expected "${root}" within the ${limit} limit of ${max}, but ${found} at "${path}"; ${todo}.`,
    { field: root, path, limit, max },
  );
}

/** The entries of a container (none past `max + 1`), or undefined for a leaf. */
function entriesOf(value: unknown, max: number): { readonly entries: readonly (readonly [string | number, unknown])[]; readonly isArray: boolean } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return { entries: value.slice(0, max + 1).map((item: unknown, index) => [index, item] as const), isArray: true };
  return { entries: Object.entries(value), isArray: false };
}

/**
 * Throws VARIABLE_LIMIT_EXCEEDED (details: `field`, `path`, `limit`, `max`) when
 * `variables` is nested deeper than `maxDepth`, has an object or array with more than
 * `maxEntries` entries, or serializes to more than `maxBytes` of JSON. Iterative and
 * bounded: it stops at the first limit crossed, so a 10 000-deep or cyclic value costs
 * no more than the limits allow. The Engine facade calls it on every variables-carrying
 * call (so every door built on it), the HTTP layer before schema validation, and the
 * in-process worker loop on what a handler returns.
 */
export function checkVariables(variables: unknown, limits: VariableLimits = defaultVariableLimits, root = 'variables'): void {
  const stack: Frame[] = [{ value: variables, depth: 1, key: undefined, parent: undefined }];
  let bytes = 0;
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const value = hasToJson(frame.value) ? frame.value.toJSON() : frame.value;
    const container = entriesOf(value, limits.maxEntries);
    if (container === undefined) {
      bytes += leafBytes(value);
    } else {
      if (frame.depth > limits.maxDepth) {
        refuse('maxDepth', limits.maxDepth, frame, root, `it nests deeper than ${limits.maxDepth} levels`, 'flatten the value or store a reference to it');
      }
      const { entries, isArray } = container;
      if (entries.length > limits.maxEntries) {
        const count = isArray ? (value as unknown[]).length : entries.length;
        const found = `${isArray ? 'an array' : 'an object'} has ${count} entries`;
        refuse('maxEntries', limits.maxEntries, frame, root, found, 'split it or store a reference to it');
      }
      bytes += 2 + Math.max(entries.length - 1, 0);
      for (const [key, item] of entries) {
        if (!isArray) bytes += utf8Length(JSON.stringify(key)) + 1;
        stack.push({ value: item, depth: frame.depth + 1, key, parent: frame });
      }
    }
    if (bytes > limits.maxBytes) {
      refuse('maxBytes', limits.maxBytes, frame, root, `its JSON exceeds ${limits.maxBytes} bytes`, 'send less, or store large data elsewhere and pass a reference');
    }
  }
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** What a reader sees in place of a value nested deeper than it can show. */
export function tooDeepMarker(maxDepth: number): string {
  return `[nested deeper than ${maxDepth} levels: not shown]`;
}

/** Whether anything in `value` nests deeper than `maxDepth` (iterative, stops at the first). */
function isDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (typeof at.value !== 'object' || at.value === null) continue;
    if (at.depth > maxDepth) return true;
    for (const item of Object.values(at.value)) if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: at.depth + 1 });
  }
  return false;
}

/**
 * `value` as a reader may serialize it: itself when nested no deeper than `maxDepth`
 * (the usual case: one iterative scan, no copy), else a copy in which each object or
 * array below that depth is replaced by {@link tooDeepMarker}. For data stored before
 * the door checked depth (issue 12): reading never overflows the stack.
 */
export function boundedForReading<T>(value: T, maxDepth: number): T {
  if (!isDeeperThan(value, maxDepth)) return value;
  const marker = tooDeepMarker(maxDepth);
  const copyOf = (source: object): Record<string, unknown> | unknown[] => (Array.isArray(source) ? [] : {});
  const top = copyOf(value as object);
  const stack: { source: object; target: Record<string, unknown> | unknown[]; depth: number }[] = [{ source: value as object, target: top, depth: 1 }];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    for (const [key, item] of Object.entries(at.source)) {
      let copy: unknown = item;
      if (typeof item === 'object' && item !== null) {
        copy = at.depth + 1 > maxDepth ? marker : copyOf(item);
        if (copy !== marker) stack.push({ source: item, target: copy as Record<string, unknown>, depth: at.depth + 1 });
      }
      (at.target as Record<string, unknown>)[key] = copy;
    }
  }
  return top as T;
}

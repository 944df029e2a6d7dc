import { FeelFunction, FeelRange } from 'feelin';
import { checkPattern, extraCostOf } from './builtin-costs.js';

/**
 * Bounds on one evaluation, all counts (never wall time) so the outcome is the same
 * on every node and in every replay (issue #12, finding 1).
 */
export type ExpressionLimits = {
  /**
   * Work units one evaluation may use: one per function call (builtin or user
   * defined), one per element an iteration (`for`, `some`, `every`, a filter)
   * visits, one per list element or 64 characters passed to a function.
   */
  readonly maxSteps: number;
  /** Largest list (elements), context (entries) or string (characters) an evaluation may build or return. */
  readonly maxResultSize: number;
  /** Deepest nesting of function calls while evaluating, and of lists and contexts in the result. */
  readonly maxDepth: number;
};

/** Which limit an evaluation hit, by its option name. */
export type LimitName = keyof ExpressionLimits;

/**
 * Safe defaults: an evaluation at the step limit takes well under a second even on
 * a loaded 2-core machine (measured figures in the README); a built list or string
 * stays a few MiB at most.
 */
export const defaultExpressionLimits: ExpressionLimits = { maxSteps: 100_000, maxResultSize: 1_000_000, maxDepth: 64 };

/** Thrown through feelin's interpreter when a limit is hit; caught by {@link runMetered}. */
export class ExpressionLimitExceeded extends Error {
  constructor(
    readonly limit: LimitName,
    readonly allowed: number,
    what: string,
  ) {
    super(`${what}, over the limit ${limit} = ${allowed}`);
    this.name = 'ExpressionLimitExceeded';
  }
}

/** `weight`: steps one iteration or call costs, from the size of the expression's text. */
type Budget = { readonly limits: ExpressionLimits; readonly weight: number; steps: number; depth: number };

/**
 * The budget of the evaluation running now. Evaluations are synchronous and never
 * nest, so one slot is enough; it is set only inside {@link runMetered}.
 */
let active: Budget | undefined;

function charge(budget: Budget, steps: number): void {
  budget.steps += steps;
  if (budget.steps > budget.limits.maxSteps) {
    throw new ExpressionLimitExceeded('maxSteps', budget.limits.maxSteps, `the evaluation needs more than ${budget.limits.maxSteps} steps`);
  }
}

function checkSize(budget: Budget, size: number, what: string): void {
  if (size > budget.limits.maxResultSize) {
    throw new ExpressionLimitExceeded('maxResultSize', budget.limits.maxResultSize, `${what} has ${size} elements or characters`);
  }
}

/** Size of a value for the size limit: elements of a list, entries of a context, characters of a string. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.keys(value).length;
  return 0;
}

/** Steps charged for handing a value to a function: its list elements, or one per 64 characters. */
function costOf(value: unknown): number {
  if (typeof value === 'string') return Math.ceil(value.length / 64);
  if (Array.isArray(value)) return value.length;
  return 0;
}

function costOfArgs(args: unknown, weight: number): number {
  let cost = weight;
  const values = Array.isArray(args) ? (args as unknown[]) : args !== null && typeof args === 'object' ? Object.values(args) : [];
  for (const value of values) cost += costOf(value);
  return cost;
}

/**
 * Identity on a list that `for`, `some`, `every` or a filter is about to iterate:
 * the compiler wraps such lists in a call to it, which charges one iteration per element.
 */
export const meter = new FeelFunction((list: unknown) => list, ['list']);

const invokeUnmetered: (this: FeelFunction, args: unknown) => unknown = FeelFunction.prototype.invoke;
const mapUnmetered: (this: FeelRange, fn: (value: unknown) => unknown) => unknown[] = FeelRange.prototype.map;

/**
 * feelin has no step hook, but every function call goes through
 * `FeelFunction#invoke` and every iteration over a range through `FeelRange#map`
 * (both exported classes): metering them bounds calls, recursion and ranges.
 * Lists iterated by `for`/`some`/`every`/filters are metered by the call the
 * compiler wraps around them (see `meterIterations`).
 */
FeelFunction.prototype.invoke = function invokeMetered(this: FeelFunction, args: unknown): unknown {
  const budget = active;
  if (budget === undefined) return invokeUnmetered.call(this, args);
  const iterated = this === meter && Array.isArray(args) ? costOf(args[0]) : 0;
  charge(budget, iterated > 0 ? iterated * budget.weight : costOfArgs(args, budget.weight) + extraCostOf(this.fn, args));
  checkPattern(this.fn, args);
  budget.depth += 1;
  try {
    if (budget.depth > budget.limits.maxDepth) {
      throw new ExpressionLimitExceeded('maxDepth', budget.limits.maxDepth, `function calls nest more than ${budget.limits.maxDepth} deep`);
    }
    const result = invokeUnmetered.call(this, args);
    checkSize(budget, sizeOf(result), 'a function result');
    return result;
  } finally {
    budget.depth -= 1;
  }
};

FeelRange.prototype.map = function mapMetered<T>(this: FeelRange, fn: (value: unknown) => T): T[] {
  const budget = active;
  if (budget === undefined || this.valueType !== 'number') return mapUnmetered.call(this, fn) as T[];
  const start: unknown = this.start;
  const end: unknown = this.end;
  if (typeof start !== 'number' || typeof end !== 'number') return mapUnmetered.call(this, fn) as T[];
  // feelin steps by 1 until it meets the end exactly: a fractional or infinite bound never ends.
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
    throw new Error(`a range to iterate over needs integer bounds, but found ${start}..${end}; round them with floor() or ceiling()`);
  }
  const length = Math.abs(end - start) + 1;
  charge(budget, length * budget.weight);
  checkSize(budget, length, `the range ${start}..${end}`);
  return mapUnmetered.call(this, fn) as T[];
};

/** The outcome of a metered run: the value, or the limit it hit. */
export type MeteredResult = { ok: true; value: unknown } | { ok: false; error: ExpressionLimitExceeded };

/**
 * Invokes a compiled FEEL function under `limits` (the top-level call itself is
 * not charged: its arguments are the variables as given); each iteration and call
 * costs `weight` steps. Other exceptions pass
 * through to the caller.
 */
export function runMetered(fn: FeelFunction, args: unknown[], limits: ExpressionLimits, weight: number): MeteredResult {
  const previous = active;
  const budget: Budget = { limits, weight, steps: 0, depth: 0 };
  active = budget;
  try {
    const value = invokeUnmetered.call(fn, args);
    checkResult(value, budget);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ExpressionLimitExceeded) return { ok: false, error: err };
    throw err;
  } finally {
    active = previous;
  }
}

/** Walks the result (iteratively, so depth itself cannot overflow the stack) for size and depth. */
function checkResult(value: unknown, budget: Budget): void {
  const { maxDepth } = budget.limits;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const children = Array.isArray(next.value) ? (next.value as unknown[]) : isPlainObject(next.value) ? Object.values(next.value) : undefined;
    if (children === undefined) {
      checkSize(budget, sizeOf(next.value), 'a string in the result');
      continue;
    }
    if (next.depth >= maxDepth) {
      throw new ExpressionLimitExceeded('maxDepth', maxDepth, `the result nests lists or contexts more than ${maxDepth} deep`);
    }
    checkSize(budget, children.length, 'a list or context in the result');
    for (const child of children) pending.push({ value: child, depth: next.depth + 1 });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

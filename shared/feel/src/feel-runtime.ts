import { date, dateAndTime, evaluate, parseExpression, toFeel } from 'feelin';
import type { FeelFunction } from 'feelin';
import { formatUtc } from './calendar.js';

/**
 * FEEL compiled once per text, evaluated many times without re-parsing.
 *
 * feelin's `evaluate(text, context)` parses on every call (about 100x the cost of
 * running the tree). Its public API has no "compile" step, but a FEEL function
 * value is exactly a compiled closure: we evaluate `function(a, b) <text>` once,
 * where `a, b` are the names the text reads, and later invoke it with the
 * variables' values (absent names as `undefined`, which feelin reports as "not
 * found" like a top-level evaluation does).
 */
export type CompiledFeel = {
  /** Free variable names, in parameter order. */
  readonly names: readonly string[];
  /** Which of the names are the clock builtins `now`/`today`, called by the text. */
  readonly clock: readonly ('now' | 'today' | undefined)[];
  readonly fn: FeelFunction;
  /**
   * The warnings array of the compiling evaluation: feelin's closures keep
   * pushing into it on each invocation, so it is read and cleared per run.
   */
  readonly warnings: { message: string }[];
};

/** A compiled expression, or why it could not be compiled. */
export type CompileResult = { ok: true; compiled: CompiledFeel } | { ok: false; reason: string };

/** A raw feelin value (temporal wrappers included) plus feelin's warnings. */
export type RunResult = { ok: true; value: unknown; warnings: string[] } | { ok: false; reason: string };

/**
 * Names the expression reads from its context: variable references that are not
 * the callee of a function invocation (so builtins such as `count` stay builtins).
 * Names bound inside the text (`for x in`, filter `item`, context keys) may be
 * included too; as parameters they are shadowed by the inner scope, so harmless.
 */
function freeNames(text: string): { names: string[]; clock: ('now' | 'today' | undefined)[] } {
  const names = new Set<string>();
  const clock = new Set<'now' | 'today'>();
  parseExpression(text, {}, undefined).iterate({
    enter(node) {
      if (node.name !== 'VariableName') return;
      const parent = node.node.parent;
      const name = text.slice(node.from, node.to);
      const isCallee = parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from;
      if (!isCallee) names.add(name);
      else if (name === 'now' || name === 'today') clock.add(name);
    },
  });
  const plain = [...names].filter((name) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) && !clock.has(name as 'now'));
  return { names: [...plain, ...clock], clock: [...plain.map(() => undefined), ...clock] };
}

/** feelin's own clock builtins (looked up once), used when the caller gives no clock. */
const systemClock = new Map<'now' | 'today', unknown>();

/** `now()`/`today()` reading the caller's clock (epoch ms, UTC) so a replay yields the same value. */
function clockFunction(kind: 'now' | 'today', nowMs: number | undefined): unknown {
  if (nowMs === undefined) {
    if (!systemClock.has(kind)) systemClock.set(kind, evaluate(kind, {}).value);
    return systemClock.get(kind);
  }
  const iso = formatUtc(nowMs);
  return kind === 'now' ? () => dateAndTime(iso) : () => date(iso.slice(0, 10));
}

function describeError(err: unknown, offset: number): string {
  if (!(err instanceof Error)) return String(err);
  const position = (err as { position?: { from: number } }).position;
  const at = position === undefined ? '' : ` at character ${Math.max(0, position.from - offset) + 1}`;
  return `${err.message}${at}`;
}

/** Parses and builds the expression once; syntax errors come back as a reason. */
export function compileFeel(text: string): CompileResult {
  if (text.trim() === '') return { ok: false, reason: 'the expression is empty' };
  let prefix = '';
  try {
    const { names, clock } = freeNames(text);
    prefix = `function(${names.join(', ')}) `;
    const result = evaluate(`${prefix}${text}`, {});
    const fn = result.value as FeelFunction | null;
    if (fn === null || typeof fn !== 'object' || typeof fn.invoke !== 'function') {
      const why = result.warnings.map((w) => w.message).join('; ');
      return { ok: false, reason: why === '' ? 'not a FEEL expression' : why };
    }
    return { ok: true, compiled: { names, clock, fn, warnings: result.warnings } };
  } catch (err) {
    return { ok: false, reason: describeError(err, prefix.length) };
  }
}

/**
 * Runs a compiled expression against variables; returns feelin's raw value.
 * `nowMs` is the clock of `now()`/`today()`; without it they read the system clock.
 */
export function runFeel(compiled: CompiledFeel, variables: Readonly<Record<string, unknown>>, nowMs?: number): RunResult {
  const args = compiled.names.map((name, i) => {
    const clock = compiled.clock[i];
    if (clock !== undefined) return clockFunction(clock, nowMs);
    return Object.hasOwn(variables, name) ? toFeel(variables[name]) : undefined;
  });
  compiled.warnings.length = 0;
  try {
    const value: unknown = compiled.fn.invoke(args);
    const warnings = compiled.warnings.map((w) => w.message);
    return { ok: true, value: value === undefined ? null : value, warnings };
  } catch (err) {
    return { ok: false, reason: describeError(err, 0) };
  } finally {
    compiled.warnings.length = 0;
  }
}

import { date, dateAndTime, evaluate, parseExpression, toFeel } from 'feelin';
import type { FeelFunction } from 'feelin';
import { formatUtc } from './calendar.js';
import { meter, runMetered, type ExpressionLimits, type LimitName } from './limits.js';
import { meterIterations, meterParameter, type Metering } from './meter-iterations.js';

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
  /** True when the text was rewritten to meter its iterations: the meter is the last argument. */
  readonly isMetered: boolean;
  /** Steps one iteration or function call of this text costs (its size). */
  readonly weight: number;
  /**
   * The warnings array of the compiling evaluation: feelin's closures keep
   * pushing into it on each invocation, so it is read and cleared per run.
   */
  readonly warnings: { message: string }[];
};

/** A compiled expression, or why it could not be compiled. */
export type CompileResult = { ok: true; compiled: CompiledFeel } | { ok: false; reason: string };

/** A raw feelin value (temporal wrappers included) plus feelin's warnings; `limit` names the limit a failure hit. */
export type RunResult = { ok: true; value: unknown; warnings: string[] } | { ok: false; reason: string; limit?: LimitName };

/**
 * Names the expression reads from its context: variable references that are not
 * the callee of a function invocation (so builtins such as `count` stay builtins).
 * Names bound inside the text (`for x in`, filter `item`, context keys) may be
 * included too; as parameters they are shadowed by the inner scope, so harmless.
 */
function freeNames(text: string): { names: string[]; clock: ('now' | 'today' | undefined)[]; metering: Metering } {
  const names = new Set<string>();
  const clock = new Set<'now' | 'today'>();
  const tree = parseExpression(text, {}, undefined);
  tree.iterate({
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
  return { names: [...plain, ...clock], clock: [...plain.map(() => undefined), ...clock], metering: meterIterations(text, tree) };
}

/** feelin's own clock builtins (looked up once), used when the caller gives no clock. */
const systemClock = new Map<'now' | 'today', unknown>();

/** `now()`/`today()` reading the caller's clock (epoch ms, UTC) so a replay yields the same value. */
export function clockFunction(kind: 'now' | 'today', nowMs: number | undefined): unknown {
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
    const { names, clock, metering } = freeNames(text);
    const metered = metering.text;
    const params = metered === undefined ? names : [...names, meterParameter];
    prefix = `function(${params.join(', ')}) `;
    const result = evaluate(`${prefix}${metered ?? text}`, {});
    const fn = result.value as FeelFunction | null;
    if (fn === null || typeof fn !== 'object' || typeof fn.invoke !== 'function') {
      const why = result.warnings.map((w) => w.message).join('; ');
      return { ok: false, reason: why === '' ? 'not a FEEL expression' : why };
    }
    return { ok: true, compiled: { names, clock, fn, isMetered: metered !== undefined, weight: metering.weight, warnings: result.warnings } };
  } catch (err) {
    return { ok: false, reason: describeError(err, prefix.length) };
  }
}

/**
 * Runs a compiled expression against variables under `limits`; returns feelin's raw value.
 * `nowMs` is the clock of `now()`/`today()`; without it they read the system clock.
 */
export function runFeel(
  compiled: CompiledFeel,
  variables: Readonly<Record<string, unknown>>,
  nowMs: number | undefined,
  limits: ExpressionLimits,
): RunResult {
  const args = compiled.names.map((name, i) => {
    const clock = compiled.clock[i];
    if (clock !== undefined) return clockFunction(clock, nowMs);
    return Object.hasOwn(variables, name) ? toFeel(variables[name]) : undefined;
  });
  if (compiled.isMetered) args.push(meter);
  compiled.warnings.length = 0;
  try {
    const run = runMetered(compiled.fn, args, limits, compiled.weight);
    if (!run.ok) return { ok: false, reason: run.error.message, limit: run.error.limit };
    const warnings = compiled.warnings.map((w) => w.message);
    return { ok: true, value: run.value === undefined ? null : run.value, warnings };
  } catch (err) {
    return { ok: false, reason: describeError(err, 0) };
  } finally {
    compiled.warnings.length = 0;
  }
}

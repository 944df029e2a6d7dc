import { evaluate, FeelFunction, parseUnaryTests, toFeel, unaryTest } from 'feelin';
import { limitHint, limitsOf, type EvalOptions, type EvalResult, type Variables } from './expression.js';
import { clockFunction } from './feel-runtime.js';
import { meter, runMetered } from './limits.js';
import { meterIterations, meterParameter, type Metering } from './meter-iterations.js';

/**
 * A DMN input entry: FEEL unary tests (`< 10`, `[1..5]`, `"a","b"`, `not("a")`, `-`)
 * checked against `input` (the cell's value, `?` in the text), with the variables
 * in scope. An empty text or `-` matches anything; a test that does not yield true
 * does not match. It runs under the same limits as any expression (`options.limits`,
 * else those of `withExpressionLimits`), and `now()`/`today()` read `options.now`.
 * A text feelin cannot read, or one that hits a limit, is `ok: false` with the reason.
 */
export function evaluateUnaryTest(text: string, input: unknown, variables: Variables, options: EvalOptions = {}): EvalResult<boolean> {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return { ok: true, value: true };
  const literal = literalTestOf(trimmed);
  if (literal !== undefined) {
    const run = runMetered(literal.fn, [toFeel(input)], limitsOf(options), 1);
    if (run.ok) return { ok: true, value: (run.value === true) !== literal.negated };
  }
  const failed = (reason: string): { ok: false; message: string } => ({ ok: false, message: `cannot evaluate the unary tests "${trimmed}" in FEEL: ${reason}` });
  let metering: Metering;
  try {
    metering = meterIterations(trimmed, parseUnaryTests(trimmed, {}, undefined));
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
  const context: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) context[name] = toFeel(value);
  if (options.now !== undefined) {
    context['now'] = clockFunction('now', options.now);
    context['today'] = clockFunction('today', options.now);
  }
  context[meterParameter] = meter;
  context['?'] = toFeel(input);
  const source = metering.text ?? trimmed;
  try {
    const run = runMetered(new FeelFunction(() => unaryTest(source, context).value, []), [], limitsOf(options), metering.weight);
    if (!run.ok) return { ...failed(`${run.error.message}; ${limitHint(run.error.limit)}`), limit: run.error.limit };
    return { ok: true, value: run.value === true };
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Literal-only unary tests (`"gold"`, `< 10`, `[1000..2000)`, `"a","b"`, `not(...)` of
 * those) compiled once per text as `function(input) input in (tests)`: the same FEEL
 * test without parsing per call (a table of 20 rules parsed 40 tests per evaluation,
 * about 8 ms, issue 16 bench). They read no variable and no clock, and compare exactly
 * as the general path does; anything else (names, `?`, `null`, functions, booleans as
 * tests) takes the general path.
 */
const literalTests = new Map<string, LiteralTest | null>();

/** A compiled positive test; `not(...)` negates what it yields, a non-true answer (null) counting as false, as feelin does. */
interface LiteralTest {
  readonly fn: FeelFunction;
  readonly negated: boolean;
}
const literal = String.raw`(?:-?\d+(?:\.\d+)?|"(?:[^"\\]|\\.)*")`;
const literalItem = new RegExp(String.raw`^\s*(?:(?:<=|>=|<|>)?\s*${literal}|[\[(\]]\s*${literal}\s*\.\.\s*${literal}\s*[\])\[])\s*$`);

function literalTestOf(text: string): LiteralTest | undefined {
  const known = literalTests.get(text);
  if (known !== undefined) return known ?? undefined;
  const negated = /^not\s*\((.*)\)$/s.exec(text);
  const tests = negated?.[1] ?? text;
  const items = tests.match(/(?:"(?:[^"\\]|\\.)*"|[^,])+/g) ?? [];
  let compiled: LiteralTest | null = null;
  if (items.length > 0 && items.join(',') === tests && items.every((item) => literalItem.test(item))) {
    const value = evaluate(`function(input) input in (${tests})`, {}).value;
    if (value instanceof FeelFunction) compiled = { fn: value, negated: negated !== null };
  }
  if (literalTests.size >= 10_000) literalTests.clear();
  literalTests.set(text, compiled);
  return compiled ?? undefined;
}

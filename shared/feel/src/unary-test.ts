import { FeelFunction, parseUnaryTests, toFeel, unaryTest } from 'feelin';
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

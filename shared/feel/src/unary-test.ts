import { toFeel, unaryTest } from 'feelin';
import type { EvalResult, Variables } from './expression.js';

/**
 * A DMN input entry: FEEL unary tests (`< 10`, `[1..5]`, `"a","b"`, `not("a")`, `-`)
 * checked against `input` (the cell's value, `?` in the text), with the variables
 * in scope. An empty text or `-` matches anything. A test that does not yield a
 * boolean does not match; a text feelin cannot read is `ok: false` with the reason.
 */
export function evaluateUnaryTest(text: string, input: unknown, variables: Variables): EvalResult<boolean> {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return { ok: true, value: true };
  const context: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) context[name] = toFeel(value);
  context['?'] = toFeel(input);
  try {
    const result = unaryTest(trimmed, context);
    return { ok: true, value: result.value === true };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `cannot evaluate the unary tests "${trimmed}" in FEEL: ${reason}` };
  }
}

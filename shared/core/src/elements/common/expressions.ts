import { evaluateCondition, evaluateExpression, type EvalResult } from '@baton/feel';
import type { Variables } from '../../types/commands.js';

function named<T>(result: EvalResult<T>, what: string, elementId: string, text: string): EvalResult<T> {
  if (result.ok) return result;
  const message = `Failed to evaluate ${what} '${text}' of element '${elementId}': ${result.message}`;
  return result.limit === undefined ? { ok: false, message } : { ok: false, message, limit: result.limit };
}

/**
 * Evaluate an expression. `at` (the command's time) is the clock of FEEL `now()`
 * and `today()`, so a replay sees the same value.
 */
export function evaluate(at: number, text: string, variables: Variables, what: string, elementId: string): EvalResult {
  return named(evaluateExpression(text, variables, { now: at }), what, elementId, text);
}

export function condition(at: number, text: string, variables: Variables, elementId: string): EvalResult<boolean> {
  return named(evaluateCondition(text, variables, { now: at }), 'condition', elementId, text);
}

/** Evaluate to a string (job type, message name, correlation key, called process id). */
export function evaluateString(at: number, text: string, variables: Variables, what: string, elementId: string): EvalResult<string> {
  const result = evaluate(at, text, variables, what, elementId);
  if (!result.ok) return result;
  const { value } = result;
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
  return { ok: false, message: `Expected ${what} '${text}' of element '${elementId}' to be a string, but found ${describe(value)}.` };
}

/** Evaluate to a number (retries, loop cardinality, priority). */
export function evaluateNumber(at: number, text: string, variables: Variables, what: string, elementId: string): EvalResult<number> {
  const result = evaluate(at, text, variables, what, elementId);
  if (!result.ok) return result;
  const value = typeof result.value === 'string' ? Number(result.value) : result.value;
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  return { ok: false, message: `Expected ${what} '${text}' of element '${elementId}' to be a number, but found ${describe(result.value)}.` };
}

/** A list of strings from a list or a comma-separated string (candidate users and groups). */
export function evaluateStringList(at: number, text: string, variables: Variables, what: string, elementId: string): EvalResult<string[]> {
  const result = evaluate(at, text, variables, what, elementId);
  if (!result.ok) return result;
  const { value } = result;
  if (value === null || value === undefined) return { ok: true, value: [] };
  if (Array.isArray(value)) return { ok: true, value: value.map(String) };
  if (typeof value === 'string') return { ok: true, value: value.split(',').map((s) => s.trim()).filter((s) => s !== '') };
  return { ok: false, message: `Expected ${what} '${text}' of element '${elementId}' to be a list or a comma-separated string, but found ${describe(value)}.` };
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `${typeof value} ${JSON.stringify(value)}`;
}

import { assertNever } from './assert-never.js';
import { compileFeel, runFeel } from './feel-runtime.js';
import type { CompiledFeel } from './feel-runtime.js';
import { translateJuel } from './juel.js';
import { defaultExpressionLimits, type ExpressionLimits, type LimitName } from './limits.js';
import { LruCache } from './lru-cache.js';
import { describeValue, toJson } from './to-json.js';

/** Process variables visible to an expression, by name. */
export type Variables = Record<string, unknown>;

/**
 * Options of an evaluation. `now` (epoch ms) is what FEEL `now()` and `today()`
 * return (UTC); pass the command's time so a replay yields the same value. Without
 * it they read the system clock. `limits` bound the work, result size and depth;
 * without them the limits of {@link withExpressionLimits}, else the defaults.
 */
export type EvalOptions = { now?: number; limits?: ExpressionLimits };

/**
 * Outcome of an evaluation: a value, or a message a user can act on. `limit` is set
 * when the evaluation stopped at one of its {@link ExpressionLimits}.
 */
export type EvalResult<T = unknown> = { ok: true; value: T } | { ok: false; message: string; limit?: LimitName };

/** The `baton serve` flag of each limit, named in messages so a user knows what to change. */
const limitFlags: Record<LimitName, string> = {
  maxSteps: '--expression-max-steps',
  maxResultSize: '--expression-max-result-size',
  maxDepth: '--expression-max-depth',
};

/** What to do when an evaluation hits `limit`, for messages. */
export function limitHint(limit: LimitName): string {
  return `simplify the expression or its input variables, or raise the node's limit (${limitFlags[limit]})`;
}

let scopedLimits: ExpressionLimits | undefined;

/**
 * Runs `body` with `limits` as the limits of every evaluation that names none
 * (the core's `decide` uses it for the node's configured limits). Synchronous
 * and restored afterwards, so it is deterministic and never leaks.
 */
export function withExpressionLimits<T>(limits: ExpressionLimits | undefined, body: () => T): T {
  const previous = scopedLimits;
  scopedLimits = limits ?? previous;
  try {
    return body();
  } finally {
    scopedLimits = previous;
  }
}

/** The limits an evaluation with these options runs under: its own, else the scoped ones, else the defaults. */
export function limitsOf(options: EvalOptions): ExpressionLimits {
  return options.limits ?? scopedLimits ?? defaultExpressionLimits;
}

type Language = 'FEEL' | 'JUEL';

/** What a text compiles to; cached per text so the hot path never re-parses. */
type Entry =
  | { kind: 'literal' }
  | { kind: 'compiled'; language: Language; compiled: CompiledFeel }
  | { kind: 'invalid'; message: string };

const cache = new LruCache<string, Entry>(4096);

const isFeel = (text: string): boolean => text.trimStart().startsWith('=');
const isJuel = (text: string): boolean => text.includes('${') || text.includes('#{');

/** True when the text is an expression (`=...` FEEL or `${...}` JUEL), false for a literal string. */
export function isExpression(text: string): boolean {
  return isFeel(text) || isJuel(text);
}

function build(text: string): Entry {
  if (!isExpression(text)) return { kind: 'literal' };
  const language: Language = isFeel(text) ? 'FEEL' : 'JUEL';
  let feel = text.trimStart().slice(1);
  if (language === 'JUEL') {
    const translated = translateJuel(text);
    if (!translated.ok) return { kind: 'invalid', message: `cannot evaluate "${text}" in JUEL: ${translated.reason}` };
    feel = translated.feel;
  }
  const compiled = compileFeel(feel);
  if (!compiled.ok) {
    const shown = language === 'JUEL' ? ` (translated to FEEL "${feel}")` : '';
    return { kind: 'invalid', message: `cannot evaluate "${text}" in ${language}${shown}: ${compiled.reason}` };
  }
  return { kind: 'compiled', language, compiled: compiled.compiled };
}

function entryOf(text: string): Entry {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const entry = build(text);
  cache.set(text, entry);
  return entry;
}

/** Syntax check for deploy-time validation: undefined when fine, else a message saying what is wrong. */
export function checkExpression(text: string): string | undefined {
  const entry = entryOf(text);
  return entry.kind === 'invalid' ? entry.message : undefined;
}

/** The raw feelin value (temporal wrappers kept), for timers; literals are their own text. */
export function evaluateRaw(text: string, variables: Variables, options: EvalOptions = {}): EvalResult & { warnings?: string[] } {
  const entry = entryOf(text);
  switch (entry.kind) {
    case 'literal':
      return { ok: true, value: text };
    case 'invalid':
      return { ok: false, message: entry.message };
    case 'compiled': {
      const run = runFeel(entry.compiled, variables, options.now, limitsOf(options));
      if (!run.ok && run.limit !== undefined) {
        const hint = limitHint(run.limit);
        return { ok: false, message: `cannot evaluate "${text}" in ${entry.language}: ${run.reason}; ${hint}`, limit: run.limit };
      }
      if (!run.ok) return { ok: false, message: `cannot evaluate "${text}" in ${entry.language}: ${run.reason}` };
      return { ok: true, value: run.value, warnings: run.warnings };
    }
    default:
      return assertNever(entry);
  }
}

/** Evaluate: `=expr` as FEEL, `${...}` as JUEL translated to FEEL, anything else is the literal string itself. */
export function evaluateExpression(text: string, variables: Variables, options?: EvalOptions): EvalResult {
  const raw = evaluateRaw(text, variables, options);
  if (!raw.ok) return raw;
  const json = toJson(raw.value);
  return json.ok ? { ok: true, value: json.value } : { ok: false, message: `cannot use the result of "${text}": ${json.reason}` };
}

/** A condition: must yield a boolean (null/non-boolean => ok:false with a message naming the expression). */
export function evaluateCondition(text: string, variables: Variables, options?: EvalOptions): EvalResult<boolean> {
  const raw = evaluateRaw(text, variables, options);
  if (!raw.ok) return raw;
  if (typeof raw.value === 'boolean') return { ok: true, value: raw.value };
  const found = describeValue(raw.value);
  const why = raw.warnings !== undefined && raw.warnings.length > 0 ? ` (${raw.warnings.join('; ')})` : '';
  return { ok: false, message: `condition "${text}" must yield true or false but yielded ${found}${why}` };
}

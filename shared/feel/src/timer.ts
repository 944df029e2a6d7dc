import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import { parseCron, looksLikeCron, nextCronAfter } from './cron.js';
import type { Cron } from './cron.js';
import { checkExpression, evaluateRaw, isExpression } from './expression.js';
import type { EvalResult, Variables } from './expression.js';
import { addIsoDuration, isCalendarDuration, parseIsoDuration } from './iso-duration.js';
import type { IsoDuration } from './iso-duration.js';
import { parseIsoDateTime } from './iso-date.js';
import { LruCache } from './lru-cache.js';
import { describeValue } from './to-json.js';

/** A BPMN timerEventDefinition: exactly one of the three is set. */
export type TimerDefinition = { timeDuration?: string; timeDate?: string; timeCycle?: string };

/** A cycle: an ISO 8601 repeating interval (`repetitions` -1 = unbounded) or a cron. */
type Cycle = { kind: 'interval'; repetitions: number; startMs?: number; duration: IsoDuration } | { kind: 'cron'; cron: Cron };

type Field = 'duration' | 'date' | 'cycle';

const EXAMPLES: Record<Field, string> = { duration: 'PT5M', date: '2026-01-31T09:00:00Z', cycle: 'R5/PT10S, R/PT1M or 0 0 9-17 * * MON-FRI' };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/**
 * The text a timer field stands for: a literal as is, an expression's value when
 * it is a string, a FEEL duration or a FEEL date/date-time (as ISO text, or the
 * instant itself for zoned date-times). A number is refused: milliseconds are
 * ambiguous in a model, an ISO 8601 duration is not.
 */
function resolveField(field: Field, text: string, variables: Variables, now: number): EvalResult<string | number> {
  const raw = evaluateRaw(text, variables, { now });
  if (!raw.ok) return raw;
  const value = raw.value;
  if (typeof value === 'string') return { ok: true, value: value.trim() };
  if (value instanceof FeelDuration && field !== 'date') return { ok: true, value: field === 'cycle' ? `R/${value.iso}` : value.iso };
  if (value instanceof FeelDateTime && field === 'date') return { ok: true, value: value.value.toZonedDateTime(value.zone ?? 'UTC').epochMilliseconds };
  if (value instanceof FeelDate && field === 'date') return { ok: true, value: value.iso };
  const why = raw.warnings !== undefined && raw.warnings.length > 0 ? ` (${raw.warnings.join('; ')})` : '';
  if (typeof value === 'number') {
    return fail(`timer ${field} "${text}" yields the number ${value}; a number of milliseconds is not allowed, use an ISO 8601 text such as "${EXAMPLES[field]}"`);
  }
  return fail(`timer ${field} "${text}" yields ${describeValue(value)}${why}; expected a text such as "${EXAMPLES[field]}"`);
}

function durationOf(text: string, label: string): EvalResult<IsoDuration> {
  const parsed = parseIsoDuration(text);
  return parsed.ok ? { ok: true, value: parsed.duration } : fail(`${label} "${text}" ${parsed.reason} (example: PT5M)`);
}

function parseInterval(text: string, parts: string[]): EvalResult<Cycle> {
  const [head = '', second = '', third] = parts;
  const count = /^R(\d*)$/i.exec(head);
  if (count === null || parts.length > 3) return fail(`timer cycle "${text}" is not ISO 8601 (example: ${EXAMPLES.cycle})`);
  const repetitions = count[1] === '' || count[1] === undefined ? -1 : Number(count[1]);
  if (repetitions === 0) return fail(`timer cycle "${text}" repeats 0 times and would never fire; use R1 for a single firing`);
  if (third !== undefined && /^P/i.test(second)) return fail(`timer cycle "${text}" has an end date, which is not supported; use a repetition count (example: R5/PT10S)`);
  const duration = durationOf(third ?? second, `timer cycle "${text}": interval`);
  if (!duration.ok) return duration;
  if (third === undefined) return { ok: true, value: { kind: 'interval', repetitions, duration: duration.value } };
  const start = parseIsoDateTime(second);
  if (!start.ok) return fail(`timer cycle "${text}": start "${second}" ${start.reason} (example: R3/2026-01-01T00:00:00Z/PT1H)`);
  return { ok: true, value: { kind: 'interval', repetitions, startMs: start.epochMs, duration: duration.value } };
}

/** Parsed cycles by text: start events reschedule the same cycle on every firing. */
const cycles = new LruCache<string, EvalResult<Cycle>>(512);

function parseCycle(text: string): EvalResult<Cycle> {
  const cached = cycles.get(text);
  if (cached !== undefined) return cached;
  const parsed = parseCycleText(text);
  cycles.set(text, parsed);
  return parsed;
}

function parseCycleText(text: string): EvalResult<Cycle> {
  if (/^R\d*\//i.test(text)) return parseInterval(text, text.split('/'));
  if (looksLikeCron(text)) {
    const cron = parseCron(text);
    return cron.ok ? { ok: true, value: { kind: 'cron', cron: cron.cron } } : fail(`timer cycle "${text}" is not a valid cron: ${cron.reason} (example: 0 0 9-17 * * MON-FRI)`);
  }
  if (/^P/i.test(text)) return fail(`timer cycle "${text}" needs a repetition count (example: R5/${text} or R/${text})`);
  return fail(`timer cycle "${text}" is neither an ISO 8601 repeating interval nor a cron (examples: ${EXAMPLES.cycle})`);
}

function resolveCycle(timeCycle: string, variables: Variables, now: number): EvalResult<Cycle> {
  const resolved = resolveField('cycle', timeCycle, variables, now);
  if (!resolved.ok) return resolved;
  return parseCycle(String(resolved.value));
}

function firstCycleDue(cycle: Cycle, text: string, now: number): EvalResult<{ dueAt: number; repetitionsLeft: number }> {
  if (cycle.kind === 'cron') {
    const dueAt = nextCronAfter(cycle.cron, now);
    return dueAt === undefined ? fail(`timer cycle "${text}" never fires (no matching date within 30 years)`) : { ok: true, value: { dueAt, repetitionsLeft: -1 } };
  }
  // A start in the past fires at once, then keeps the interval from there.
  const dueAt = cycle.startMs === undefined ? addIsoDuration(now, cycle.duration) : Math.max(cycle.startMs, now);
  return { ok: true, value: { dueAt, repetitionsLeft: cycle.repetitions < 0 ? -1 : cycle.repetitions - 1 } };
}

/** Timer: due time of a timeDuration / timeDate / timeCycle definition (each may itself be an expression), from `now` (epoch ms). */
export function timerDue(def: TimerDefinition, variables: Variables, now: number): EvalResult<{ dueAt: number; repetitionsLeft?: number }> {
  const set = (['timeDuration', 'timeDate', 'timeCycle'] as const).filter((key) => def[key] !== undefined);
  if (set.length !== 1) return fail(`a timer needs exactly one of timeDuration, timeDate or timeCycle but has ${set.length === 0 ? 'none' : set.join(' and ')}`);
  if (def.timeDuration !== undefined) {
    const resolved = resolveField('duration', def.timeDuration, variables, now);
    if (!resolved.ok) return resolved;
    const duration = durationOf(String(resolved.value), 'timer duration');
    return duration.ok ? { ok: true, value: { dueAt: addIsoDuration(now, duration.value) } } : duration;
  }
  if (def.timeDate !== undefined) {
    const resolved = resolveField('date', def.timeDate, variables, now);
    if (!resolved.ok) return resolved;
    if (typeof resolved.value === 'number') return { ok: true, value: { dueAt: resolved.value } };
    const date = parseIsoDateTime(resolved.value);
    return date.ok ? { ok: true, value: { dueAt: date.epochMs } } : fail(`timer date "${resolved.value}" ${date.reason} (example: ${EXAMPLES.date})`);
  }
  const text = def.timeCycle ?? '';
  const cycle = resolveCycle(text, variables, now);
  return cycle.ok ? firstCycleDue(cycle.value, text, now) : cycle;
}

/**
 * Next due time of a cycle after it fired at `firedAt`; `repetitionsLeft` as returned before (-1 = unbounded). undefined value => the cycle is over.
 * Pass the `dueAt` the timer was scheduled for as `firedAt` so a late firing does not shift the schedule.
 */
export function nextCycleDue(timeCycle: string, variables: Variables, firedAt: number, repetitionsLeft: number): EvalResult<{ dueAt: number; repetitionsLeft: number } | undefined> {
  if (!Number.isInteger(repetitionsLeft) || repetitionsLeft < -1) return fail(`repetitionsLeft must be -1 (unbounded) or a count of 0 or more, got ${repetitionsLeft}`);
  if (repetitionsLeft === 0) return { ok: true, value: undefined };
  const cycle = resolveCycle(timeCycle, variables, firedAt);
  if (!cycle.ok) return cycle;
  const next = repetitionsLeft < 0 ? -1 : repetitionsLeft - 1;
  if (cycle.value.kind === 'cron') {
    const dueAt = nextCronAfter(cycle.value.cron, firedAt);
    return { ok: true, value: dueAt === undefined ? undefined : { dueAt, repetitionsLeft: next } };
  }
  return { ok: true, value: { dueAt: addIsoDuration(firedAt, cycle.value.duration), repetitionsLeft: next } };
}

/** ISO 8601 duration helpers for other packages (scenario `advanceTime`, TTLs). */
export function parseDurationMs(text: string, from?: number): EvalResult<number> {
  const duration = durationOf(text, 'duration');
  if (!duration.ok) return duration;
  if (isCalendarDuration(duration.value) && from === undefined) {
    return fail(`duration "${text}" has years or months, whose length depends on the start; pass "from" or use days (example: P30D)`);
  }
  const start = from ?? 0;
  return { ok: true, value: addIsoDuration(start, duration.value) - start };
}

/**
 * Deploy-time check of a timer definition: undefined when fine, else what is
 * wrong. Literal fields are parsed; expression fields are only syntax-checked,
 * since their value is known when the timer starts.
 */
export function checkTimer(def: TimerDefinition): string | undefined {
  const texts = [def.timeDuration, def.timeDate, def.timeCycle].filter((text): text is string => text !== undefined);
  const expression = texts.find((text) => isExpression(text));
  if (texts.length === 1 && expression !== undefined) return checkExpression(expression);
  const due = timerDue(def, {}, 0);
  return due.ok ? undefined : due.message;
}

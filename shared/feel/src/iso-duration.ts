import { addMonthsUtc, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from './calendar.js';

/** An ISO 8601 duration split into its calendar part (months) and its exact part (ms). */
export type IsoDuration = { readonly months: number; readonly days: number; readonly timeMs: number };

/** A parsed duration or the reason it is not one. */
export type DurationParse = { ok: true; duration: IsoDuration } | { ok: false; reason: string };

const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/;

/**
 * Parses `PnYnMnWnDTnHnMnS` (case-insensitive; a fraction only on seconds, kept
 * to the millisecond). Negative durations are refused: a timer cannot fire in
 * the past on purpose.
 */
export function parseIsoDuration(text: string): DurationParse {
  const upper = text.trim().toUpperCase();
  if (upper.startsWith('-')) return { ok: false, reason: 'is negative' };
  const m = PATTERN.exec(upper);
  if (m === null || upper === 'P' || upper.endsWith('T')) return { ok: false, reason: 'is not ISO 8601' };
  const n = (i: number): number => Number(m[i] ?? '0');
  const fractionMs = Math.floor(Number(`0.${m[8] ?? '0'}`) * 1000);
  const duration = {
    months: n(1) * 12 + n(2),
    days: n(3) * 7 + n(4),
    timeMs: n(5) * MS_PER_HOUR + n(6) * MS_PER_MINUTE + n(7) * MS_PER_SECOND + fractionMs,
  };
  const exactMs = duration.days * MS_PER_DAY + duration.timeMs;
  if (!Number.isSafeInteger(exactMs) || !Number.isSafeInteger(duration.months)) return { ok: false, reason: 'is too large' };
  return { ok: true, duration };
}

/** True when the length depends on the start (years or months). */
export function isCalendarDuration(duration: IsoDuration): boolean {
  return duration.months !== 0;
}

/**
 * `from` plus the duration, in UTC: months first (clamped to month end), then
 * days (24 h each in UTC), then the time part, as java.time's
 * `plus(Period).plus(Duration)` does.
 */
export function addIsoDuration(from: number, duration: IsoDuration): number {
  return addMonthsUtc(from, duration.months) + duration.days * MS_PER_DAY + duration.timeMs;
}

import { parseDateTime } from 'feelin';
import { daysInMonth, MS_PER_HOUR, MS_PER_MINUTE, utcMs } from './calendar.js';

/** An instant (epoch ms) or the reason the text is not a date-time. */
export type DateParse = { ok: true; epochMs: number } | { ok: false; reason: string };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NAMED_ZONE = /^(.+?)(?:\[([^\]]+)\]|@([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*))$/;

function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * MS_PER_HOUR + Number(digits.slice(2, 4) || '0') * MS_PER_MINUTE);
}

function parseFixed(text: string): DateParse {
  const m = PATTERN.exec(text);
  if (m === null) return { ok: false, reason: 'is not an ISO 8601 date-time' };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? '0')) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: 'is not a valid calendar date-time' };
  }
  const millisecond = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  return { ok: true, epochMs: utcMs(year, month, day, hour, minute, second, millisecond) - offsetMs(m[8]) };
}

/** A date-time in a named zone (`...@Europe/Paris`, `...[Europe/Paris]`), through feelin's Temporal. */
function parseZoned(local: string, zone: string): DateParse {
  if (/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(local)) return parseFixed(local); // the offset already fixes the instant
  const parsed = parseDateTime(`${local}@${zone}`);
  if (parsed === null || parsed.zone === null) return { ok: false, reason: `has an unknown time zone "${zone}"` };
  return { ok: true, epochMs: parsed.value.toZonedDateTime(parsed.zone).epochMilliseconds };
}

/**
 * Parses an ISO 8601 date or date-time: with `Z` or an offset, with a named zone
 * (`2026-03-01T09:00:00[Europe/Berlin]` or `@Europe/Berlin`), or without a zone,
 * which means UTC. A date alone is midnight UTC.
 */
export function parseIsoDateTime(text: string): DateParse {
  const trimmed = text.trim();
  const zoned = NAMED_ZONE.exec(trimmed);
  if (zoned !== null && zoned[1] !== undefined) return parseZoned(zoned[1], zoned[2] ?? zoned[3] ?? '');
  return parseFixed(trimmed);
}

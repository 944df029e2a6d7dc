/**
 * Proleptic Gregorian calendar arithmetic in UTC on epoch milliseconds, without
 * `Date` (the package is deterministic). Day numbers count from 1970-01-01.
 * Algorithms after H. Hinnant, "chrono-compatible low-level date algorithms".
 */
export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** A UTC instant split into calendar fields (month 1-12, weekday 0 = Sunday). */
export type UtcFields = { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number; weekday: number };

/** Day number of a civil date; months outside 1-12 roll into adjacent years. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms of a UTC civil date and time. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  return daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + millisecond;
}

/** Calendar fields of an epoch ms instant in UTC. */
export function utcFields(epochMs: number): UtcFields {
  const days = Math.floor(epochMs / MS_PER_DAY);
  let rest = epochMs - days * MS_PER_DAY;
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / MS_PER_SECOND);
  const weekday = ((days % 7) + 7 + 4) % 7; // 1970-01-01 was a Thursday
  return { ...civilFromDays(days), hour, minute, second, millisecond: rest - second * MS_PER_SECOND, weekday };
}

/**
 * Adds calendar months in UTC, keeping the time of day; a day past the end of the
 * target month is clamped to its last day (Jan 31 + 1 month = Feb 28/29), as
 * java.time and Temporal do.
 */
export function addMonthsUtc(epochMs: number, months: number): number {
  if (months === 0) return epochMs;
  const f = utcFields(epochMs);
  const total = f.year * 12 + (f.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(f.day, daysInMonth(year, month));
  return utcMs(year, month, day, f.hour, f.minute, f.second, f.millisecond);
}

/** ISO 8601 text of an instant in UTC (`2026-01-31T10:00:00Z`, milliseconds when not zero). */
export function formatUtc(epochMs: number): string {
  const f = utcFields(epochMs);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const ms = f.millisecond === 0 ? '' : `.${pad(f.millisecond, 3)}`;
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${ms}Z`;
}

import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, daysFromCivil, utcFields, utcMs } from './calendar.js';

/**
 * Spring-style 6-field cron (`second minute hour day-of-month month day-of-week`),
 * as Zeebe accepts in timeCycle, evaluated in UTC. Fields take `*`, `?`, numbers,
 * names (JAN-DEC, SUN-SAT), ranges `a-b`, steps `*\/n` `a/n` `a-b/n` and lists;
 * day-of-week 0 and 7 are Sunday. When both day fields are restricted a day must
 * match both, as in Spring. Macros: @yearly @annually @monthly @weekly @daily
 * @midnight @hourly. Quartz extensions `L`, `W`, `#` are refused with a message.
 */
export type Cron = { readonly fields: readonly (readonly boolean[])[] };

/** A parsed cron or the reason the text is not one. */
export type CronParse = { ok: true; cron: Cron } | { ok: false; reason: string };

type FieldSpec = { name: string; min: number; max: number; names?: readonly string[] };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const SPECS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS },
];
const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};
/** Search horizon: a date such as Feb 29 on a Monday recurs within 28 years. */
const HORIZON_YEARS = 30;

class CronSyntaxError extends Error {}

function value(text: string, spec: FieldSpec): number {
  const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const n = index >= 0 ? index + (spec.names === MONTHS ? 1 : 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n)) {
    const hint = /[LW#]/i.test(text) ? ` (the Quartz extensions L, W and # are not supported)` : '';
    throw new CronSyntaxError(`"${text}" is not a valid ${spec.name}${hint}`);
  }
  if (n < spec.min || n > spec.max) throw new CronSyntaxError(`${spec.name} ${n} is outside ${spec.min}-${spec.max}`);
  return n;
}

function parseItem(item: string, spec: FieldSpec, allowed: boolean[]): void {
  const [range = '', stepText, extra] = item.split('/');
  if (extra !== undefined || stepText === '') throw new CronSyntaxError(`"${item}" has a malformed step`);
  const step = stepText === undefined ? 1 : value(stepText, { name: `${spec.name} step`, min: 1, max: spec.max + 1 });
  let from: number;
  let to: number;
  if (range === '*' || range === '?') {
    [from, to] = [spec.min, spec.max];
  } else {
    const [low = '', high] = range.split('-');
    from = value(low, spec);
    to = high === undefined ? (stepText === undefined ? from : spec.max) : value(high, spec);
  }
  if (from > to) throw new CronSyntaxError(`${spec.name} range "${range}" runs backwards`);
  for (let n = from; n <= to; n += step) allowed[n] = true;
}

function parseField(text: string, spec: FieldSpec): boolean[] {
  const allowed: boolean[] = new Array<boolean>(spec.max + 1).fill(false);
  if (text.includes('?') && spec.name !== 'day-of-month' && spec.name !== 'day-of-week') {
    throw new CronSyntaxError(`"?" is only allowed for day-of-month and day-of-week`);
  }
  for (const item of text.split(',')) parseItem(item, spec, allowed);
  if (spec.name === 'day-of-week' && allowed[7] === true) allowed[0] = true;
  return allowed;
}

/** True when the text looks like a cron expression (a macro or six fields). */
export function looksLikeCron(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('@') || trimmed.split(/\s+/).length === 6;
}

/** Parses a Spring-style cron expression. */
export function parseCron(text: string): CronParse {
  const trimmed = text.trim();
  const macro = trimmed.toLowerCase();
  const expanded = Object.hasOwn(MACROS, macro) ? (MACROS[macro] ?? trimmed) : trimmed;
  const parts = expanded.split(/\s+/);
  if (parts.length !== 6) return { ok: false, reason: `has ${parts.length} fields; a cron needs 6 (second minute hour day-of-month month day-of-week)` };
  try {
    return { ok: true, cron: { fields: parts.map((part, i) => parseField(part, SPECS[i] as FieldSpec)) } };
  } catch (err) {
    if (err instanceof CronSyntaxError) return { ok: false, reason: err.message };
    throw err;
  }
}

/** The next allowed value above `current` in a field, or undefined when none is left. */
function nextAllowed(allowed: readonly boolean[], current: number): number | undefined {
  for (let n = current + 1; n < allowed.length; n++) if (allowed[n] === true) return n;
  return undefined;
}

/** The first instant strictly after `afterMs` (whole seconds, UTC) that the cron matches; undefined if none within 30 years. */
export function nextCronAfter(cron: Cron, afterMs: number): number | undefined {
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = cron.fields as [boolean[], boolean[], boolean[], boolean[], boolean[], boolean[]];
  let t = Math.floor(afterMs / MS_PER_SECOND) * MS_PER_SECOND + MS_PER_SECOND;
  const lastYear = utcFields(t).year + HORIZON_YEARS;
  for (;;) {
    const f = utcFields(t);
    if (f.year > lastYear) return undefined;
    const dayStart = daysFromCivil(f.year, f.month, f.day) * MS_PER_DAY;
    const hourStart = dayStart + f.hour * MS_PER_HOUR;
    const minuteStart = hourStart + f.minute * MS_PER_MINUTE;
    if (month[f.month] !== true) t = utcMs(f.year, f.month + 1, 1);
    else if (dayOfMonth[f.day] !== true || dayOfWeek[f.weekday] !== true) t = dayStart + MS_PER_DAY;
    else if (hour[f.hour] !== true) t = dayStart + (nextAllowed(hour, f.hour) ?? 24) * MS_PER_HOUR;
    else if (minute[f.minute] !== true) t = hourStart + (nextAllowed(minute, f.minute) ?? 60) * MS_PER_MINUTE;
    else if (second[f.second] !== true) t = minuteStart + (nextAllowed(second, f.second) ?? 60) * MS_PER_SECOND;
    else return t;
  }
}

import { FeelDate, FeelDateTime, FeelDuration, FeelFunction, FeelRange, FeelTime } from 'feelin';

/** A value that can be stored as a process variable (plain JSON). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The JSON form of a feelin value, or why it has none. */
export type JsonResult = { ok: true; value: JsonValue } | { ok: false; reason: string };

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Converts a feelin result to plain JSON so it can be stored as a variable:
 * FEEL dates, times, date-times and durations become their ISO 8601 strings
 * (`2026-01-31`, `10:00:00Z`, `2026-01-31T10:00:00Z`, `P1Y2M`); null stays null.
 * Functions, ranges and non-finite numbers have no JSON form.
 */
export function toJson(value: unknown): JsonResult {
  if (value === null || value === undefined) return { ok: true, value: null };
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return { ok: true, value };
    case 'number':
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `the result is the number ${value}, which JSON cannot hold` };
    case 'object':
      return objectToJson(value);
    default:
      return { ok: false, reason: `the result is a ${typeof value}, which cannot be stored as a variable` };
  }
}

function objectToJson(value: object): JsonResult {
  if (value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDateTime || value instanceof FeelDuration) {
    return { ok: true, value: value.iso };
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value as unknown[]) {
      const converted = toJson(item);
      if (!converted.ok) return converted;
      items.push(converted.value);
    }
    return { ok: true, value: items };
  }
  if (!isPlainObject(value)) {
    const kind = value instanceof FeelRange ? 'range' : value instanceof FeelFunction ? 'function' : 'object';
    return { ok: false, reason: `the result is a FEEL ${kind}, which cannot be stored as a variable` };
  }
  const entries: { [key: string]: JsonValue } = {};
  for (const [key, entry] of Object.entries(value)) {
    const converted = toJson(entry);
    if (!converted.ok) return converted;
    entries[key] = converted.value;
  }
  return { ok: true, value: entries };
}

/** A short description of a feelin value for messages: `a number 5`, `the FEEL date 2026-01-31`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof FeelDate) return `the FEEL date ${value.iso}`;
  if (value instanceof FeelTime) return `the FEEL time ${value.iso}`;
  if (value instanceof FeelDateTime) return `the FEEL date-time ${value.iso}`;
  if (value instanceof FeelDuration) return `the FEEL duration ${value.iso}`;
  const json = toJson(value);
  if (!json.ok) return value instanceof FeelRange ? 'a FEEL range' : value instanceof FeelFunction ? 'a FEEL function' : `a ${typeof value}`;
  const shown = JSON.stringify(json.value);
  const short = shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
  const kind = Array.isArray(value) ? 'list' : typeof value === 'object' ? 'context' : typeof value;
  return `a ${kind} ${short}`;
}

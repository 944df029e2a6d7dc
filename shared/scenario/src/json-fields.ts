import { BatonError } from '@baton/errors';

/** A JSON object as parsed: plain record. */
export type JsonObject = Record<string, unknown>;

/** The error for any malformed part of a scenario file; `where` locates it (`steps[3].completeJob.element`). */
export function invalid(where: string, message: string): BatonError {
  return new BatonError('VALIDATION_FAILED', `${where}: ${message}`, { field: where });
}

export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown, where: string): JsonObject {
  if (!isObject(value)) throw invalid(where, `expected an object but found ${describeJson(value)}`);
  return value;
}

/** Refuses keys outside `allowed`, naming the first unknown one and the allowed set. */
export function onlyKeys(obj: JsonObject, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const choices = allowed.length === 0 ? 'no fields' : allowed.map((k) => `"${k}"`).join(', ');
      throw invalid(where, `unknown field "${key}"; allowed: ${choices}`);
    }
  }
}

export function requireString(obj: JsonObject, key: string, where: string): string {
  const value = obj[key];
  if (value === undefined) throw invalid(`${where}.${key}`, 'is required');
  if (typeof value !== 'string' || value === '') {
    throw invalid(`${where}.${key}`, `expected a non-empty string but found ${describeJson(value)}`);
  }
  return value;
}

export function optionalString(obj: JsonObject, key: string, where: string): string | undefined {
  return obj[key] === undefined ? undefined : requireString(obj, key, where);
}

export function optionalVariables(obj: JsonObject, key: string, where: string): Record<string, unknown> {
  const value = obj[key];
  if (value === undefined) return {};
  return requireObject(value, `${where}.${key}`);
}

export function requireStringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) throw invalid(where, `expected a list of element ids but found ${describeJson(value)}`);
  return value.map((item: unknown, i) => {
    if (typeof item !== 'string' || item === '') {
      throw invalid(`${where}[${i}]`, `expected an element id (string) but found ${describeJson(item)}`);
    }
    return item;
  });
}

const isoDuration = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

/** An ISO 8601 duration such as `PT1H`, `P1D`, `P1M`; checked here, measured when the step runs. */
export function requireDuration(value: unknown, where: string): string {
  if (typeof value !== 'string' || !isoDuration.test(value)) {
    throw invalid(where, `expected an ISO 8601 duration such as "PT1H" or "P2D" but found ${describeJson(value)}`);
  }
  return value;
}

import type { JsonValue } from '@baton/feel';

/**
 * A DMN column's `typeRef` applied to a value (issue 16), as Camunda 7's DMN engine
 * transforms values and Camunda 8 expects them: `string` (numbers and booleans convert); `number`, `integer`, `long`,
 * `double` (a numeric string converts; integer and long need a whole number); `boolean`
 * (`"true"`/`"false"` convert). `null` passes any type; other typeRefs (dates,
 * durations, `Any`, none) leave the value as it is. A value that cannot be the type is
 * `ok: false` with what was expected and found.
 */
export function asTypeRef(typeRef: string | undefined, value: JsonValue): { ok: true; value: JsonValue } | { ok: false; message: string } {
  if (typeRef === undefined || value === null) return { ok: true, value };
  const type = typeRef.trim().toLowerCase();
  const wrong = (what: string): { ok: false; message: string } => ({ ok: false, message: `expected ${what} (typeRef "${typeRef}") but found ${JSON.stringify(value)}` });
  switch (type) {
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      return typeof value === 'number' || typeof value === 'boolean' ? { ok: true, value: String(value) } : wrong('a string');
    case 'number':
    case 'double':
    case 'integer':
    case 'long': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      const isWhole = type === 'integer' || type === 'long';
      if (!Number.isFinite(number) || (isWhole && !Number.isInteger(number))) return wrong(isWhole ? 'a whole number' : 'a number');
      return { ok: true, value: number };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      return value === 'true' || value === 'false' ? { ok: true, value: value === 'true' } : wrong('a boolean');
    default:
      return { ok: true, value };
  }
}

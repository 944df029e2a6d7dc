import { isBatonError } from '@baton/errors';
import { describe, expect, it } from 'vitest';
import { boundedForReading, checkVariables, defaultVariableLimits, tooDeepMarker, variableLimitsOf, type VariableLimits } from './variable-limits.js';

/** `{ a: { a: … leaf } }`, `levels` objects deep (the outer one included). */
function nested(levels: number, leaf: unknown = 1): Record<string, unknown> {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value as Record<string, unknown>;
}

function refusal(run: () => void): { code: string; message: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (isBatonError(error)) return { code: error.code, message: error.message, details: { ...error.details } };
    throw error;
  }
  throw new Error('expected a refusal, but the value was accepted');
}

const small: VariableLimits = { maxDepth: 3, maxBytes: 40, maxEntries: 2 };

describe('checkVariables', () => {
  it('accepts a document exactly at each limit', () => {
    // given: 3 levels, 2 entries, and `{"a":{"b":"x…x"}}` with 26 x is 40 bytes
    const atLimits = { a: { b: 'x'.repeat(26) } };
    expect(JSON.stringify(atLimits)).toHaveLength(40);
    // when / then
    expect(() => checkVariables(atLimits, small)).not.toThrow();
    expect(() => checkVariables(nested(3), small)).not.toThrow();
    expect(() => checkVariables({ a: [1, 2], b: {} }, small)).not.toThrow();
  });

  it.each([
    ['maxDepth', nested(4), 'variables.a.a.a'],
    ['maxEntries', { a: 1, b: 2, c: 3 }, 'variables'],
    ['maxEntries', { list: [1, 2, 3] }, 'variables.list'],
    ['maxBytes', { a: { b: 'x'.repeat(27) } }, 'variables.a.b'],
  ])('refuses over %s naming the limit and the path', (limit, value, path) => {
    const refused = refusal(() => checkVariables(value, small));
    expect(refused.code).toBe('VARIABLE_LIMIT_EXCEEDED');
    expect(refused.details).toMatchObject({ field: 'variables', limit, path });
    expect(refused.message).toContain(limit);
    expect(refused.message).toContain(path);
  });

  it('counts bytes as UTF-8 of the JSON text', () => {
    // given: "é" is 2 bytes, "😀" 4: `{"k":"éé😀"}` is 8 + 2 + 2 + 4 = 16 bytes
    const limits = { ...small, maxBytes: 16 };
    expect(() => checkVariables({ k: 'éé😀' }, limits)).not.toThrow();
    expect(refusal(() => checkVariables({ k: 'éé😀!' }, limits)).details).toMatchObject({ limit: 'maxBytes' });
  });

  it('refuses 10 000 levels with the defaults, quickly and without recursion', () => {
    const refused = refusal(() => checkVariables(nested(10_000), defaultVariableLimits, 'job.variables'));
    expect(refused.details).toMatchObject({ field: 'job.variables', limit: 'maxDepth', max: 64 });
    expect(String(refused.details['path'])).toMatch(/^job\.variables\.a\.a.*more/);
  });

  it('ends on a cyclic value (an in-process handler may return one)', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle['self'] = cycle;
    cycle['again'] = cycle;
    expect(refusal(() => checkVariables(cycle)).code).toBe('VARIABLE_LIMIT_EXCEEDED');
  });

  it('checks what JSON would write for a Date: its ISO string', () => {
    expect(() => checkVariables({ at: new Date(0) }, { ...small, maxBytes: 33 })).not.toThrow();
    expect(refusal(() => checkVariables({ at: new Date(0) }, { ...small, maxBytes: 32 })).details).toMatchObject({ limit: 'maxBytes' });
  });
});

describe('boundedForReading', () => {
  it('returns the value itself when within the depth', () => {
    const value = { a: [{ b: 1 }] };
    expect(boundedForReading(value, 3)).toBe(value);
  });

  it('replaces what is nested too deep with a marker, keeping the rest and the original', () => {
    // given
    const value = { keep: 1, deep: nested(3, 'leaf'), list: [[['x']]] };
    // when
    const bounded = boundedForReading(value, 3);
    // then
    expect(bounded).toEqual({ keep: 1, deep: { a: { a: tooDeepMarker(3) } }, list: [[tooDeepMarker(3)]] });
    expect(value.deep).toEqual(nested(3, 'leaf'));
  });

  it('makes 10 000 stored levels serializable', () => {
    const bounded = boundedForReading({ d: nested(10_000) }, 64);
    expect(() => JSON.stringify(bounded)).not.toThrow();
    expect(JSON.stringify(bounded)).toContain(tooDeepMarker(64));
  });
});

describe('variableLimitsOf', () => {
  it('fills in the defaults and refuses a limit that is not a whole number in range, naming it', () => {
    expect(variableLimitsOf({ maxBytes: 10 })).toEqual({ ...defaultVariableLimits, maxBytes: 10 });
    for (const [field, value] of [['maxDepth', 1001], ['maxEntries', 0], ['maxBytes', 1.5]] as const) {
      const refused = refusal(() => variableLimitsOf({ [field]: value }));
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    }
  });
});

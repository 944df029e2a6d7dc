import { describe, expect, it } from 'vitest';
import { childKey, instanceKeyOf, isNumericKey, keyOfInstanceNumber, maxInstanceNumber } from './keys.js';

describe('numeric keys', () => {
  it('mints an instance key from its number and child keys that name the instance', () => {
    const instance = keyOfInstanceNumber(1);
    expect(instance).toBe('33554432');
    const job = childKey(instance, 7);
    expect(job).toBe('33554439');
    expect(instanceKeyOf(job)).toBe(instance);
    expect(instanceKeyOf(instance)).toBe(instance);
  });

  it('keeps every key within a signed 64-bit integer, exactly (no floating point)', () => {
    const last = keyOfInstanceNumber(maxInstanceNumber);
    const top = childKey(last, 2 ** 25 - 1);
    expect(top).toBe('9223372036854775807');
    expect(isNumericKey(top)).toBe(true);
    expect(instanceKeyOf(top)).toBe(last);
    expect(isNumericKey('9223372036854775808')).toBe(false);
    expect(() => keyOfInstanceNumber(maxInstanceNumber + 1)).toThrow(RangeError);
    expect(() => keyOfInstanceNumber(0)).toThrow(RangeError);
  });

  it('sorts keys of later instances after every key of earlier ones, numerically', () => {
    const a = keyOfInstanceNumber(41);
    const b = keyOfInstanceNumber(42);
    expect(BigInt(childKey(a, 2 ** 25 - 1))).toBeLessThan(BigInt(b));
  });

  it('refuses a 2^25-th key of one instance', () => {
    expect(() => childKey(keyOfInstanceNumber(3), 2 ** 25)).toThrow(/cannot create more/);
  });

  it('keeps readable ids (tests, fixtures) in the dotted form', () => {
    expect(childKey('order-1', 3)).toBe('order-1.3');
    expect(instanceKeyOf('order-1.3')).toBe('order-1');
    expect(instanceKeyOf('nokey')).toBeUndefined();
    expect(isNumericKey('0')).toBe(false);
    expect(isNumericKey('012')).toBe(false);
  });
});

describe('variable keys', () => {
  it('a variable gets a key in its instance when first set in a scope, and keeps it when set again', async () => {
    const { evolve } = await import('./state/apply.js');
    const instanceId = keyOfInstanceNumber(9);
    const at = 0;
    let state = evolve(undefined, { type: 'InstanceCreated', instanceId, at, processId: 'p', definitionKey: 'd' });
    state = evolve(state, { type: 'VariablesSet', instanceId, at, scopeKey: 'root', variables: { a: 1, b: 2 } });
    const first = state.variableKeys?.['root'];
    expect(first).toEqual({ a: childKey(instanceId, 1), b: childKey(instanceId, 2) });
    state = evolve(state, { type: 'VariablesSet', instanceId, at, scopeKey: 'root', variables: { a: 3, c: 4 } });
    expect(state.variableKeys?.['root']).toEqual({ ...first, c: childKey(instanceId, 3) });
    expect(state.seq).toBe(3);
    for (const key of Object.values(state.variableKeys?.['root'] ?? {})) expect(instanceKeyOf(key)).toBe(instanceId);
  });
});

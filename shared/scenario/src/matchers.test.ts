import { describe, expect, it } from 'vitest';
import { checkMultiset, checkNotCompleted, checkVariables, jsonEquals, sameMultiset } from './matchers.js';

describe('sameMultiset', () => {
  it.each([
    [['a', 'b'], ['b', 'a'], true],
    [['a', 'a', 'b'], ['a', 'b', 'a'], true],
    [['a', 'a'], ['a'], false],
    [['a'], ['a', 'a'], false],
    [['a', 'b'], ['a', 'a'], false],
    [[], [], true],
    [[], ['a'], false],
  ])('%j vs %j -> %s', (expected, found, equal) => {
    expect(sameMultiset(expected, found)).toBe(equal);
  });
});

describe('checkMultiset', () => {
  it('says what was expected and what was found, in the order found', () => {
    expect(checkMultiset('waiting', ['approve'], ['charge', 'approve'])).toBe('expected waiting [approve] but found [charge, approve]');
  });

  it('passes on the same items in another order', () => {
    expect(checkMultiset('completed', ['end', 'start'], ['start', 'end'])).toBeUndefined();
  });
});

describe('checkNotCompleted', () => {
  it('names each completed id once, with its count', () => {
    expect(checkNotCompleted(['a', 'b', 'a'], ['a', 'a', 'c'])).toBe('expected not completed [a, b, a] but found completed [a (2x)]');
  });

  it('passes when none completed', () => {
    expect(checkNotCompleted(['x'], ['a'])).toBeUndefined();
  });
});

describe('jsonEquals', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: null }, {}, false],
    [[], {}, false],
    [{ a: { b: { c: 'x' } } }, { a: { b: { c: 'x' } } }, true],
    [true, 1, false],
  ])('%j vs %j -> %s', (a, b, equal) => {
    expect(jsonEquals(a, b)).toBe(equal);
    expect(jsonEquals(b, a)).toBe(equal);
  });

  it('an absent value equals nothing, not even null or undefined', () => {
    expect(jsonEquals(undefined, null)).toBe(false);
    expect(jsonEquals(undefined, undefined)).toBe(false);
  });
});

describe('checkVariables', () => {
  it('checks only the listed variables', () => {
    expect(checkVariables({ a: 1 }, { a: 1, other: 'x' })).toBeUndefined();
  });

  it('fails on an absent variable expected to be null', () => {
    expect(checkVariables({ receipt: null }, {})).toBe('expected variable receipt = null but found absent');
  });

  it('lists every wrong variable', () => {
    expect(checkVariables({ a: 1, b: { c: true } }, { a: 2, b: { c: false } })).toBe(
      'expected variable a = 1 but found 2; expected variable b = {"c":true} but found {"c":false}',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseTtlMs, parseVarValue, variablesOf } from './variables.js';

describe('--var values', () => {
  it.each([
    ['150', 150],
    ['-1.5', -1.5],
    ['true', true],
    ['null', null],
    ['"150"', '150'],
    ['{"a":[1,2]}', { a: [1, 2] }],
    ['rush', 'rush'],
    ['', ''],
    ['{not json', '{not json'],
    ['a=b', 'a=b'],
  ])('%j is %j', (text, expected) => {
    expect(parseVarValue(text)).toEqual(expected);
  });

  it('lays --var entries over --variables, splitting each at its first "="', () => {
    expect(variablesOf({ variables: '{"amount":1,"note":"x"}', var: ['amount=150', 'query=a=b'] })).toEqual({ amount: 150, note: 'x', query: 'a=b' });
  });

  it.each([[{ var: ['=1'] }, '--var expects name=value'], [{ var: ['x'] }, '--var expects name=value'], [{ variables: '"s"' }, '--variables expects a JSON object']])(
    'refuses %j with VALIDATION_FAILED',
    (flags, message) => {
      expect(() => variablesOf(flags)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining(message) }));
    },
  );
});

describe('--ttl', () => {
  it.each([
    ['PT1H', 3_600_000],
    ['PT30S', 30_000],
    ['PT0.5S', 500],
    ['P1DT2M', 86_520_000],
    ['pt5m', 300_000],
    ['2500', 2500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseTtlMs(text)).toBe(ms);
  });

  it.each(['P', 'PT', 'P1DT', '1h', 'PT-1S', ''])('refuses %j', (text) => {
    expect(() => parseTtlMs(text)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'ttl' } }));
  });
});

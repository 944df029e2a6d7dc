import { parseExpression } from 'feelin';
import { describe, expect, it } from 'vitest';
import { meterIterations } from './meter-iterations.js';

describe('meterIterations: lists that are iterated pass through the meter, nothing else changes', () => {
  it.each<[string, string | undefined]>([
    ['for a in L, b in 1..3 return a', 'for a in __baton_meter(L), b in 1..3 return a'],
    ['some x in L satisfies x > 1', 'some x in __baton_meter(L) satisfies x > 1'],
    ['L[item > 1]', '__baton_meter(L)[item > 1]'],
    ['L[(item > 1)]', '__baton_meter(L)[(item > 1)]'],
    ['L[a > 1][b > 2]', '__baton_meter(__baton_meter(L)[a > 1])[b > 2]'],
    ['L[1]', undefined],
    ['L["x"]', undefined],
    ['for i in 1..3 return i', undefined],
    ['for a in ', undefined],
  ])('%s', (text, expected) => {
    expect(meterIterations(text, parseExpression(text, {}, undefined)).text).toBe(expected);
  });

  it('weighs a step by the size of the text', () => {
    const short = 'for i in 1..3 return i';
    const long = `for i in 1..3 return ${Array(50).fill('i * 2').join(' + ')}`;
    expect(meterIterations(long, parseExpression(long, {}, undefined)).weight).toBeGreaterThan(10 * meterIterations(short, parseExpression(short, {}, undefined)).weight);
  });
});

import { describe, expect, it } from 'vitest';
import { checkExpression, evaluateCondition, evaluateExpression, isExpression } from './index.js';

const vars = { amount: 150, name: 'Ann', items: [10, 20, 30], order: { id: 'o-1', lines: [{ sku: 'a', qty: 2 }] }, nothing: null, flag: true };

describe('isExpression', () => {
  it.each([
    ['=amount > 100', true],
    ['  = x', true],
    ['${x}', true],
    ['Hello ${name}', true],
    ['#{x}', true],
    ['plain text', false],
    ['a = b', false],
    ['$5 {x}', false],
  ])('%j -> %s', (text, expected) => {
    expect(isExpression(text)).toBe(expected);
  });
});

describe('evaluateExpression: FEEL', () => {
  it.each<[string, unknown]>([
    // arithmetic
    ['=amount * 2 + 1', 301],
    ['=amount / 4', 37.5],
    ['=-amount', -150],
    ['=10 ** 2', 100],
    ['=modulo(amount, 7)', 3],
    // comparison and logic
    ['=amount > 100', true],
    ['=amount between 100 and 200', true],
    ['=name = "Ann" and flag', true],
    ['=name != "Ann" or not(flag)', false],
    ['=amount in [100..200]', true],
    // strings
    ['="Hello " + name', 'Hello Ann'],
    ['=upper case(name)', 'ANN'],
    ['=string length(name)', 3],
    ['=substring(name, 2)', 'nn'],
    ['=contains(name, "nn")', true],
    // lists (1-based)
    ['=items[1]', 10],
    ['=items[-1]', 30],
    ['=count(items)', 3],
    ['=sum(items)', 60],
    ['=items[item > 15]', [20, 30]],
    ['=for x in items return x * 2', [20, 40, 60]],
    ['=some x in items satisfies x > 25', true],
    // contexts and paths
    ['=order.id', 'o-1'],
    ['=order.lines[1].qty', 2],
    ['={a: 1, b: a + amount}', { a: 1, b: 151 }],
    ['=order.lines.sku', ['a']],
    // null handling
    ['=nothing', null],
    ['=missing', null],
    ['=nothing + 1', null],
    ['=missing.deep.path', null],
    ['=if nothing = null then "none" else "some"', 'none'],
    ['=1 / 0', null],
    // temporal values become ISO strings
    ['=date("2026-01-31") + duration("P1M")', '2026-02-28'],
    ['=date and time("2026-01-31T10:00:00Z") + duration("PT90M")', '2026-01-31T11:30:00Z'],
    ['=duration("PT90M")', 'PT1H30M'],
    ['=duration("P14M")', 'P1Y2M'],
    ['=time("10:15:00")', '10:15:00'],
  ])('%s -> %j', (text, expected) => {
    expect(evaluateExpression(text, vars)).toEqual({ ok: true, value: expected });
  });

  it('returns a literal text as itself', () => {
    expect(evaluateExpression('just text', vars)).toEqual({ ok: true, value: 'just text' });
  });

  it('evaluates one compiled text against changing variables', () => {
    // given the same text run several times
    const text = '=a + b';
    // when the variables differ between runs
    const results = [1, 2, 3].map((a) => evaluateExpression(text, { a, b: 10 }));
    // then each run sees its own variables
    expect(results).toEqual([11, 12, 13].map((value) => ({ ok: true, value })));
  });

  it('keeps builtins callable when a variable is absent', () => {
    expect(evaluateExpression('=count(items) + sum(items)', vars)).toEqual({ ok: true, value: 63 });
  });

  it('lets a variable shadow a builtin name', () => {
    expect(evaluateExpression('=count + 1', { count: 4 })).toEqual({ ok: true, value: 5 });
  });

  it('ignores inherited object properties as variables', () => {
    expect(evaluateExpression('=constructor', {})).toEqual({ ok: true, value: null });
  });

  it.each([
    ['=function(a) a', /FEEL function/],
    ['=[1..3]', /FEEL range/],
    ['=10 ** 400', /Infinity/],
  ])('refuses %s whose result JSON cannot hold', (text, message) => {
    const result = evaluateExpression(text, vars);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('evaluateCondition', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['=amount > 100', { amount: 150 }, true],
    ['=amount > 100', { amount: 50 }, false],
    ['=status = "open"', { status: 'open' }, true],
    ['${amount > 100}', { amount: 150 }, true],
  ])('%s with %j -> %s', (text, variables, expected) => {
    expect(evaluateCondition(text, variables)).toEqual({ ok: true, value: expected });
  });

  it('names the expression and the missing variable when it yields null', () => {
    // given a condition over a variable that is not set
    // when it is evaluated
    const result = evaluateCondition('=amount > 100', {});
    // then the message says what was expected, what came, and why
    expect(result).toEqual({ ok: false, message: `condition "=amount > 100" must yield true or false but yielded null (Variable 'amount' not found)` });
  });

  it('reports warnings of each run only', () => {
    // given a condition that warns on one run and not on the next
    const text = '=x.y > 1';
    // when run three times
    const first = evaluateCondition(text, { x: null });
    const second = evaluateCondition(text, { x: { y: 2 } });
    const third = evaluateCondition(text, { x: null });
    // then the warnings of one run do not leak into another
    expect(second).toEqual({ ok: true, value: true });
    expect(first).toEqual(third);
    expect(!first.ok && first.message).toBe(`condition "=x.y > 1" must yield true or false but yielded null (Property 'y' not found in 'null')`);
  });

  it.each([
    ['=amount', 'a number 150'],
    ['="yes"', 'a string "yes"'],
    ['=[true]', 'a list [true]'],
    ['plain', 'a string "plain"'],
    ['={ok: true}', 'a context {"ok":true}'],
    ['=date("2026-01-01")', 'the FEEL date 2026-01-01'],
    ['=function(x) x', 'a FEEL function'],
  ])('refuses %s which is not a boolean', (text, found) => {
    const result = evaluateCondition(text, { amount: 150 });
    expect(result).toEqual({ ok: false, message: `condition "${text}" must yield true or false but yielded ${found}` });
  });
});

describe('checkExpression', () => {
  it.each(['=amount > 100', '=for x in items return x', '${a == 1}', 'Hello ${name}', 'literal', '=date("2026-01-01")'])('accepts %j', (text) => {
    expect(checkExpression(text)).toBeUndefined();
  });

  it.each([
    ['=amount > ', 'cannot evaluate "=amount > " in FEEL: Incomplete <Comparison> at character 10'],
    ['=', 'cannot evaluate "=" in FEEL: the expression is empty'],
    ['=a +* 1', 'cannot evaluate "=a +* 1" in FEEL:'],
    ['=if a then b', 'cannot evaluate "=if a then b" in FEEL:'],
    ['=(1 + 2', 'cannot evaluate "=(1 + 2" in FEEL:'],
    ["${execution.getVariable('x')}", 'method call "getVariable(...)" is not supported; use ${x} instead'],
    ['#{x}', 'deferred expressions "#{...}" are not supported'],
    ['${a', 'unclosed "${" (missing "}")'],
  ])('refuses %j', (text, message) => {
    expect(checkExpression(text)).toContain(message);
  });

  it('turns an exception thrown while running into a message', () => {
    // given a text that parses but that feelin cannot run
    expect(checkExpression('=a >>> 1')).toBeUndefined();
    // when it is evaluated
    const result = evaluateExpression('=a >>> 1', { a: 1 });
    // then the failure is a value naming the expression
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^cannot evaluate "=a >>> 1" in FEEL: /);
  });

  it('gives the same verdict from the cache', () => {
    expect(checkExpression('=a >')).toBe(checkExpression('=a >'));
  });

  it('fails evaluation with the same message as the check', () => {
    expect(evaluateExpression('=amount > ', vars)).toEqual({ ok: false, message: checkExpression('=amount > ') });
  });
});

describe('the clock of now() and today()', () => {
  const now = Date.parse('2026-01-31T23:30:00Z');

  it.each<[string, unknown]>([
    ['=now()', '2026-01-31T23:30:00Z'],
    ['=today()', '2026-01-31'],
    ['=now() + duration("PT1H")', '2026-02-01T00:30:00Z'],
    ['=today() + duration("P1M")', '2026-02-28'],
    ['=now() > date and time("2026-01-01T00:00:00Z")', true],
  ])('%s reads the given clock', (text, expected) => {
    expect(evaluateExpression(text, {}, { now })).toEqual({ ok: true, value: expected });
  });

  it('yields the same value on replay', () => {
    // given the same command time twice
    // when evaluated
    // then the results are equal, whatever the system clock says
    expect(evaluateExpression('=now()', {}, { now })).toEqual(evaluateExpression('=now()', {}, { now }));
  });

  it('falls back to the system clock without one', () => {
    const result = evaluateExpression('=now()', {});
    expect(result.ok && typeof result.value).toBe('string');
  });

  it('leaves a variable named now alone when it is not called', () => {
    expect(evaluateExpression('=now + 1', { now: 4 }, { now })).toEqual({ ok: true, value: 5 });
  });
});

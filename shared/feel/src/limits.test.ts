import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateExpression, withExpressionLimits } from './index.js';
import type { ExpressionLimits, LimitName } from './index.js';
import { timerDue } from './timer.js';

// Issue #12, finding 1: one expression must not block or kill the node.
const small: ExpressionLimits = { maxSteps: 10_000, maxResultSize: 1_000, maxDepth: 20 };
const list = Array.from({ length: 200 }, (_, i) => i);
const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

describe('expression limits: each stops the evaluation with a message naming the limit', () => {
  it.each<[string, string, Record<string, unknown>, LimitName]>([
    ['a huge range', '=for i in 1..100000000 return i', {}, 'maxSteps'],
    ['a huge range inside some', '=some i in 1..100000000 satisfies i < 0', {}, 'maxSteps'],
    ['a range over the size limit', '=count(for i in 1..2000 return i)', {}, 'maxResultSize'],
    ['nested for over ranges', '=for i in 1..1000, j in 1..1000 return i', {}, 'maxSteps'],
    ['nested for over a list variable', '=for a in list, b in list, c in list return 1', { list }, 'maxSteps'],
    ['nested for over a list it built', '={l: for x in 1..100 return x, r: for a in l, b in l, c in l return 1}.r', {}, 'maxSteps'],
    ['nested some over a list variable', '=some a in list, b in list, c in list satisfies false', { list }, 'maxSteps'],
    ['filter inside for', '=for a in list return list[item > a]', { list }, 'maxSteps'],
    ['recursion', '={f: function(n) f(n + 1)}.f(1)', {}, 'maxDepth'],
    ['recursion that ends too deep', '={f: function(n) if n = 0 then 0 else f(n - 1)}.f(100)', {}, 'maxDepth'],
    ['many calls', `=for i in 1..900 return ${Array(12).fill('abs(i)').join(' + ')}`, {}, 'maxSteps'],
    ['string join building a big string', '=string join(for i in 1..900 return "0123456789")', {}, 'maxResultSize'],
    ['concatenate over the size limit', '=concatenate(list, list, list, list, list, list)', { list }, 'maxResultSize'],
    ['a deep result', `=${'['.repeat(30)}1${']'.repeat(30)}`, {}, 'maxDepth'],
    ['a deep result around a deep variable', '={a: {a: {a: {a: {a: {a: deep}}}}}}', { deep: nested(15) }, 'maxDepth'],
    ['distinct values over contexts (pairwise comparisons)', '=count(distinct values(for i in 1..150 return {a: i}))', {}, 'maxSteps'],
    ['union of lists of lists', '=count(union(for i in 1..80 return [i], for i in 1..80 return [i]))', {}, 'maxSteps'],
    ['JUEL through the same limits', '${empty list}', { list: Array.from({ length: 20_000 }, (_, i) => i) }, 'maxSteps'],
  ])('%s: %s', (_what, text, variables, limit) => {
    // when
    const result = evaluateExpression(text, variables, { limits: small });
    // then
    expect(result).toMatchObject({ ok: false, limit });
    if (result.ok) return;
    expect(result.message).toContain(text);
    expect(result.message).toContain(`${limit} = ${small[limit]}`);
  });
});

describe('expression limits: work under the limits is unchanged', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['=for i in 1..100 return i * 2', {}, Array.from({ length: 100 }, (_, i) => (i + 1) * 2)],
    ['=for a in [1, 2], b in [10, 20] return a + b', {}, [11, 21, 12, 22]],
    ['=count(list[item >= 100])', { list }, 100],
    ['=list[3]', { list }, 2],
    ['=every x in list satisfies x >= 0', { list }, true],
    ['={f: function(n) if n = 0 then 0 else n + f(n - 1)}.f(15)', {}, 120],
    ['=string join(for i in 1..99 return "0123456789")', {}, '0123456789'.repeat(99)],
    [`=${'['.repeat(19)}1${']'.repeat(19)}`, {}, JSON.parse(`${'['.repeat(19)}1${']'.repeat(19)}`) as unknown],
    ['=sort(list, function(x, y) x > y)[1]', { list }, 199],
    ['=count(distinct values(for i in 1..50 return {a: modulo(i, 10)}))', {}, 10],
    ['=count(distinct values(list))', { list }, 200],
    ['=matches("2026-01-31", "^(\\d+-)+\\d+$")', {}, true],
    ['=replace("a  b", "(a|b) +", "$1_")', {}, 'a_b'],
    ['=matches("ann@mail.example.org", "^[\\w.]+@([\\w-]+\\.)+\\w+$")', {}, true],
    ['=split("a1b22c", "(?:\\d)+")', {}, ['a', 'b', 'c']],
  ])('%s', (text, variables, expected) => {
    expect(evaluateExpression(text, variables, { limits: small })).toEqual({ ok: true, value: expected });
  });
});

describe('expression limits: scoping and other entry points', () => {
  it('takes the limits of withExpressionLimits when the call names none, and restores them after', () => {
    // given
    const text = '=for i in 1..20000 return i';
    // when
    const scoped = withExpressionLimits(small, () => evaluateExpression(text, {}));
    const after = evaluateExpression(text, {});
    // then
    expect(scoped).toMatchObject({ ok: false, limit: 'maxSteps' });
    expect(after.ok).toBe(true);
  });

  it('bounds the default limits too: the issue expression fails instead of exhausting the heap', () => {
    expect(evaluateExpression('=for i in 1..100000000 return i', {})).toMatchObject({ ok: false, limit: 'maxSteps' });
  });

  it('bounds conditions', () => {
    const result = evaluateCondition('=count(for i in 1..100000000 return i) > 0', {}, { limits: small });
    expect(result).toMatchObject({ ok: false, limit: 'maxSteps' });
  });

  it('bounds timer expressions', () => {
    const result = withExpressionLimits(small, () => timerDue({ timeDuration: '=string(count(for i in 1..100000000 return i))' }, {}, 0));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('maxSteps');
  });

  it('refuses to iterate a range with fractional bounds (feelin would never reach the end)', () => {
    const result = evaluateExpression('=for i in 1..2.5 return i', {}, { limits: small });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('integer bounds');
  });

  it.each([
    ['=matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "(a+)+$")'],
    ['=replace(text, "(?:\\w*\\s?)*x", "")'],
    ['=split(text, "((ab)*)+")'],
    ['=matches(text, "(x|\\d+)*y")'],
  ])('refuses a regular expression with nested repetition (exponential backtracking): %s', (text) => {
    const result = evaluateExpression(text, { text: 'a b c' }, { limits: small });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('repeats a group that ends in a repetition');
  });

  it('counts per evaluation: a second run starts with a fresh budget', () => {
    // given: one run costs about 6,000 of the 10,000 steps
    const text = '=count(for i in 1..1500 return i)';
    const roomy = { ...small, maxResultSize: 5_000 };
    // when, then
    expect(evaluateExpression(text, {}, { limits: roomy })).toEqual({ ok: true, value: 1500 });
    expect(evaluateExpression(text, {}, { limits: roomy })).toEqual({ ok: true, value: 1500 });
  });
});

import { describe, expect, it } from 'vitest';
import { toFeel, unaryTest } from 'feelin';
import { evaluateUnaryTest } from './unary-test.js';

describe('evaluateUnaryTest', () => {
  it.each([
    ['[1..10]', 10, true],
    ['<= 3', 4, false],
    ['"a", "b"', 'b', true],
    ['not("a")', 'a', false],
    ['-', null, true],
    ['', 'x', true],
    ['? > limit', 6, true],
    ['count(for x in 1..3 return x) = ?', 3, true],
  ])('"%s" against %j is %s', (text, input, expected) => {
    expect(evaluateUnaryTest(text, input, { limit: 5 })).toEqual({ ok: true, value: expected });
  });

  it('answers literal-only tests (compiled once) exactly as feelin reads them', () => {
    // given literal tests and inputs of every kind, including null and other types
    const texts = ['"gold"', '"a", "b"', '< 10', '>= 2.5', '[1000..2000)', '(1..5]', ']1..5[', 'not("a", "b")', 'not([1..3])', '"x,y"', '-1', '"say \\"hi\\""'];
    const inputs: unknown[] = [null, 0, 1, 2.5, 3, 5, 10, 1000, 1999.5, 2000, -1, 'a', 'b', 'gold', 'x,y', 'say "hi"', true, [1]];
    // then each answer equals feelin's own unaryTest
    for (const text of texts) {
      for (const input of inputs) {
        const expected = unaryTest(text, { '?': toFeel(input) }).value === true;
        expect(evaluateUnaryTest(text, input, {}), `${text} against ${JSON.stringify(input)}`).toEqual({ ok: true, value: expected });
      }
    }
  });

  it('reads now() from the clock it is given, so a replay sees the same day', () => {
    // given 2026-01-01T00:00:00Z
    const now = Date.UTC(2026, 0, 1);
    // when / then
    expect(evaluateUnaryTest('? = string(today())', '2026-01-01', {}, { now })).toEqual({ ok: true, value: true });
  });

  it('stops a test that iterates past the step limit', () => {
    // when
    const result = evaluateUnaryTest('count(for a in list, b in list return 1) > 0', true, { list: Array.from({ length: 1000 }, (_, i) => i) }, { limits: { maxSteps: 10_000, maxResultSize: 1_000_000, maxDepth: 64 } });
    // then
    expect(result).toMatchObject({ ok: false, limit: 'maxSteps' });
    expect(result.ok ? '' : result.message).toContain('--expression-max-steps');
  });

  it('says what is wrong with a text it cannot read', () => {
    expect(evaluateUnaryTest('[1..', 1, {})).toMatchObject({ ok: false, message: expect.stringContaining('cannot evaluate the unary tests "[1.."') as unknown });
  });
});

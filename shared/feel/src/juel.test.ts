import { describe, expect, it } from 'vitest';
import { checkExpression, evaluateExpression } from './index.js';
import { translateJuel } from './juel.js';

const vars = { a: 2, b: 'x', s: '', xs: [10, 20], m: { k: 1, 'two words': 2, inner: { v: 'deep' } }, name: 'Ann', none: null, t: true, f: false };

describe('JUEL -> FEEL -> value', () => {
  it.each<[string, string, unknown]>([
    ['${a > 1 && b == "x"}', '((a > 1) and (b = "x"))', true],
    ["${a != 2 || b == 'x'}", '((a != 2) or (b = "x"))', true],
    ['${!t}', 'not(t)', false],
    ['${not t}', 'not(t)', false],
    ['${a gt 1 and b eq "x"}', '((a > 1) and (b = "x"))', true],
    ['${a lt 1 or a ge 2}', '((a < 1) or (a >= 2))', true],
    ['${a le 2 and b ne "y"}', '((a <= 2) and (b != "y"))', true],
    ['${empty s}', expect.stringContaining('instance of string') as unknown as string, true],
    ['${empty none}', expect.stringContaining('= null') as unknown as string, true],
    ['${not empty xs}', expect.stringContaining('count(xs) = 0') as unknown as string, true],
    ['${empty m}', expect.stringContaining('instance of context') as unknown as string, false],
    ['${a}', 'a', 2],
    ['${"it\'s"}', '"it\'s"', "it's"],
    ["${'say \"hi\"'}", '"say \\"hi\\""', 'say "hi"'],
    ['${1.5}', '1.5', 1.5],
    ['${true}', 'true', true],
    ['${null}', 'null', null],
    ['${m.k}', 'm.k', 1],
    ['${m.inner.v}', 'm.inner.v', 'deep'],
    ['${m["k"]}', 'm.k', 1],
    ["${m['two words']}", 'get value(m, "two words")', 2],
    ['${xs[0]}', 'xs[1]', 10],
    ['${xs[1]}', 'xs[2]', 20],
    ['${xs[a - 1]}', 'xs[((a - 1)) + 1]', 20],
    ['${a + 3 * 2}', '(a + (3 * 2))', 8],
    ['${(a + 3) * 2}', '(((a + 3)) * 2)', 10],
    ['${a - -1}', '(a - (-1))', 3],
    ['${7 / 2}', '(7 / 2)', 3.5],
    ['${7 div 2}', '(7 / 2)', 3.5],
    ['${7 % 3}', 'modulo(7, 3)', 1],
    ['${7 mod 3}', 'modulo(7, 3)', 1],
    ['${a > 1 ? "big" : "small"}', '(if (a > 1) then "big" else "small")', 'big'],
    ['${f ? 1 : t ? 2 : 3}', '(if f then 1 else (if t then 2 else 3))', 2],
    ['Hello ${name}!', '"Hello " + (if name = null then "" else string(name)) + "!"', 'Hello Ann!'],
    ['${name}${a}', '(if name = null then "" else string(name)) + (if a = null then "" else string(a))', 'Ann2'],
    ['n=${none}.', '"n=" + (if none = null then "" else string(none)) + "."', 'n=.'],
    ['cost \\${a}', '"cost ${a}"', 'cost ${a}'],
  ])('%s', (source, feel, value) => {
    expect(translateJuel(source)).toEqual({ ok: true, feel });
    expect(evaluateExpression(source, vars)).toEqual({ ok: true, value });
  });
});

describe('JUEL outside the subset', () => {
  it.each([
    ["${execution.getVariable('x')}", 'method call "getVariable(...)" is not supported; use ${x} instead at character 13'],
    ['${order.total()}', 'method call "total(...)" is not supported; read variables by name instead'],
    ['${myBean.compute(a, b)}', 'method call "compute(...)" is not supported'],
    ['${fn:length(xs)}', 'unexpected ":"'],
    ['${size(xs)}', 'function call "size(...)" is not supported'],
    ['#{a}', 'deferred expressions "#{...}" are not supported; use "${...}"'],
    ['${a = 1}', 'assignment "=" is not supported (did you mean "=="?)'],
    ['${x -> x + 1}', 'lambda expressions are not supported'],
    ['${a; b}', '";" (several expressions) is not supported'],
    ['${[1, 2]}', 'list literals are not supported'],
    ['${{1, 2}}', 'map and set literals are not supported'],
    ['${a instanceof b}', 'unexpected "instanceof"'],
    ['${a > }', 'the expression ends too early'],
    ['${}', 'empty expression'],
    ['${a ? b}', 'expected ":"'],
    ['${"open}', 'unclosed string literal'],
    ['${a', 'unclosed "${" (missing "}")'],
    ['${a @ b}', 'unexpected character "@"'],
    ['${if}', 'variable name "if" cannot be used; FEEL reserves it'],
  ])('%s is refused with a reason', (source, reason) => {
    const message = checkExpression(source);
    expect(message).toMatch(/^cannot evaluate ".*" in JUEL: /);
    expect(message).toContain(reason);
  });

  it('is never run as JavaScript', () => {
    // given JUEL that would have an effect if it were JavaScript
    const source = '${constructor.constructor("return 1")()}';
    // when checked
    // then it is refused as a call, not run
    expect(checkExpression(source)).toContain('is not supported');
  });
});

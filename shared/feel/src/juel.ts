import { assertNever } from './assert-never.js';
import { JuelSyntaxError, scanBlock } from './juel-lexer.js';
import type { JuelToken } from './juel-lexer.js';

/**
 * Translates the Camunda 7 JUEL subset to FEEL text; JUEL is never run as
 * JavaScript. Supported: `== != && || !`, `and or not eq ne lt gt le ge`,
 * `empty x`, `+ - * / div % mod`, ternary `c ? x : y`, string/number/boolean/null
 * literals, property paths `a.b`, `a["b"]`, list indexes `a[0]` (0-based in JUEL,
 * 1-based in FEEL), parentheses, and templates such as `Hello ${name}`.
 * Method and function calls, `#{...}`, assignments and lambdas are refused.
 */
export type JuelTranslation = { ok: true; feel: string } | { ok: false; reason: string };

type Node = { code: string; literal?: number | string };

const FEEL_RESERVED = new Set(['for', 'return', 'if', 'then', 'else', 'some', 'every', 'satisfies', 'in', 'instance', 'of', 'function', 'external', 'between']);
const KEYWORD_OPS = new Map(Object.entries({ and: '&&', or: '||', not: '!', eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=', div: '/', mod: '%' }));
const FEEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function emptyTest(code: string): string {
  return `(if ${code} = null then true else if ${code} instance of string then ${code} = "" else if ${code} instance of list then count(${code}) = 0 else if ${code} instance of context then ${code} = {} else false)`;
}

/** Recursive descent over one `${...}` block, EL precedence (JSR 245, 1.17). */
class Parser {
  #pos = 0;
  constructor(
    private readonly tokens: JuelToken[],
    private readonly end: number,
  ) {}

  parse(): string {
    if (this.tokens.length === 0) throw new JuelSyntaxError('empty expression', this.end);
    const node = this.ternary();
    const extra = this.tokens[this.#pos];
    if (extra !== undefined) throw this.unsupported(extra);
    return node.code;
  }

  private peekOp(): string | undefined {
    const token = this.tokens[this.#pos];
    if (token === undefined) return undefined;
    if (token.type === 'op') return token.text;
    if (token.type === 'name') return KEYWORD_OPS.get(token.text) ?? (token.text === 'empty' ? 'empty' : undefined);
    return undefined;
  }

  private expectOp(op: string): void {
    if (this.peekOp() !== op) {
      const token = this.tokens[this.#pos];
      throw new JuelSyntaxError(`expected "${op}"`, token?.at ?? this.end);
    }
    this.#pos++;
  }

  private binary(next: () => Node, ops: Record<string, string>): Node {
    let left = next();
    for (let op = this.peekOp(); op !== undefined && Object.hasOwn(ops, op); op = this.peekOp()) {
      this.#pos++;
      const right = next();
      const feelOp = ops[op] ?? op;
      left = { code: feelOp === 'modulo' ? `modulo(${left.code}, ${right.code})` : `(${left.code} ${feelOp} ${right.code})` };
    }
    return left;
  }

  private ternary(): Node {
    const condition = this.or();
    if (this.peekOp() !== '?') return condition;
    this.#pos++;
    const then = this.ternary();
    this.expectOp(':');
    const otherwise = this.ternary();
    return { code: `(if ${condition.code} then ${then.code} else ${otherwise.code})` };
  }

  private or = (): Node => this.binary(this.and, { '||': 'or' });
  private and = (): Node => this.binary(this.equality, { '&&': 'and' });
  private equality = (): Node => this.binary(this.relational, { '==': '=', '!=': '!=' });
  private relational = (): Node => this.binary(this.additive, { '<': '<', '>': '>', '<=': '<=', '>=': '>=' });
  private additive = (): Node => this.binary(this.multiplicative, { '+': '+', '-': '-' });
  private multiplicative = (): Node => this.binary(this.unary, { '*': '*', '/': '/', '%': 'modulo' });

  private unary = (): Node => {
    const op = this.peekOp();
    if (op === '-' || op === '!' || op === 'empty') {
      this.#pos++;
      const operand = this.unary();
      if (op === '-') return { code: `(-${operand.code})` };
      return { code: op === '!' ? `not(${operand.code})` : emptyTest(operand.code) };
    }
    return this.postfix(this.primary());
  };

  private postfix(base: Node): Node {
    let node = base;
    for (let op = this.peekOp(); op === '.' || op === '['; op = this.peekOp()) {
      this.#pos++;
      node = op === '.' ? this.member(node) : this.index(node);
    }
    if (this.peekOp() === '(') throw new JuelSyntaxError('function calls are not supported; read variables by name', this.tokens[this.#pos]?.at ?? this.end);
    return node;
  }

  private member(base: Node): Node {
    const token = this.tokens[this.#pos];
    if (token?.type !== 'name') throw new JuelSyntaxError('expected a property name after "."', token?.at ?? this.end);
    this.#pos++;
    if (this.peekOp() === '(') throw this.methodCall(token.text, token.at);
    return { code: this.path(base.code, token.text) };
  }

  private index(base: Node): Node {
    const key = this.ternary();
    this.expectOp(']');
    if (typeof key.literal === 'string') return { code: this.path(base.code, key.literal) };
    if (typeof key.literal === 'number') return { code: `${base.code}[${key.literal + 1}]` };
    return { code: `${base.code}[(${key.code}) + 1]` };
  }

  private path(base: string, key: string): string {
    return FEEL_NAME.test(key) && !FEEL_RESERVED.has(key) ? `${base}.${key}` : `get value(${base}, ${JSON.stringify(key)})`;
  }

  private methodCall(name: string, at: number): JuelSyntaxError {
    const arg = this.tokens[this.#pos + 1];
    const hint = name === 'getVariable' && arg?.type === 'string' ? `; use \${${arg.value}} instead` : '; read variables by name instead';
    return new JuelSyntaxError(`method call "${name}(...)" is not supported${hint}`, at);
  }

  private primary(): Node {
    const token = this.tokens[this.#pos];
    if (token === undefined) throw new JuelSyntaxError('the expression ends too early', this.end);
    this.#pos++;
    switch (token.type) {
      case 'number':
        return this.number(token.text, token.at);
      case 'string':
        return { code: JSON.stringify(token.value), literal: token.value };
      case 'name':
        return this.name(token.text, token.at);
      case 'op':
        if (token.text !== '(') throw this.unsupported(token);
        return this.group();
      default:
        return assertNever(token);
    }
  }

  private group(): Node {
    const inner = this.ternary();
    this.expectOp(')');
    return { code: `(${inner.code})` };
  }

  private number(text: string, at: number): Node {
    const value = Number(text);
    if (!Number.isFinite(value) || String(value).includes('e')) throw new JuelSyntaxError(`number ${text} is out of range`, at);
    return { code: String(value), literal: value };
  }

  private name(text: string, at: number): Node {
    if (text === 'true' || text === 'false' || text === 'null') return { code: text };
    if (text === 'instanceof') throw new JuelSyntaxError('"instanceof" is not supported', at);
    if (KEYWORD_OPS.has(text) || text === 'empty') throw new JuelSyntaxError(`"${text}" needs an operand before it`, at);
    if (!FEEL_NAME.test(text) || FEEL_RESERVED.has(text)) throw new JuelSyntaxError(`variable name "${text}" cannot be used; FEEL reserves it`, at);
    if (this.peekOp() === '(') throw new JuelSyntaxError(`function call "${text}(...)" is not supported`, at);
    return { code: text };
  }

  private unsupported(token: JuelToken): JuelSyntaxError {
    const text = token.type === 'string' ? JSON.stringify(token.value) : token.type === 'op' ? token.text : token.text;
    const why: Record<string, string> = { '=': 'assignment "=" is not supported (did you mean "=="?)', '->': 'lambda expressions are not supported', ';': '";" (several expressions) is not supported', '+=': 'string concatenation "+=" is not supported', '{': 'map and set literals are not supported', '[': 'list literals are not supported' };
    return new JuelSyntaxError((Object.hasOwn(why, text) ? why[text] : undefined) ?? `unexpected "${text}"`, token.at);
  }
}

type Part = { literal: string } | { feel: string };

function splitTemplate(text: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('\\${', i) || text.startsWith('\\#{', i)) {
      literal += text.slice(i + 1, i + 3);
      i += 3;
    } else if (text.startsWith('#{', i)) {
      throw new JuelSyntaxError('deferred expressions "#{...}" are not supported; use "${...}"', i);
    } else if (text.startsWith('${', i)) {
      if (literal !== '') parts.push({ literal });
      literal = '';
      const { tokens, end } = scanBlock(text, i + 2);
      parts.push({ feel: new Parser(tokens, end - 1).parse() });
      i = end;
    } else {
      literal += text[i];
      i++;
    }
  }
  if (literal !== '') parts.push({ literal });
  return parts;
}

/**
 * JUEL text to FEEL text. A single `${...}` keeps its value's type; a template
 * mixing text and blocks becomes a string concatenation (null prints as "").
 */
export function translateJuel(text: string): JuelTranslation {
  try {
    const parts = splitTemplate(text);
    const [only] = parts;
    if (parts.length === 1 && only !== undefined && 'feel' in only) return { ok: true, feel: only.feel };
    const pieces = parts.map((part) => ('literal' in part ? JSON.stringify(part.literal) : `(if ${part.feel} = null then "" else string(${part.feel}))`));
    return { ok: true, feel: pieces.length === 0 ? '""' : pieces.join(' + ') };
  } catch (err) {
    if (err instanceof JuelSyntaxError) return { ok: false, reason: `${err.message} at character ${err.at + 1}` };
    throw err;
  }
}

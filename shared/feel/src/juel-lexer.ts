/**
 * Tokens of the Camunda 7 JUEL subset (see juel.ts). Scanning stops at the `}`
 * that closes a `${...}` block.
 */
export type JuelToken =
  | { type: 'number'; text: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'name'; text: string; at: number }
  | { type: 'op'; text: string; at: number };

/** A translation failure with the character offset (0-based) it refers to. */
export class JuelSyntaxError extends Error {
  override readonly name = 'JuelSyntaxError';
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '->', '+=', '<', '>', '!', '+', '-', '*', '/', '%', '?', ':', '(', ')', '[', ']', '.', ',', '=', ';', '{'];

function scanString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i++;
    } else {
      value += ch;
    }
  }
  throw new JuelSyntaxError('unclosed string literal', start);
}

/** Scans from `start` to the closing `}`; returns the tokens and the offset just after `}`. */
export function scanBlock(text: string, start: number): { tokens: JuelToken[]; end: number } {
  const tokens: JuelToken[] = [];
  let i = start;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const rest = text.slice(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '}') {
      return { tokens, end: i + 1 };
    } else if (ch === '"' || ch === "'") {
      const { value, end } = scanString(text, i);
      tokens.push({ type: 'string', value, at: i });
      i = end;
    } else if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.test(rest)) {
      const match = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest)?.[0] ?? '';
      tokens.push({ type: 'number', text: match, at: i });
      i += match.length;
    } else if (/^[A-Za-z_$]/.test(ch)) {
      const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(rest)?.[0] ?? ch;
      tokens.push({ type: 'name', text: match, at: i });
      i += match.length;
    } else {
      const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
      if (op === undefined) throw new JuelSyntaxError(`unexpected character "${ch}"`, i);
      tokens.push({ type: 'op', text: op, at: i });
      i += op.length;
    }
  }
  throw new JuelSyntaxError('unclosed "${" (missing "}")', start - 2);
}

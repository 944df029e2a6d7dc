import fc from 'fast-check';

/**
 * FEEL-ish expression texts from a small grammar (literals, names, paths,
 * operators, if/for/some/every, lists, contexts, filters, ranges, calls), mixed
 * with broken pieces, so both valid and invalid expressions come up. Ranges stay
 * small: the work limits of long loops are tested on their own (issue 12 item 1).
 */
export function feelText(depth = 3): fc.Arbitrary<string> {
  const name = fc.constantFrom('x', 'y', 'items', 'a.b', 'order', 'missing', 'date', 'item', '?', 'null', 'some name');
  const literal = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
    fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('true', 'false', 'null', '1e400', '-0', '.5', '"\\u0000"', 'date("2024-02-30")', 'date and time("2024-01-01T00:00:00Z")', 'duration("P1D")', 'duration("PT-1H")', '@"P1Y"', 'time("25:00:00")'),
  );
  if (depth <= 0) return fc.oneof(literal, name);
  const sub = feelText(depth - 1);
  const binary = fc.tuple(sub, fc.constantFrom('+', '-', '*', '/', '**', 'and', 'or', '=', '!=', '<', '<=', '>', '>=', 'in', 'between 1 and', 'instance of'), sub).map(([l, op, r]) => `${l} ${op} ${r}`);
  const small = fc.integer({ min: -3, max: 6 });
  const call = fc
    .tuple(
      fc.constantFrom('string length', 'substring', 'upper case', 'sum', 'count', 'min', 'max', 'abs', 'floor', 'not', 'number', 'string', 'list contains', 'append', 'concatenate', 'get value', 'matches', 'split', 'now', 'today', 'is defined', 'frobnicate'),
      fc.array(sub, { maxLength: 3 }),
    )
    .map(([fn, args]) => `${fn}(${args.join(', ')})`);
  return fc.oneof(
    { arbitrary: literal, weight: 3 },
    { arbitrary: name, weight: 2 },
    { arbitrary: binary, weight: 3 },
    { arbitrary: call, weight: 2 },
    { arbitrary: sub.map((e) => `-${e}`), weight: 1 },
    { arbitrary: sub.map((e) => `(${e})`), weight: 1 },
    { arbitrary: fc.tuple(sub, sub, sub).map(([c, t, e]) => `if ${c} then ${t} else ${e}`), weight: 1 },
    { arbitrary: fc.tuple(small, small, sub).map(([from, to, body]) => `for i in ${from}..${to} return ${body}`), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('some', 'every'), sub).map(([q, body]) => `${q} i in [1, 2, 3] satisfies ${body}`), weight: 1 },
    { arbitrary: fc.array(sub, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`), weight: 1 },
    { arbitrary: fc.array(fc.tuple(fc.constantFrom('a', 'b', '"c d"', '__proto__', 'constructor'), sub), { maxLength: 3 }).map((e) => `{${e.map(([k, v]) => `${k}: ${v}`).join(', ')}}`), weight: 1 },
    { arbitrary: fc.tuple(sub, sub).map(([list, cond]) => `${list}[${cond}]`), weight: 1 },
    { arbitrary: fc.tuple(sub, name).map(([e, path]) => `${e}.${path}`), weight: 1 },
    { arbitrary: fc.tuple(sub, fc.nat({ max: 20 })).map(([e, cut]) => e.slice(0, cut)), weight: 1 },
  );
}

/** An expression as a model holds it: FEEL (`=...`), JUEL (`${...}`), a literal, or random text. */
export function expressionText(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: feelText().map((e) => `=${e}`), weight: 6 },
    { arbitrary: feelText(2).map((e) => `\${${e}}`), weight: 2 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 20 }).map((s) => `=${s}`), weight: 1 },
  );
}

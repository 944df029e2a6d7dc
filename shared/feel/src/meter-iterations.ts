import type { parseExpression } from 'feelin';

type Tree = ReturnType<typeof parseExpression>;
type Node = NonNullable<Tree['topNode']['firstChild']>;

/**
 * The parameter through which a compiled expression reaches the meter: an identity
 * FEEL function, so calling it charges one step per list element (see `limits.ts`).
 */
export const meterParameter = '__baton_meter';

/** Filter predicates that feelin evaluates once per element (its `test` type); others index or compare once. */
const perElementPredicates = new Set([
  'Comparison',
  'Disjunction',
  'Conjunction',
  'InstanceOfExpression',
  'QuantifiedExpression',
  'SimplePositiveUnaryTest',
  'Interval',
]);

function isPerElement(predicate: Node): boolean {
  let node: Node | null = predicate;
  while (node?.name === 'ParenthesizedExpression') node = node.firstChild?.nextSibling ?? null;
  return node !== null && perElementPredicates.has(node.name);
}

/** Syntax nodes per step: an iteration or call of an expression of n nodes costs ceil(n / 8) steps. */
const nodesPerStep = 8;

/** The metered text (undefined: unchanged) and the steps one iteration or call of it costs. */
export type Metering = { readonly text: string | undefined; readonly weight: number };

/**
 * Rewrites the text so each list that `for`, `some`, `every` or a filter iterates
 * passes through `__baton_meter(...)` first: `for a in L, b in L` re-reads `L` per
 * `a`, so the cartesian product is charged element by element before feelin builds
 * it (#12). Ranges (`1..n`) need no wrapper: `FeelRange#map` is metered. The text
 * stays unchanged when nothing iterates or it has syntax errors (left for feelin
 * to report at their original positions). Each iteration or call runs at most the
 * whole text once, so it is weighted by the text's size in syntax nodes: a long
 * body cannot multiply the work a step stands for.
 */
export function meterIterations(text: string, tree: Tree): Metering {
  const spans: { from: number; to: number }[] = [];
  let hasError = false;
  let nodes = 0;
  tree.iterate({
    enter(ref) {
      nodes += 1;
      if (ref.type.isError) hasError = true;
      const first = ref.node.firstChild;
      if (first === null) return;
      if (ref.name === 'IterationContext' && first.nextSibling === null) spans.push({ from: first.from, to: first.to });
      if (ref.name === 'FilterExpression') {
        const predicate = first.nextSibling?.nextSibling;
        if (predicate !== undefined && predicate !== null && isPerElement(predicate)) spans.push({ from: first.from, to: first.to });
      }
    },
  });
  const weight = Math.ceil(nodes / nodesPerStep);
  return { text: hasError || spans.length === 0 ? undefined : wrapSpans(text, spans), weight };
}

/** Inserts `meter(` and `)` around each span; spans nest or are disjoint (they are syntax nodes). */
function wrapSpans(text: string, spans: readonly { from: number; to: number }[]): string {
  // at one position: closes before opens; an outer span opens before and closes after an inner one
  const marks = spans.flatMap(({ from, to }) => [
    { at: from, order: 1, width: -(to - from), insert: `${meterParameter}(` },
    { at: to, order: 0, width: to - from, insert: ')' },
  ]);
  marks.sort((a, b) => a.at - b.at || a.order - b.order || a.width - b.width);
  let out = '';
  let last = 0;
  for (const mark of marks) {
    out += text.slice(last, mark.at) + mark.insert;
    last = mark.at;
  }
  return out + text.slice(last);
}

import { evaluate } from 'feelin';

/** A builtin's JavaScript implementation: what `FeelFunction#fn` holds when a builtin is called. */
const builtin = (name: string): unknown => evaluate(name, {}).value;

const union = builtin('union');

/** Deduplicating builtins compare each list or context element with every element kept so far. */
const deduplicating = new Set([builtin('distinct values'), union]);

/** Builtins that run a caller's regular expression (its pattern is the second argument). */
const regexBuiltins = new Set([builtin('matches'), builtin('replace'), builtin('split')]);

function argumentList(args: unknown): unknown[] {
  if (Array.isArray(args)) return args;
  return args !== null && typeof args === 'object' ? Object.values(args) : [];
}

/**
 * Steps a builtin costs beyond one per call and one per element handed in: for
 * `distinct values` and `union`, elements that are lists or contexts times all
 * elements, charged before they run (feelin compares those pairwise: 12,000
 * contexts took a minute, #12).
 */
export function extraCostOf(fn: unknown, args: unknown): number {
  if (!deduplicating.has(fn)) return 0;
  const given = argumentList(args);
  // union(a, b) or union([a, b]); distinct values(a)
  const lists = given.length === 1 && Array.isArray(given[0]) && fn === union ? (given[0] as unknown[]) : given;
  let elements = 0;
  let composite = 0;
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    elements += list.length;
    for (const item of list as unknown[]) if (item !== null && typeof item === 'object') composite += 1;
  }
  return composite * elements;
}

/**
 * Refuses a regular expression that repeats a group whose content ends in a
 * repetition, such as `(a+)+` or `(\w*\s?)*`: JavaScript backtracks over it in
 * exponential time (a 25-character input took 6 s) and no step count can interrupt
 * it (#12). A separator after the inner repetition, as in `(\d+-)+` or `([\w-]+\.)+`,
 * keeps the pattern linear and is accepted. Overlapping alternatives (`(a|aa)+`)
 * are not detected.
 */
export function checkPattern(fn: unknown, args: unknown): void {
  if (!regexBuiltins.has(fn)) return;
  const pattern = argumentList(args)[1];
  if (typeof pattern !== 'string' || !hasNestedRepetition(pattern)) return;
  throw new Error(
    `the regular expression "${pattern}" repeats a group that ends in a repetition, which can take exponential time; ` +
      'rewrite it so a separator follows the inner repetition, or without nesting (e.g. "(a+)+" as "a+")',
  );
}

/** Per open group: does its content (the current alternative, or any earlier one) end in a repetition? */
type Group = { tail: boolean; before: boolean; anyBranch: boolean };

const isRepetition = (char: string | undefined): boolean => char === '*' || char === '+' || char === '{';

function hasNestedRepetition(pattern: string): boolean {
  const groups: Group[] = [{ tail: false, before: false, anyBranch: false }];
  const top = (): Group => groups[groups.length - 1] as Group;
  const atom = (endsInRepetition: boolean): void => {
    const group = top();
    group.before = group.tail;
    group.tail = endsInRepetition;
  };
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const previous = pattern[i - 1];
    if (char === '\\') {
      atom(false);
      i += 1;
    } else if (char === '[') {
      atom(false);
      i = endOfClass(pattern, i);
    } else if (char === '(') {
      groups.push({ tail: false, before: false, anyBranch: false });
    } else if (char === '|') {
      top().anyBranch ||= top().tail;
      top().tail = false;
    } else if (char === ')' && groups.length > 1) {
      const inner = groups.pop() as Group;
      const innerTail = inner.tail || inner.anyBranch;
      if (innerTail && isRepetition(pattern[i + 1])) return true;
      atom(innerTail);
    } else if (isRepetition(char)) {
      top().tail = true;
      if (char === '{') i = Math.max(i, pattern.indexOf('}', i));
    } else if (char === '?' && !isRepetition(previous) && previous !== '?' && previous !== '(') {
      // an optional atom: the content ends as it did before it
      top().tail ||= top().before;
    } else if (char !== '?') {
      atom(false);
    }
  }
  return false;
}

/** Index of the `]` closing the character class that opens at `start` (escapes honoured). */
function endOfClass(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === ']' && i > start + 1) return i;
  }
  return pattern.length;
}

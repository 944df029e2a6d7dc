/**
 * The part of vitest's API the port contract suites use (describe, it, hooks, expect),
 * for running them inside a page (issue 17): `expect` is vitest's own (@vitest/expect on
 * chai), the runner a plain loop that reports each test's name and failure.
 */
import type { expect as vitestExpect } from 'vitest';
import { chai, GLOBAL_EXPECT, JestAsymmetricMatchers, JestChaiExpect, JestExtend, getState, setState } from '@vitest/expect';

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(JestAsymmetricMatchers);

type Hook = () => unknown;
type VitestExpect = typeof vitestExpect;
interface Suite {
  readonly name: string;
  readonly before: Hook[];
  readonly after: Hook[];
  readonly children: (Suite | { readonly name: string; readonly fn: Hook })[];
}

const root: Suite = { name: '', before: [], after: [], children: [] };
let current = root;

export const expect = ((value: unknown, message?: string) => {
  const state = getState(expect as never);
  setState({ assertionCalls: (state?.assertionCalls ?? 0) + 1 }, expect as never);
  return chai.expect(value, message);
}) as unknown as VitestExpect;
Object.assign(expect, chai.expect);
setState({ assertionCalls: 0, isExpectingAssertions: false, expectedAssertionsNumber: null, environment: 'browser', testPath: 'page' } as never, expect as never);
(globalThis as Record<symbol, unknown>)[GLOBAL_EXPECT] = expect;

export function describe(name: string, fn: () => void): void {
  const suite: Suite = { name, before: [], after: [], children: [] };
  current.children.push(suite);
  const parent = current;
  current = suite;
  fn();
  current = parent;
}

export function it(name: string, fn: Hook): void {
  current.children.push({ name, fn });
}
export const test = it;
export const beforeEach = (fn: Hook): void => void current.before.push(fn);
export const afterEach = (fn: Hook): void => void current.after.push(fn);

/** One test's outcome: its full name, and the failure when it failed. */
export interface TestResult {
  readonly name: string;
  readonly error?: string;
}

async function runSuite(suite: Suite, names: readonly string[], before: readonly Hook[], after: readonly Hook[], results: TestResult[]): Promise<void> {
  const allBefore = [...before, ...suite.before];
  const allAfter = [...suite.after, ...after];
  for (const child of suite.children) {
    const path = child.name === '' ? names : [...names, child.name];
    if ('children' in child) {
      await runSuite(child, path, allBefore, allAfter, results);
      continue;
    }
    try {
      for (const hook of allBefore) await hook();
      try {
        await child.fn();
      } finally {
        for (const hook of allAfter) await hook();
      }
      results.push({ name: path.join(' > ') });
    } catch (error) {
      results.push({ name: path.join(' > '), error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
    }
  }
}

/** Runs every registered test in order. */
export async function runRegistered(): Promise<TestResult[]> {
  const results: TestResult[] = [];
  await runSuite(root, [], [], [], results);
  return results;
}

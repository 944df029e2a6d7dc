import type { InstanceState } from '@baton/core';
import { assertNever } from './assert-never.js';
import { treeOf, type RunContext } from './actions.js';
import { checkMultiset, checkNotCompleted, checkVariables } from './matchers.js';
import type { Expectation, ExpectedState } from './types.js';

/** Checks one expectation on the tree of the instance under test: undefined when it holds, else why not. */
export async function checkExpectation(ctx: RunContext, expectation: Expectation): Promise<string | undefined> {
  switch (expectation.type) {
    case 'expectWaiting': {
      const waiting = (await treeOf(ctx)).flatMap((state) => ctx.engine.waitingElementIds(state));
      return checkMultiset('waiting', expectation.elementIds, waiting);
    }
    case 'expectCompleted':
      return checkMultiset('completed', expectation.elementIds, await completedInTree(ctx));
    case 'expectNotCompleted':
      return checkNotCompleted(expectation.elementIds, await completedInTree(ctx));
    case 'expectVariables': {
      const tree = await treeOf(ctx);
      if (tree[0] === undefined) return noInstance();
      return checkVariables(expectation.variables, tree[0].variables['root'] ?? {});
    }
    case 'expectState': {
      const tree = await treeOf(ctx);
      if (tree[0] === undefined) return noInstance();
      const found = stateOf(tree[0], tree);
      if (found === expectation.state) return undefined;
      return `expected state ${expectation.state} but found ${found}${describeIncidents(tree)}`;
    }
    default:
      return assertNever(expectation);
  }
}

const noInstance = (): string => 'there is no instance under test yet; a "start" step comes first';

async function completedInTree(ctx: RunContext): Promise<string[]> {
  const completed: string[] = [];
  for (const state of await treeOf(ctx)) completed.push(...(await ctx.engine.completedElementIds(state.instanceId)));
  return completed;
}

/** `incident` is an active instance whose tree holds at least one open incident. */
export function stateOf(root: InstanceState, tree: readonly InstanceState[]): ExpectedState {
  switch (root.status) {
    case 'completed':
      return 'completed';
    case 'terminated':
      return 'cancelled';
    case 'active':
      return tree.some((state) => Object.keys(state.incidents).length > 0) ? 'incident' : 'active';
    default:
      return assertNever(root.status);
  }
}

/** ` (incidents: charge JOB_NO_RETRIES "boom")`, so a surprise incident says why. */
function describeIncidents(tree: readonly InstanceState[]): string {
  const incidents = tree.flatMap((state) => Object.values(state.incidents));
  if (incidents.length === 0) return '';
  return ` (incidents: ${incidents.map((i) => `${i.elementId} ${i.errorType} ${JSON.stringify(i.errorMessage)}`).join('; ')})`;
}

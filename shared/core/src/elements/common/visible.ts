import { ROOT, type Draft } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';

/**
 * The merged view an element instance sees: the root scope, overlaid by every
 * enclosing scope down to the element's own (inner scopes win).
 */
export function visibleFrom(draft: Draft, elementInstanceId: string | undefined): Variables {
  const chain: Variables[] = [];
  let current = elementInstanceId === undefined ? undefined : draft.elementInstances[elementInstanceId];
  while (current !== undefined) {
    const scope = draft.variables[current.elementInstanceId];
    if (scope !== undefined) chain.push(scope);
    current = current.parentElementInstanceId === undefined ? undefined : draft.elementInstances[current.parentElementInstanceId];
  }
  const view: Variables = { ...draft.variables[ROOT] };
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(view, chain[i]);
  return view;
}

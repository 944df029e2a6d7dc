import type { DecisionDefinition } from './decision-definition.js';

/** A cycle of required decisions (`a -> b -> a`), or undefined when the graph is acyclic. */
export function findCycle(decisions: Readonly<Record<string, DecisionDefinition>>): string[] | undefined {
  const done = new Set<string>();
  const visit = (decisionId: string, path: string[]): string[] | undefined => {
    if (path.includes(decisionId)) return [...path.slice(path.indexOf(decisionId)), decisionId];
    if (done.has(decisionId)) return undefined;
    for (const required of decisions[decisionId]?.requiredDecisionIds ?? []) {
      const cycle = visit(required, [...path, decisionId]);
      if (cycle !== undefined) return cycle;
    }
    done.add(decisionId);
    return undefined;
  };
  for (const decisionId of Object.keys(decisions)) {
    const cycle = visit(decisionId, []);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

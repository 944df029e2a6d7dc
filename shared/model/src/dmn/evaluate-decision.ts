import { evaluateExpression, type EvalOptions, type JsonValue, type Variables } from '@baton/feel';
import type { DecisionDefinition, DecisionRequirements } from './decision-definition.js';
import type { DecisionEvaluation, EvaluatedDecision } from './decision-evaluation.js';
import { evaluateTable } from './decision-table.js';

/**
 * Evaluates decision `decisionId` of a DRG against `variables`. Its required
 * decisions are evaluated first (each once, depth first) and their results are
 * visible to it under their decision ids. Pure and deterministic for a given
 * `options.now`; a failure names the decision and, when one is to blame, the rule.
 */
export function evaluateDecision(requirements: DecisionRequirements, decisionId: string, variables: Variables, options: EvalOptions = {}): DecisionEvaluation {
  const evaluated: EvaluatedDecision[] = [];
  const results = new Map<string, JsonValue>();
  const visit = (id: string, path: readonly string[]): { ok: true } | { ok: false; decisionId: string; ruleId?: string; message: string } => {
    if (results.has(id)) return { ok: true };
    const decision = requirements.decisions[id];
    if (decision === undefined || path.includes(id)) {
      const why = decision === undefined ? 'is not deployed in this decision requirements graph' : `requires itself (${[...path, id].join(' -> ')})`;
      return { ok: false, decisionId: id, message: `decision "${id}" ${why}` };
    }
    for (const required of decision.requiredDecisionIds) {
      const done = visit(required, [...path, id]);
      if (!done.ok) return done;
    }
    const scope: Variables = { ...variables };
    for (const required of decision.requiredDecisionIds) scope[required] = results.get(required) ?? null;
    const one = evaluateOne(decision, scope, options);
    if (!one.ok) return { ...one, decisionId: id };
    results.set(id, one.record.result);
    evaluated.push(one.record);
    return { ok: true };
  };
  const outcome = visit(decisionId, []);
  if (!outcome.ok) return { ...outcome, evaluatedDecisions: evaluated };
  return { ok: true, decisionId, result: results.get(decisionId) ?? null, evaluatedDecisions: evaluated };
}

type OneOutcome = { ok: true; record: EvaluatedDecision } | { ok: false; ruleId?: string; message: string };

function evaluateOne(decision: DecisionDefinition, variables: Variables, options: EvalOptions): OneOutcome {
  const base = { decisionId: decision.decisionId, ...(decision.name === undefined ? {} : { decisionName: decision.name }) };
  const { logic } = decision;
  if (logic.kind === 'literalExpression') {
    const value = evaluateExpression(logic.expression, variables, options);
    if (!value.ok) return { ok: false, message: `decision "${decision.decisionId}": literal expression: ${value.message}` };
    return { ok: true, record: { ...base, decisionType: 'literalExpression', inputs: [], matchedRules: [], result: value.value as JsonValue } };
  }
  const table = evaluateTable(decision, logic, variables, options);
  if (!table.ok) return table;
  return { ok: true, record: { ...base, decisionType: 'decisionTable', inputs: table.inputs, matchedRules: table.matchedRules, result: table.result } };
}

import type { JsonValue } from '@baton/feel';
import type { CalledDecision } from '../definition.js';
import type { DecisionRequirements } from './decision-definition.js';
import type { DecisionEvaluation } from './decision-evaluation.js';

type Mapping = NonNullable<CalledDecision['mapDecisionResult']>;
type Mapped = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly message: string };

/**
 * Camunda 7's `mapDecisionResult` of a successful evaluation. C7 sees a result as a
 * list of rows (one per matched rule, outputs by name; one row holding the value of
 * an aggregation or a literal expression); `resultList` is that list, `singleResult`
 * its only row, `singleEntry` the only value of its only row, `collectEntries` the
 * only value of each row. More rows or entries than the mapping takes is a failure.
 */
export function mapDecisionResult(requirements: DecisionRequirements, evaluation: Extract<DecisionEvaluation, { ok: true }>, mapping: Mapping): Mapped {
  const rows = resultRows(requirements, evaluation);
  const name = `decision "${evaluation.decisionId}"`;
  const tooManyEntries = rows.find((row) => Object.keys(row).length > 1);
  switch (mapping) {
    case 'resultList':
      return { ok: true, value: rows };
    case 'singleResult':
      return rows.length > 1 ? { ok: false, message: `${name} gave ${rows.length} results but mapDecisionResult is singleResult; use collectEntries or resultList` } : { ok: true, value: rows[0] ?? null };
    case 'singleEntry':
      if (rows.length > 1) return { ok: false, message: `${name} gave ${rows.length} results but mapDecisionResult is singleEntry; use collectEntries or resultList` };
      if (tooManyEntries !== undefined) return { ok: false, message: `${name} gave a result with ${Object.keys(tooManyEntries).length} outputs but mapDecisionResult is singleEntry; use singleResult` };
      return { ok: true, value: Object.values(rows[0] ?? {})[0] ?? null };
    case 'collectEntries':
      if (tooManyEntries !== undefined) return { ok: false, message: `${name} gave a result with ${Object.keys(tooManyEntries).length} outputs but mapDecisionResult is collectEntries; use resultList` };
      return { ok: true, value: rows.map((row) => Object.values(row)[0] ?? null) };
    default:
      return mapping satisfies never;
  }
}

function resultRows(requirements: DecisionRequirements, evaluation: Extract<DecisionEvaluation, { ok: true }>): Record<string, JsonValue>[] {
  const decision = requirements.decisions[evaluation.decisionId];
  const record = evaluation.evaluatedDecisions.at(-1);
  if (decision === undefined || record === undefined || decision.logic.kind === 'literalExpression') return [{ [evaluation.decisionId]: evaluation.result }];
  if (decision.logic.aggregation !== undefined) {
    return evaluation.result === null ? [] : [{ [decision.logic.outputs[0]?.name ?? 'result']: evaluation.result }];
  }
  return record.matchedRules.map((rule) => ({ ...rule.outputs }));
}

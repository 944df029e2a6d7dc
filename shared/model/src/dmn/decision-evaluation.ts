import type { JsonValue } from '@baton/feel';

/** A rule that matched, with the outputs it gave (by output name). */
export interface MatchedRule {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly outputs: Readonly<Record<string, JsonValue>>;
}

/** The value an input column's expression had. */
export interface EvaluatedInput {
  readonly inputId: string;
  readonly label?: string;
  readonly value: JsonValue;
}

/** What one decision of the DRG did: the record kept in the instance history. */
export interface EvaluatedDecision {
  readonly decisionId: string;
  readonly decisionName?: string;
  readonly decisionType: 'decisionTable' | 'literalExpression';
  readonly inputs: readonly EvaluatedInput[];
  readonly matchedRules: readonly MatchedRule[];
  readonly result: JsonValue;
}

/**
 * Outcome of {@link evaluateDecision}: the called decision's result and every decision
 * evaluated for it (required ones first, the called one last); or why it failed,
 * naming the decision and, when one is to blame, the rule.
 */
export type DecisionEvaluation =
  | { readonly ok: true; readonly decisionId: string; readonly result: JsonValue; readonly evaluatedDecisions: readonly EvaluatedDecision[] }
  | { readonly ok: false; readonly decisionId: string; readonly ruleId?: string; readonly message: string; readonly evaluatedDecisions: readonly EvaluatedDecision[] };

/** A failure inside one decision; `ruleId` when a rule is to blame. */
export interface DecisionFailure {
  readonly ok: false;
  readonly ruleId?: string;
  readonly message: string;
}

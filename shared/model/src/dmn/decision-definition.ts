import type { JsonValue } from '@baton/feel';
import type { ModelProblem } from '../definition.js';

/** How a decision table picks its result from the rules that match (DMN 1.3, 8.2.10). */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

/** The aggregator of a COLLECT table; without one the result is the list of outputs. */
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

/** An input column: an expression (`=` FEEL, `${}` JUEL) whose value the rules' unary tests check. */
export interface DecisionInput {
  readonly inputId: string;
  readonly label?: string;
  readonly expression: string;
  /** The input expression's `typeRef`, applied to its value (see `asTypeRef`). */
  readonly typeRef?: string;
}

/** An output column; `name` keys it in a multi-column result; `priorities` rank values for PRIORITY and OUTPUT ORDER. */
export interface DecisionOutput {
  readonly outputId: string;
  readonly name: string;
  readonly priorities?: readonly JsonValue[];
  /** The column's `typeRef`, applied to each rule's output value (see `asTypeRef`). */
  readonly typeRef?: string;
}

/** A rule: one unary-tests text per input, one expression (`=` FEEL, `${}` JUEL; empty = null) per output. */
export interface DecisionRule {
  readonly ruleId: string;
  /** 1-based position in the table, as modelers show it. */
  readonly ruleIndex: number;
  readonly inputEntries: readonly string[];
  readonly outputEntries: readonly string[];
}

export interface DecisionTable {
  readonly kind: 'decisionTable';
  readonly hitPolicy: HitPolicy;
  readonly aggregation?: Aggregation;
  readonly inputs: readonly DecisionInput[];
  readonly outputs: readonly DecisionOutput[];
  readonly rules: readonly DecisionRule[];
}

export interface LiteralExpressionLogic {
  readonly kind: 'literalExpression';
  /** `=` FEEL or `${}` JUEL. */
  readonly expression: string;
}

/** One decision of a DRG: its logic and the decisions it requires (evaluated first, visible under their ids). */
export interface DecisionDefinition {
  readonly decisionId: string;
  readonly name?: string;
  readonly requiredDecisionIds: readonly string[];
  readonly logic: DecisionTable | LiteralExpressionLogic;
}

/** One `.dmn` file: a decision requirements graph (DRG) of decisions. */
export interface DecisionRequirements {
  /** The `<definitions id>`. */
  readonly decisionRequirementsId: string;
  readonly name?: string;
  /** Every decision of the file, by decision id. */
  readonly decisions: Readonly<Record<string, DecisionDefinition>>;
}

/** What {@link parseDmn} found: the DRG, unless an error-severity problem stopped it. */
export interface DmnResult {
  readonly requirements?: DecisionRequirements;
  readonly problems: readonly ModelProblem[];
}

import { evaluateExpression, evaluateUnaryTest, type EvalOptions, type JsonValue, type Variables } from '@baton/feel';
import type { Aggregation, DecisionDefinition, DecisionOutput, DecisionRule, DecisionTable } from './decision-definition.js';
import { asTypeRef } from './type-ref.js';
import type { DecisionFailure, EvaluatedInput, MatchedRule } from './decision-evaluation.js';

type TableOutcome = { ok: true; inputs: EvaluatedInput[]; matchedRules: MatchedRule[]; result: JsonValue } | DecisionFailure;

function unreachable(value: never): never {
  throw new Error(`bug: unhandled ${String(value)}`);
}

const fail = (message: string, ruleId?: string): DecisionFailure => ({ ok: false, message, ...(ruleId === undefined ? {} : { ruleId }) });
const ruleName = (rule: DecisionRule): string => `rule "${rule.ruleId}" (#${rule.ruleIndex})`;

/** A rule's result: the single output's value, or an object keyed by output name. */
function ruleResult(table: DecisionTable, rule: MatchedRule): JsonValue {
  const [only] = table.outputs;
  if (table.outputs.length === 1 && only !== undefined) return rule.outputs[only.name] ?? null;
  return { ...rule.outputs };
}

/**
 * Evaluates a decision table (DMN 1.3, 8.2): each input expression once, every
 * rule's unary tests against them, the outputs of the rules that match, then the
 * hit policy. Result shapes as the scenario spec v1.1 says: one rule's result or
 * `null` (UNIQUE, FIRST, ANY, PRIORITY), a list (COLLECT, RULE ORDER, OUTPUT ORDER),
 * a number (COLLECT with an aggregator; COUNT of nothing is 0, SUM/MIN/MAX of nothing null).
 */
export function evaluateTable(decision: DecisionDefinition, table: DecisionTable, variables: Variables, options: EvalOptions): TableOutcome {
  const name = `decision "${decision.decisionId}"`;
  const inputs: EvaluatedInput[] = [];
  for (const input of table.inputs) {
    const value = input.expression === '' ? { ok: true as const, value: null } : evaluateExpression(input.expression, variables, options);
    if (!value.ok) return fail(`${name}: input "${input.label ?? input.inputId}": ${value.message}`);
    const typed = asTypeRef(input.typeRef, value.value as JsonValue);
    if (!typed.ok) return fail(`${name}: input "${input.label ?? input.inputId}": ${typed.message}; pass a value of that type or change the input's typeRef`);
    inputs.push({ inputId: input.inputId, ...(input.label === undefined ? {} : { label: input.label }), value: typed.value });
  }
  const matchedRules: MatchedRule[] = [];
  for (const rule of table.rules) {
    const matches = ruleMatches(rule, inputs, variables, options);
    if (!matches.ok) return fail(`${name}, ${ruleName(rule)}: ${matches.message}`, rule.ruleId);
    if (!matches.value) continue;
    const outputs = ruleOutputs(table.outputs, rule, variables, options);
    if (!outputs.ok) return fail(`${name}, ${ruleName(rule)}: ${outputs.message}`, rule.ruleId);
    matchedRules.push({ ruleId: rule.ruleId, ruleIndex: rule.ruleIndex, outputs: outputs.value });
    if (table.hitPolicy === 'FIRST') break;
  }
  const hit = applyHitPolicy(name, table, matchedRules);
  return hit.ok ? { ok: true, inputs, matchedRules: hit.kept, result: hit.result } : hit;
}

function ruleMatches(rule: DecisionRule, inputs: readonly EvaluatedInput[], variables: Variables, options: EvalOptions): { ok: true; value: boolean } | { ok: false; message: string } {
  for (const [i, entry] of rule.inputEntries.entries()) {
    const tested = evaluateUnaryTest(entry, inputs[i]?.value ?? null, variables, options);
    if (!tested.ok) return { ok: false, message: `input entry ${i + 1}: ${tested.message}` };
    if (!tested.value) return { ok: true, value: false };
  }
  return { ok: true, value: true };
}

function ruleOutputs(
  outputs: readonly DecisionOutput[],
  rule: DecisionRule,
  variables: Variables,
  options: EvalOptions,
): { ok: true; value: Record<string, JsonValue> } | { ok: false; message: string } {
  const values: Record<string, JsonValue> = {};
  for (const [i, output] of outputs.entries()) {
    const text = rule.outputEntries[i] ?? '';
    const value = text === '' ? { ok: true as const, value: null } : evaluateExpression(text, variables, options);
    if (!value.ok) return { ok: false, message: `output "${output.name}": ${value.message}` };
    const typed = asTypeRef(output.typeRef, value.value as JsonValue);
    if (!typed.ok) return { ok: false, message: `output "${output.name}": ${typed.message}; make the rule's output entry that type or change the output's typeRef` };
    values[output.name] = typed.value;
  }
  return { ok: true, value: values };
}

type HitOutcome = { ok: true; kept: MatchedRule[]; result: JsonValue } | DecisionFailure;

function applyHitPolicy(name: string, table: DecisionTable, matched: MatchedRule[]): HitOutcome {
  const one = (rule: MatchedRule | undefined): HitOutcome => (rule === undefined ? { ok: true, kept: [], result: null } : { ok: true, kept: [rule], result: ruleResult(table, rule) });
  const list = (rules: MatchedRule[]): HitOutcome => ({ ok: true, kept: rules, result: rules.map((rule) => ruleResult(table, rule)) });
  switch (table.hitPolicy) {
    case 'UNIQUE': {
      const [first, second] = matched;
      if (second === undefined || first === undefined) return one(first);
      const which = matched.map((rule) => `"${rule.ruleId}" (#${rule.ruleIndex})`).join(', ');
      return fail(`${name}: hit policy UNIQUE but ${matched.length} rules match: ${which}; make the rules exclusive or choose another hit policy`, second.ruleId);
    }
    case 'FIRST':
      return one(matched[0]);
    case 'ANY': {
      const [first] = matched;
      const other = matched.find((rule) => first !== undefined && JSON.stringify(rule.outputs) !== JSON.stringify(first.outputs));
      if (first === undefined || other === undefined) return one(first);
      return fail(`${name}: hit policy ANY but rules "${first.ruleId}" (#${first.ruleIndex}) and "${other.ruleId}" (#${other.ruleIndex}) match with different outputs`, other.ruleId);
    }
    case 'PRIORITY':
      return one(byPriority(table, matched)[0]);
    case 'OUTPUT ORDER':
      return list(byPriority(table, matched));
    case 'RULE ORDER':
      return list(matched);
    case 'COLLECT':
      return table.aggregation === undefined ? list(matched) : aggregate(name, table, table.aggregation, matched);
    default:
      return unreachable(table.hitPolicy);
  }
}

/** Rules ordered by their outputs' rank in each output's listed values (first output first); stable. */
function byPriority(table: DecisionTable, matched: readonly MatchedRule[]): MatchedRule[] {
  const rank = (rule: MatchedRule): number[] =>
    table.outputs.map((output) => {
      const at = output.priorities?.findIndex((value) => JSON.stringify(value) === JSON.stringify(rule.outputs[output.name] ?? null)) ?? -1;
      return at === -1 ? Number.MAX_SAFE_INTEGER : at;
    });
  const compare = (a: number[], b: number[]): number => {
    for (const [i, value] of a.entries()) {
      const diff = value - (b[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  };
  return matched.map((rule) => ({ rule, rank: rank(rule) })).sort((a, b) => compare(a.rank, b.rank)).map((entry) => entry.rule);
}

function aggregate(name: string, table: DecisionTable, aggregation: Aggregation, matched: MatchedRule[]): HitOutcome {
  if (aggregation === 'COUNT') return { ok: true, kept: matched, result: matched.length };
  const output = table.outputs[0]?.name ?? '';
  const numbers: number[] = [];
  for (const rule of matched) {
    const value = rule.outputs[output] ?? null;
    if (value === null) continue;
    if (typeof value !== 'number') return fail(`${name}: COLLECT ${aggregation} needs numbers but rule "${rule.ruleId}" (#${rule.ruleIndex}) gives ${JSON.stringify(value)}`, rule.ruleId);
    numbers.push(value);
  }
  if (numbers.length === 0) return { ok: true, kept: matched, result: null };
  switch (aggregation) {
    case 'SUM':
      // FEEL sums decimals: 0.1 + 0.2 is 0.3, not the binary 0.30000000000000004.
      return { ok: true, kept: matched, result: Number(numbers.reduce((sum, value) => sum + value, 0).toPrecision(15)) };
    case 'MIN':
      return { ok: true, kept: matched, result: Math.min(...numbers) };
    case 'MAX':
      return { ok: true, kept: matched, result: Math.max(...numbers) };
    default:
      return unreachable(aggregation);
  }
}

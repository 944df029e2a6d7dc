import { checkExpression, evaluateExpression, type JsonValue } from '@baton/feel';
import { BpmnModdle, type ModdleInstance } from 'bpmn-moddle';
import { problem } from '../context.js';
import type { ModelProblem, ModelProblemCode } from '../definition.js';
import { deepFreeze } from '../freeze.js';
import { attr, child, children, describeModdleMessage, type ModdleElement } from '../moddle.js';
import type { Aggregation, DecisionDefinition, DecisionOutput, DecisionRule, DecisionTable, DmnResult, HitPolicy } from './decision-definition.js';
import { DMN_NS, dmnDescriptor } from './dmn-descriptor.js';
import { findCycle } from './required-decisions.js';

/** DMN 1.1 and 1.2 namespaces read as 1.3: the slice Baton reads is the same in all three. */
const olderNamespaces = ['http://www.omg.org/spec/DMN/20151101/dmn.xsd', 'https://www.omg.org/spec/DMN/20180521/MODEL/', 'http://www.omg.org/spec/DMN/20180521/MODEL/'];
const hitPolicies: readonly HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const aggregations: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

let moddle: ModdleInstance | undefined;

/** True for a resource name that is a DMN file (`.dmn`, `.dmn11.xml`). */
export function isDmnResource(name: string): boolean {
  return /\.dmn(\d*\.xml)?$/i.test(name);
}

/**
 * Reads a DMN 1.3 file (Camunda Modeler's output, Camunda 8 or 7 flavour; 1.1 and 1.2
 * read the same) into a decision requirements graph. Never throws for bad input:
 * every problem is in `problems` with the decision it concerns; `requirements` is
 * absent when any has severity `error`. Expressions are checked for syntax here;
 * unary tests are checked when they run (a failure there is an incident).
 */
export async function parseDmn(xml: string): Promise<DmnResult> {
  const problems: ModelProblem[] = [];
  let definitions: ModdleElement;
  try {
    moddle ??= BpmnModdle({ dmn: dmnDescriptor });
    const normalized = olderNamespaces.reduce((text, ns) => text.split(`"${ns}"`).join(`"${DMN_NS}"`), xml);
    const read = await moddle.fromXML(normalized, 'dmn:Definitions');
    definitions = read.rootElement as ModdleElement;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const hint = `; DMN files are <definitions xmlns="${DMN_NS}">`;
    return { problems: [problem('XML_INVALID', undefined, undefined, `the file is not readable DMN XML: ${describeModdleMessage(message)}${hint}`, 'error')] };
  }
  const report = (code: ModelProblemCode, elementId: string | undefined, message: string): void => {
    problems.push(problem(code, elementId, undefined, message, 'error'));
  };
  const decisions: Record<string, DecisionDefinition> = {};
  for (const node of children(definitions, 'drgElement').filter((e) => e.$type === 'dmn:Decision')) {
    const built = buildDecision(node, report);
    if (built !== undefined) decisions[built.decisionId] = built;
  }
  checkRequirements(decisions, report);
  if (Object.keys(decisions).length === 0 && problems.length === 0) report('NO_PROCESS', undefined, 'the file contains no decision; model a <decision> with a decision table or a literal expression');
  if (problems.length > 0) return deepFreeze({ problems });
  const name = attr(definitions, 'name');
  const requirements = { decisionRequirementsId: definitions.id ?? '', ...(name === undefined ? {} : { name }), decisions };
  return deepFreeze({ requirements, problems });
}

type Report = (code: ModelProblemCode, elementId: string | undefined, message: string) => void;

/** FEEL (the DMN 1.3 default) and, for expressions, JUEL (Camunda 7); other languages are refused at deploy. */
function languageOf(element: ModdleElement | undefined): string {
  return attr(element, 'expressionLanguage')?.trim().toLowerCase().replace(/^https:\/\/www\.omg\.org\/spec\/dmn\/20191111\/feel\/$/, 'feel') ?? 'feel';
}

/** `=text` for FEEL, `${text}` for an element marked JUEL (Camunda 7). */
function expressionOf(element: ModdleElement | undefined): string {
  const text = attr(element, 'text')?.trim() ?? '';
  if (text === '') return '';
  return languageOf(element) === 'juel' ? `\${${text}}` : `=${text}`;
}

/** Refuses an expression (or, with `allowJuel` false, unary tests) in a language Baton cannot evaluate. */
function checkLanguage(report: Report, decisionId: string, what: string, element: ModdleElement | undefined, allowJuel: boolean): void {
  const language = languageOf(element);
  if (language === 'feel' || (allowJuel && language === 'juel')) return;
  report('INVALID_EXPRESSION', decisionId, `decision "${decisionId}": ${what} is written in ${language}; Baton evaluates FEEL${allowJuel ? ' and JUEL' : ''} here, so rewrite it in FEEL`);
}

function checked(report: Report, decisionId: string, what: string, text: string): string {
  const why = text === '' ? undefined : checkExpression(text);
  if (why !== undefined) report('INVALID_EXPRESSION', decisionId, `decision "${decisionId}": ${what}: ${why}`);
  return text;
}

function buildDecision(node: ModdleElement, report: Report): DecisionDefinition | undefined {
  const decisionId = node.id ?? '';
  const name = attr(node, 'name');
  const requiredDecisionIds = children(node, 'informationRequirement')
    .map((requirement) => attr(child(requirement, 'requiredDecision'), 'href')?.replace(/^#/, ''))
    .filter((id): id is string => id !== undefined);
  const logicNode = child(node, 'decisionLogic');
  const base = { decisionId, ...(name === undefined ? {} : { name }), requiredDecisionIds };
  if (logicNode?.$type === 'dmn:LiteralExpression') {
    checkLanguage(report, decisionId, 'the literal expression', logicNode, true);
    const expression = checked(report, decisionId, 'literal expression', expressionOf(logicNode));
    if (expression === '') report('INVALID_DECISION', decisionId, `decision "${decisionId}": the literal expression is empty; write a FEEL expression`);
    return { ...base, logic: { kind: 'literalExpression', expression } };
  }
  if (logicNode?.$type === 'dmn:DecisionTable') {
    const logic = buildTable(decisionId, logicNode, report);
    return logic === undefined ? undefined : { ...base, logic };
  }
  report('UNSUPPORTED_ELEMENT', decisionId, `decision "${decisionId}" has no decision table or literal expression; Baton evaluates only these two`);
  return undefined;
}

function buildTable(decisionId: string, table: ModdleElement, report: Report): DecisionTable | undefined {
  const hitPolicy = (attr(table, 'hitPolicy') ?? 'UNIQUE').trim().toUpperCase().replace(/_/g, ' ') as HitPolicy;
  const aggregation = attr(table, 'aggregation')?.trim().toUpperCase() as Aggregation | undefined;
  if (!hitPolicies.includes(hitPolicy)) {
    report('INVALID_DECISION', decisionId, `decision "${decisionId}": unknown hit policy "${hitPolicy}"; use one of ${hitPolicies.join(', ')}`);
    return undefined;
  }
  if (aggregation !== undefined && (hitPolicy !== 'COLLECT' || !aggregations.includes(aggregation))) {
    report('INVALID_DECISION', decisionId, `decision "${decisionId}": aggregation "${aggregation}" needs hit policy COLLECT and one of ${aggregations.join(', ')}`);
    return undefined;
  }
  const inputs = children(table, 'input').map((input, i) => {
    const label = attr(input, 'label');
    checkLanguage(report, decisionId, `input ${i + 1}`, child(input, 'inputExpression'), true);
    const expression = checked(report, decisionId, `input ${i + 1}`, expressionOf(child(input, 'inputExpression')));
    const typeRef = attr(child(input, 'inputExpression'), 'typeRef');
    return { inputId: input.id ?? `input${i + 1}`, ...(label === undefined ? {} : { label }), expression, ...(typeRef === undefined ? {} : { typeRef }) };
  });
  const outputs = children(table, 'output').map((output, i) => buildOutput(decisionId, output, i, report));
  if (outputs.length === 0) report('INVALID_DECISION', decisionId, `decision "${decisionId}": the decision table has no output column; add one`);
  if (aggregation !== undefined && aggregation !== 'COUNT' && outputs.length > 1) {
    report('INVALID_DECISION', decisionId, `decision "${decisionId}": COLLECT ${aggregation} needs exactly one output column, found ${outputs.length}`);
  }
  const rules = children(table, 'rule').map((rule, i): DecisionRule => {
    const ruleId = rule.id ?? `rule${i + 1}`;
    const inputEntries = children(rule, 'inputEntry').map((entry, j) => {
      checkLanguage(report, decisionId, `rule "${ruleId}" input entry ${j + 1}`, entry, false);
      return attr(entry, 'text')?.trim() ?? '';
    });
    const outputEntries = children(rule, 'outputEntry').map((entry, j) => {
      checkLanguage(report, decisionId, `rule "${ruleId}" output ${j + 1}`, entry, true);
      return checked(report, decisionId, `rule "${ruleId}" output ${j + 1}`, expressionOf(entry));
    });
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) {
      report('INVALID_DECISION', decisionId, `decision "${decisionId}": rule "${ruleId}" (${i + 1}) has ${inputEntries.length} input and ${outputEntries.length} output entries; the table has ${inputs.length} inputs and ${outputs.length} outputs`);
    }
    return { ruleId, ruleIndex: i + 1, inputEntries, outputEntries };
  });
  return { kind: 'decisionTable', hitPolicy, ...(aggregation === undefined ? {} : { aggregation }), inputs, outputs, rules };
}

function buildOutput(decisionId: string, output: ModdleElement, i: number, report: Report): DecisionOutput {
  const outputId = output.id ?? `output${i + 1}`;
  const name = attr(output, 'name') ?? attr(output, 'label') ?? outputId;
  const typeRef = attr(output, 'typeRef');
  const typed = typeRef === undefined ? {} : { typeRef };
  const values = attr(child(output, 'outputValues'), 'text')?.trim();
  if (values === undefined || values === '') return { outputId, name, ...typed };
  // Output values are a comma-separated list of literals: as a FEEL list they give the priority order.
  const listed = evaluateExpression(`=[${values}]`, {});
  if (!listed.ok || !Array.isArray(listed.value)) {
    report('INVALID_EXPRESSION', decisionId, `decision "${decisionId}": output "${name}" values "${values}" are not a list of literals: ${listed.ok ? 'not a list' : listed.message}`);
    return { outputId, name, ...typed };
  }
  return { outputId, name, ...typed, priorities: listed.value as JsonValue[] };
}

function checkRequirements(decisions: Readonly<Record<string, DecisionDefinition>>, report: Report): void {
  for (const decision of Object.values(decisions)) {
    for (const required of decision.requiredDecisionIds) {
      if (decisions[required] === undefined) report('MISSING_REFERENCE', decision.decisionId, `decision "${decision.decisionId}" requires decision "${required}", which is not in this file`);
    }
  }
  const cycle = findCycle(decisions);
  if (cycle !== undefined) report('INVALID_DECISION', cycle[0], `decisions require each other in a cycle: ${cycle.join(' -> ')}; a decision requirement graph must be acyclic`);
}

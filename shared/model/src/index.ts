/**
 * @baton/model: BPMN 2.0 XML (Zeebe, Camunda 7 or plain) → validated, immutable
 * `ProcessDefinition`s, or problems that say what is wrong and what to do.
 */
export * from './definition.js';
export { parseBpmn, type ParseOptions } from './parse-bpmn.js';
export { isBpmnResource, mayBeBpmnFile } from './bpmn-files.js';
export { describeProblem } from './describe-problem.js';
export type * from './dmn/decision-definition.js';
export type * from './dmn/decision-evaluation.js';
export { isDmnResource, parseDmn } from './dmn/parse-dmn.js';
export { evaluateDecision } from './dmn/evaluate-decision.js';
export { mapDecisionResult } from './dmn/camunda-result.js';

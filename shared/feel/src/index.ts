/**
 * @baton/feel: expressions (FEEL through feelin, a Camunda 7 JUEL subset
 * translated to FEEL) and timer arithmetic (ISO 8601 durations, dates, repeating
 * intervals, Spring-style cron). Isomorphic and deterministic: time arrives as an
 * argument (`now`, epoch ms; also the clock of FEEL `now()`), calendar math is UTC.
 */
export type { EvalOptions, EvalResult, Variables } from './expression.js';
export { checkExpression, evaluateCondition, evaluateExpression, isExpression, withExpressionLimits } from './expression.js';
export type { ExpressionLimits, LimitName } from './limits.js';
export { defaultExpressionLimits } from './limits.js';
export type { TimerDefinition } from './timer.js';
export { checkTimer, nextCycleDue, parseDurationMs, timerDue } from './timer.js';
export type { JsonValue } from './to-json.js';
export { evaluateUnaryTest } from './unary-test.js';

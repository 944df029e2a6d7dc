import type { JsonValue } from '@baton/feel';
import { endElementInstance } from '../common/terminate.js';
import { evaluateDecision, mapDecisionResult, type CalledDecision, type DecisionEvaluation } from '@baton/model';
import { childKey } from '../../keys.js';
import type { DeployedDecisions } from '../../types/deployed-decision.js';
import { emit, ids, type Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { completeElement, completeWithVariables, leave } from '../common/complete.js';
import { evaluateString } from '../common/expressions.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';
import { activateJob } from './job-task.js';

/**
 * A business rule task that calls a DMN decision evaluates the latest deployed one
 * here, with no job (scenario spec v1.1): the evaluation goes to the history as
 * `DecisionEvaluated`, the result to `resultVariable` (Camunda 7: shaped by
 * `mapDecisionResult`). A decision that is not deployed or fails is an incident
 * whose message names the decision and rule. Without a decision it is a job.
 */
export const businessRuleTask: ElementBehavior<ElementOf<'businessRuleTask'>> = {
  activate(ctx, element, rec) {
    if (element.decision !== undefined) return evaluateCalledDecision(ctx, rec, element.decision);
    if (element.job !== undefined) return activateJob(ctx, rec, element.job);
    completeElement(ctx, rec.elementInstanceId);
  },
  complete: leave,
  terminate: endElementInstance,
};

function evaluateCalledDecision(ctx: Ctx, rec: ElementRecord, called: CalledDecision): void {
  const variables = visibleFrom(ctx.draft, rec.elementInstanceId);
  const decisionId = evaluateString(ctx.at, called.decisionId, variables, 'decision id', rec.elementId);
  if (!decisionId.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', decisionId.message, 'activate');
  const deployed = ctx.decisions?.(decisionId.value);
  if (deployed === undefined) {
    const message = `Expected to evaluate decision "${decisionId.value}" at business rule task "${rec.elementId}", but no decision with this id is deployed; deploy its DMN file, then resolve the incident.`;
    return raiseIncident(ctx, rec, 'CALLED_DECISION_ERROR', message, 'activate');
  }
  const evaluation = evaluateDecision(deployed.requirements, decisionId.value, variables, { now: ctx.at });
  recordEvaluation(ctx, rec, deployed, evaluation);
  if (!evaluation.ok) {
    const message = `Failed to evaluate decision "${evaluation.decisionId}"${evaluation.ruleId === undefined ? '' : ` (rule "${evaluation.ruleId}")`} at business rule task "${rec.elementId}": ${evaluation.message}`;
    return raiseIncident(ctx, rec, 'DECISION_EVALUATION_ERROR', message, 'activate');
  }
  let value: JsonValue = evaluation.result;
  if (called.mapDecisionResult !== undefined) {
    const mapped = mapDecisionResult(deployed.requirements, evaluation, called.mapDecisionResult);
    if (!mapped.ok) return raiseIncident(ctx, rec, 'DECISION_EVALUATION_ERROR', `Business rule task "${rec.elementId}": ${mapped.message}`, 'activate');
    value = mapped.value;
  }
  completeWithVariables(ctx, rec.elementInstanceId, called.resultVariable === undefined ? {} : { [called.resultVariable]: value });
}

/**
 * The evaluation as a `DecisionEvaluated` (version 2): its key, then one key per
 * decision instance, each evaluated decision in order and the failed one last.
 */
function recordEvaluation(ctx: Ctx, rec: ElementRecord, deployed: DeployedDecisions, evaluation: DecisionEvaluation): void {
  const first = ctx.draft.seq + 1;
  const key = (offset: number): string => childKey(ctx.draft.instanceId, first + offset);
  const definitionOf = (decisionId: string): { decisionKey?: string; decisionVersion?: number } => {
    const definition = deployed.definitions?.[decisionId];
    return definition === undefined ? {} : { decisionKey: definition.decisionKey, decisionVersion: definition.version };
  };
  const evaluatedDecisions = evaluation.evaluatedDecisions.map((decision, i) => ({ ...decision, decisionEvaluationInstanceKey: key(1 + i), ...definitionOf(decision.decisionId) }));
  const called = deployed.definitions?.[evaluation.decisionId];
  emit(ctx, {
    type: 'DecisionEvaluated',
    ...ids(rec),
    decisionEvaluationKey: key(0),
    decisionId: evaluation.decisionId,
    ...(called === undefined ? {} : { decisionKey: called.decisionKey }),
    decisionRequirementsId: deployed.requirements.decisionRequirementsId,
    decisionRequirementsKey: deployed.decisionRequirementsKey,
    decisionVersion: called?.version ?? deployed.version,
    ...(evaluation.ok
      ? { result: evaluation.result }
      : {
          failure: {
            decisionId: evaluation.decisionId,
            ...(evaluation.ruleId === undefined ? {} : { ruleId: evaluation.ruleId }),
            message: evaluation.message,
            decisionEvaluationInstanceKey: key(1 + evaluatedDecisions.length),
            ...definitionOf(evaluation.decisionId),
          },
        }),
    evaluatedDecisions,
  });
}

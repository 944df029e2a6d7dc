import type {
  DecisionDefinitionResult,
  DecisionDefinitionSearchQuery,
  DecisionDefinitionSearchQueryResult,
  DecisionEvaluationInstruction,
  DecisionInstanceDetail,
  DecisionInstanceSearchQuery,
  DecisionInstanceSearchQueryResult,
  DecisionRequirementsResult,
  DecisionRequirementsSearchQuery,
  DecisionRequirementsSearchQueryResult,
  EvaluateDecisionResult,
} from '@baton/api';

/**
 * The DMN operations of the HTTP facade (part of `EngineApi`, issue 16), in Camunda
 * 8.8's shapes (`@baton/api` decisions). Errors: `NOT_FOUND` for an unknown key.
 */
export interface DecisionsApi {
  searchDecisionDefinitions(query: DecisionDefinitionSearchQuery): Promise<DecisionDefinitionSearchQueryResult>;
  getDecisionDefinition(decisionDefinitionKey: string): Promise<DecisionDefinitionResult>;
  /** The XML of the DMN file the decision version came from. */
  getDecisionDefinitionXml(decisionDefinitionKey: string): Promise<string>;
  /** Evaluates outside any instance; a failing decision is an answer naming decision and rule, not an error. */
  evaluateDecision(instruction: DecisionEvaluationInstruction): Promise<EvaluateDecisionResult>;
  searchDecisionRequirements(query: DecisionRequirementsSearchQuery): Promise<DecisionRequirementsSearchQueryResult>;
  getDecisionRequirements(decisionRequirementsKey: string): Promise<DecisionRequirementsResult>;
  getDecisionRequirementsXml(decisionRequirementsKey: string): Promise<string>;
  /** Decisions evaluated by business rule tasks, from the instances' histories. */
  searchDecisionInstances(query: DecisionInstanceSearchQuery): Promise<DecisionInstanceSearchQueryResult>;
  getDecisionInstance(decisionEvaluationInstanceKey: string): Promise<DecisionInstanceDetail>;
}

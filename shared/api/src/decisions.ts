import { Type, type Static } from '@sinclair/typebox';
import { EnumFilter, Key, Literals, SearchQueryRequest, SearchQueryResult, SearchQuerySort, TenantId, Variables, keyParams } from './common.js';
import { DateTime } from './date-time.js';
import { operation } from './operation.js';

/**
 * DMN decisions in Camunda 8.8's shapes (issue 16): decision definitions (one deployed
 * version of a decision), decision requirements (one deployed version of a DMN file),
 * decision instances (one evaluated decision, in an instance or on its own), and the
 * standalone evaluation. Shapes as `rest-api.yaml` of 8.8; values of inputs, outputs
 * and results are JSON documents in strings, as Camunda sends them.
 */

const DecisionDefinitionType = Literals(['DECISION_TABLE', 'LITERAL_EXPRESSION', 'UNSPECIFIED', 'UNKNOWN']);
const DecisionInstanceState = Literals(['EVALUATED', 'FAILED', 'UNSPECIFIED', 'UNKNOWN']);

/** 8.8's `DecisionDefinitionResult`. */
export const DecisionDefinitionResult = Type.Object({
  decisionDefinitionId: Type.String({ description: 'The DMN decision id.' }),
  name: Type.Optional(Type.String()),
  version: Type.Integer({ minimum: 1, description: 'Per decision id: +1 for each changed DMN file holding it.' }),
  decisionRequirementsId: Type.String({ description: 'The id of the DMN file (`<definitions id>`) the decision is in.' }),
  tenantId: TenantId,
  decisionDefinitionKey: Key,
  decisionRequirementsKey: Key,
});
export type DecisionDefinitionResult = Static<typeof DecisionDefinitionResult>;

export const DecisionDefinitionFilter = Type.Partial(DecisionDefinitionResult, { additionalProperties: false, description: 'Every given field must equal.' });
export type DecisionDefinitionFilter = Static<typeof DecisionDefinitionFilter>;

export const decisionDefinitionSortFields = ['decisionDefinitionKey', 'decisionDefinitionId', 'name', 'version', 'decisionRequirementsId', 'decisionRequirementsKey', 'tenantId'] as const;
export const DecisionDefinitionSearchQuery = SearchQueryRequest(DecisionDefinitionFilter, SearchQuerySort(decisionDefinitionSortFields));
export type DecisionDefinitionSearchQuery = Static<typeof DecisionDefinitionSearchQuery>;
export const DecisionDefinitionSearchQueryResult = SearchQueryResult(DecisionDefinitionResult);
export type DecisionDefinitionSearchQueryResult = Static<typeof DecisionDefinitionSearchQueryResult>;

/** 8.8's `DecisionRequirementsResult`: a DMN file version. */
export const DecisionRequirementsResult = Type.Object({
  decisionRequirementsName: Type.Optional(Type.String()),
  version: Type.Integer({ minimum: 1, description: 'Per DRG id: +1 for each changed file.' }),
  decisionRequirementsId: Type.String(),
  resourceName: Type.String({ description: 'The deployed file.' }),
  tenantId: TenantId,
  decisionRequirementsKey: Key,
});
export type DecisionRequirementsResult = Static<typeof DecisionRequirementsResult>;

export const DecisionRequirementsFilter = Type.Partial(DecisionRequirementsResult, { additionalProperties: false, description: 'Every given field must equal.' });
export type DecisionRequirementsFilter = Static<typeof DecisionRequirementsFilter>;

export const decisionRequirementsSortFields = ['decisionRequirementsKey', 'decisionRequirementsName', 'version', 'decisionRequirementsId', 'tenantId'] as const;
export const DecisionRequirementsSearchQuery = SearchQueryRequest(DecisionRequirementsFilter, SearchQuerySort(decisionRequirementsSortFields));
export type DecisionRequirementsSearchQuery = Static<typeof DecisionRequirementsSearchQuery>;
export const DecisionRequirementsSearchQueryResult = SearchQueryResult(DecisionRequirementsResult);
export type DecisionRequirementsSearchQueryResult = Static<typeof DecisionRequirementsSearchQueryResult>;

/** One input of a decision table as evaluated: its value as a JSON document. */
export const EvaluatedDecisionInputItem = Type.Object({ inputId: Type.String(), inputName: Type.Optional(Type.String()), inputValue: Type.String() });
/** One output of a matched rule: its value as a JSON document. */
export const EvaluatedDecisionOutputItem = Type.Object({ outputId: Type.Optional(Type.String()), outputName: Type.String(), outputValue: Type.String() });
export const MatchedDecisionRuleItem = Type.Object({ ruleId: Type.String(), ruleIndex: Type.Integer({ minimum: 1 }), evaluatedOutputs: Type.Array(EvaluatedDecisionOutputItem) });

/** 8.8's `DecisionInstanceResult`: one evaluated decision. */
export const DecisionInstanceResult = Type.Object({
  decisionEvaluationInstanceKey: Key,
  state: DecisionInstanceState,
  evaluationDate: DateTime,
  evaluationFailure: Type.Optional(Type.String({ description: 'Why it failed, naming decision and rule.' })),
  decisionDefinitionId: Type.String(),
  decisionDefinitionName: Type.Optional(Type.String()),
  decisionDefinitionVersion: Type.Optional(Type.Integer()),
  decisionDefinitionType: DecisionDefinitionType,
  result: Type.String({ description: 'The decision\'s result as a JSON document (`null` when it failed).' }),
  tenantId: TenantId,
  decisionEvaluationKey: Key,
  processDefinitionKey: Type.Optional(Key),
  processInstanceKey: Type.Optional(Key),
  decisionDefinitionKey: Type.Optional(Key),
  elementInstanceKey: Type.Optional(Key),
});
export type DecisionInstanceResult = Static<typeof DecisionInstanceResult>;

/** 8.8's `DecisionInstanceGetQueryResult`: an instance with its inputs and matched rules. */
export const DecisionInstanceDetail = Type.Intersect([
  DecisionInstanceResult,
  Type.Object({ evaluatedInputs: Type.Array(EvaluatedDecisionInputItem), matchedRules: Type.Array(MatchedDecisionRuleItem) }),
]);
export type DecisionInstanceDetail = Static<typeof DecisionInstanceDetail>;

export const DecisionInstanceFilter = Type.Object(
  {
    decisionEvaluationInstanceKey: Type.Optional(Key),
    state: Type.Optional(EnumFilter(DecisionInstanceState)),
    evaluationFailure: Type.Optional(Type.String()),
    decisionDefinitionId: Type.Optional(Type.String()),
    decisionDefinitionName: Type.Optional(Type.String()),
    decisionDefinitionVersion: Type.Optional(Type.Integer()),
    decisionDefinitionType: Type.Optional(DecisionDefinitionType),
    tenantId: Type.Optional(TenantId),
    decisionEvaluationKey: Type.Optional(Key),
    processDefinitionKey: Type.Optional(Key),
    processInstanceKey: Type.Optional(Key),
    decisionDefinitionKey: Type.Optional(Type.Union([Key, Type.Object({ $eq: Key }, { additionalProperties: false })])),
    elementInstanceKey: Type.Optional(Type.Union([Key, Type.Object({ $eq: Key }, { additionalProperties: false })])),
  },
  { additionalProperties: false, description: 'Every given field must equal. Baton finds decision instances in instance histories: give processInstanceKey to read one instead of all.' },
);
export type DecisionInstanceFilter = Static<typeof DecisionInstanceFilter>;

export const decisionInstanceSortFields = ['decisionEvaluationInstanceKey', 'evaluationDate', 'decisionDefinitionId', 'decisionDefinitionVersion', 'processInstanceKey'] as const;
export const DecisionInstanceSearchQuery = SearchQueryRequest(DecisionInstanceFilter, SearchQuerySort(decisionInstanceSortFields));
export type DecisionInstanceSearchQuery = Static<typeof DecisionInstanceSearchQuery>;
export const DecisionInstanceSearchQueryResult = SearchQueryResult(DecisionInstanceResult);
export type DecisionInstanceSearchQueryResult = Static<typeof DecisionInstanceSearchQueryResult>;

/** 8.8's `DecisionEvaluationInstruction`: the latest version of a decision id, or a version by key. */
export const DecisionEvaluationInstruction = Type.Union([
  Type.Object({ decisionDefinitionId: Type.String({ minLength: 1 }), variables: Type.Optional(Variables), tenantId: Type.Optional(TenantId) }, { additionalProperties: false }),
  Type.Object({ decisionDefinitionKey: Key, variables: Type.Optional(Variables), tenantId: Type.Optional(TenantId) }, { additionalProperties: false }),
]);
export type DecisionEvaluationInstruction = Static<typeof DecisionEvaluationInstruction>;

/** 8.8's `EvaluatedDecisionResult`: one decision of a standalone evaluation. */
export const EvaluatedDecisionResult = Type.Object({
  decisionDefinitionId: Type.String(),
  decisionDefinitionName: Type.Optional(Type.String()),
  decisionDefinitionVersion: Type.Integer(),
  decisionDefinitionType: Type.String(),
  output: Type.String({ description: 'The decision\'s result as a JSON document.' }),
  tenantId: TenantId,
  matchedRules: Type.Array(MatchedDecisionRuleItem),
  evaluatedInputs: Type.Array(EvaluatedDecisionInputItem),
  decisionDefinitionKey: Key,
  decisionEvaluationInstanceKey: Key,
});

/** 8.8's `EvaluateDecisionResult`: a failed evaluation is an answer too, with `failedDecisionDefinitionId` and `failureMessage` set. */
export const EvaluateDecisionResult = Type.Object({
  decisionDefinitionId: Type.String(),
  decisionDefinitionName: Type.String(),
  decisionDefinitionVersion: Type.Integer(),
  decisionRequirementsId: Type.String(),
  output: Type.String({ description: 'The result as a JSON document (`null` when it failed).' }),
  failedDecisionDefinitionId: Type.String({ description: 'Empty unless the evaluation failed.' }),
  failureMessage: Type.String({ description: 'Empty unless the evaluation failed: names decision and rule.' }),
  tenantId: TenantId,
  decisionDefinitionKey: Key,
  decisionRequirementsKey: Key,
  decisionInstanceKey: Type.Optional(Key),
  decisionEvaluationKey: Key,
  evaluatedDecisions: Type.Array(EvaluatedDecisionResult),
});
export type EvaluateDecisionResult = Static<typeof EvaluateDecisionResult>;

const DmnXml = Type.String({ description: 'The DMN XML as deployed.' });
const definitionTags = ['decision definitions'];
const instanceTags = ['decision instances'];
const requirementsTags = ['decision requirements'];

/** The decision operations, each with its path, schemas and summary; routes and `/openapi.json` take them from here. */
export const decisionOperations = {
  searchDecisionDefinitions: operation({ method: 'POST', path: '/v2/decision-definitions/search', tags: definitionTags, summary: 'Search decision definitions (by decision id, then version, unless sorted)', body: DecisionDefinitionSearchQuery, response: DecisionDefinitionSearchQueryResult }),
  getDecisionDefinition: operation({ method: 'GET', path: '/v2/decision-definitions/:decisionDefinitionKey', tags: definitionTags, summary: 'Get a decision definition', params: keyParams('decisionDefinitionKey'), response: DecisionDefinitionResult }),
  getDecisionDefinitionXml: operation({ method: 'GET', path: '/v2/decision-definitions/:decisionDefinitionKey/xml', tags: definitionTags, summary: 'The DMN XML of the file holding a decision definition (text/xml)', params: keyParams('decisionDefinitionKey'), response: DmnXml }),
  evaluateDecision: operation({ method: 'POST', path: '/v2/decision-definitions/evaluation', tags: definitionTags, summary: 'Evaluate a decision outside any process instance', body: DecisionEvaluationInstruction, response: EvaluateDecisionResult }),
  searchDecisionRequirements: operation({ method: 'POST', path: '/v2/decision-requirements/search', tags: requirementsTags, summary: 'Search decision requirements (DMN file versions)', body: DecisionRequirementsSearchQuery, response: DecisionRequirementsSearchQueryResult }),
  getDecisionRequirements: operation({ method: 'GET', path: '/v2/decision-requirements/:decisionRequirementsKey', tags: requirementsTags, summary: 'Get decision requirements (a DMN file version)', params: keyParams('decisionRequirementsKey'), response: DecisionRequirementsResult }),
  getDecisionRequirementsXml: operation({ method: 'GET', path: '/v2/decision-requirements/:decisionRequirementsKey/xml', tags: requirementsTags, summary: 'The DMN XML of decision requirements (text/xml)', params: keyParams('decisionRequirementsKey'), response: DmnXml }),
  searchDecisionInstances: operation({ method: 'POST', path: '/v2/decision-instances/search', tags: instanceTags, summary: 'Search decision instances (decisions evaluated by business rule tasks)', body: DecisionInstanceSearchQuery, response: DecisionInstanceSearchQueryResult }),
  getDecisionInstance: operation({ method: 'GET', path: '/v2/decision-instances/:decisionEvaluationInstanceKey', tags: instanceTags, summary: 'Get a decision instance with its inputs and matched rules', params: keyParams('decisionEvaluationInstanceKey'), response: DecisionInstanceDetail }),
} as const;

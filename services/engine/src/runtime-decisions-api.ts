import { defaultTenantId, filterValue } from '@baton/api';
import type { DecisionDefinitionResult, DecisionInstanceDetail, DecisionInstanceFilter, DecisionRequirementsResult, EvaluateDecisionResult } from '@baton/api';
import { instanceKeyOf, type DecisionEvaluated, type InstanceEvent } from '@baton/core';
import { BatonError, isBatonError } from '@baton/errors';
import type { EvaluatedDecision } from '@baton/model';
import type { DecisionDefinitionRecord, DecisionRequirementsRecord, Engine, InstanceSummary } from '@baton/runtime';
import type { DecisionsApi } from './decisions-api.js';
import { everyItem, matchesEvery, searchPage, searchWindow, sortBy } from './search-page.js';

const iso = (epochMs: number): string => new Date(epochMs).toISOString();
const json = (value: unknown): string => JSON.stringify(value ?? null);

/** A decision version in 8.8's shape (also a deployment's `decisionDefinition`). */
export function definitionResult(d: DecisionDefinitionRecord): DecisionDefinitionResult {
  return {
    decisionDefinitionId: d.decisionId,
    ...(d.name === undefined ? {} : { name: d.name }),
    version: d.version,
    decisionRequirementsId: d.decisionRequirementsId,
    tenantId: defaultTenantId,
    decisionDefinitionKey: d.decisionKey,
    decisionRequirementsKey: d.decisionRequirementsKey,
  };
}

/** A DMN file version in 8.8's shape (also a deployment's `decisionRequirements`). */
export function requirementsResult(r: DecisionRequirementsRecord): DecisionRequirementsResult {
  return {
    ...(r.name === undefined ? {} : { decisionRequirementsName: r.name }),
    version: r.version,
    decisionRequirementsId: r.decisionRequirementsId,
    resourceName: r.resourceName,
    tenantId: defaultTenantId,
    decisionRequirementsKey: r.decisionRequirementsKey,
  };
}

const typeOf = (decision: EvaluatedDecision | undefined) => (decision === undefined ? 'UNSPECIFIED' : decision.decisionType === 'literalExpression' ? 'LITERAL_EXPRESSION' : 'DECISION_TABLE');
const inputsOf = (decision: EvaluatedDecision) => decision.inputs.map((input) => ({ inputId: input.inputId, ...(input.label === undefined ? {} : { inputName: input.label }), inputValue: json(input.value) }));
const rulesOf = (decision: EvaluatedDecision) =>
  decision.matchedRules.map((rule) => ({
    ruleId: rule.ruleId,
    ruleIndex: rule.ruleIndex,
    evaluatedOutputs: Object.entries(rule.outputs).map(([outputName, value]) => ({ outputName, outputValue: json(value) })),
  }));

/** The decision instances one `DecisionEvaluated` (version 2) records: each evaluated decision, then the failed one. */
function instancesOf(event: DecisionEvaluated, instance: Pick<InstanceSummary, 'instanceId' | 'definitionKey'>): DecisionInstanceDetail[] {
  if (event.decisionEvaluationKey === undefined) return []; // version 1 recorded no keys
  const common = {
    evaluationDate: iso(event.at),
    tenantId: defaultTenantId,
    decisionEvaluationKey: event.decisionEvaluationKey,
    processDefinitionKey: instance.definitionKey,
    processInstanceKey: instance.instanceId,
    elementInstanceKey: event.elementInstanceId,
  };
  const found: DecisionInstanceDetail[] = event.evaluatedDecisions.map((decision) => ({
    ...common,
    decisionEvaluationInstanceKey: decision.decisionEvaluationInstanceKey,
    state: 'EVALUATED',
    decisionDefinitionId: decision.decisionId,
    ...(decision.decisionName === undefined ? {} : { decisionDefinitionName: decision.decisionName }),
    ...(decision.decisionVersion === undefined ? {} : { decisionDefinitionVersion: decision.decisionVersion }),
    ...(decision.decisionKey === undefined ? {} : { decisionDefinitionKey: decision.decisionKey }),
    decisionDefinitionType: typeOf(decision),
    result: json(decision.result),
    evaluatedInputs: inputsOf(decision),
    matchedRules: rulesOf(decision),
  }));
  const failure = event.failure;
  if (failure !== undefined) {
    found.push({
      ...common,
      decisionEvaluationInstanceKey: failure.decisionEvaluationInstanceKey,
      state: 'FAILED',
      evaluationFailure: `${failure.message}${failure.ruleId === undefined ? '' : ` (rule "${failure.ruleId}")`}`,
      decisionDefinitionId: failure.decisionId,
      ...(failure.decisionVersion === undefined ? {} : { decisionDefinitionVersion: failure.decisionVersion }),
      ...(failure.decisionKey === undefined ? {} : { decisionDefinitionKey: failure.decisionKey }),
      decisionDefinitionType: 'UNSPECIFIED',
      result: 'null',
      evaluatedInputs: [],
      matchedRules: [],
    });
  }
  return found;
}

function matchesInstance(found: DecisionInstanceDetail, f: DecisionInstanceFilter): boolean {
  const fields = ['decisionEvaluationInstanceKey', 'evaluationFailure', 'decisionDefinitionId', 'decisionDefinitionName', 'decisionDefinitionType', 'tenantId', 'decisionEvaluationKey', 'processDefinitionKey', 'processInstanceKey'] as const;
  return (
    matchesEvery(f, found, fields) &&
    (f.decisionDefinitionVersion === undefined || f.decisionDefinitionVersion === found.decisionDefinitionVersion) &&
    [filterValue(f.state), filterValue(f.decisionDefinitionKey)].every((wanted, i) => wanted === undefined || wanted === [found.state, found.decisionDefinitionKey][i]) &&
    (filterValue(f.elementInstanceKey) === undefined || filterValue(f.elementInstanceKey) === found.elementInstanceKey)
  );
}

/**
 * The decision operations of the HTTP facade on `@baton/runtime`'s Engine. Decision
 * instances live in the instances' histories (`DecisionEvaluated`): a search with
 * `processInstanceKey` reads that history, one without reads every instance's, and a
 * get reads the one instance its key names.
 */
export function runtimeDecisionsApi(engine: Engine): DecisionsApi {
  const definitionByKey = async (key: string): Promise<DecisionDefinitionRecord> => {
    const found = (await engine.listDecisionDefinitions()).find((d) => d.decisionKey === key);
    if (found === undefined) throw new BatonError('NOT_FOUND', `No deployed decision definition "${key}"; search the decision definitions to see what is deployed.`, { decisionDefinitionKey: key });
    return found;
  };
  const requirementsByKey = async (key: string) => {
    const found = await engine.getDecisionRequirements(key);
    if (found === undefined) throw new BatonError('NOT_FOUND', `No deployed decision requirements "${key}"; search the decision requirements to see what is deployed.`, { decisionRequirementsKey: key });
    return found;
  };
  const historyOf = (instanceId: string): Promise<InstanceEvent[]> =>
    everyItem(async (page) => {
      const found = await engine.getHistory(instanceId, page);
      return { items: found.items.map((entry) => entry.event), ...(found.nextOffset === undefined ? {} : { nextOffset: found.nextOffset }) };
    });
  const decisionInstancesOf = async (instance: InstanceSummary): Promise<DecisionInstanceDetail[]> =>
    (await historyOf(instance.instanceId)).flatMap((event) => (event.type === 'DecisionEvaluated' ? instancesOf(event, instance) : []));
  const instancesFor = async (processInstanceKey: string | undefined): Promise<InstanceSummary[]> => {
    if (processInstanceKey === undefined) return everyItem((page) => engine.searchInstances(page));
    const { state } = await engine.getInstance(processInstanceKey).catch((error: unknown) => {
      if (isBatonError(error) && error.code === 'INSTANCE_NOT_FOUND') return { state: undefined };
      throw error;
    });
    return state === undefined ? [] : [{ instanceId: state.instanceId, processId: state.processId, definitionKey: state.definitionKey, rootInstanceId: state.instanceId, status: state.status, startedAt: state.startedAt, version: 0 }];
  };
  const page = <T>(all: T[], request: { readonly page?: Parameters<typeof searchWindow>[0] }) => {
    const window = searchWindow(request.page);
    return searchPage(all.slice(window.offset, window.offset + window.limit), all.length, window.offset);
  };

  return {
    async searchDecisionDefinitions(query) {
      const f = query.filter ?? {};
      const fields = ['decisionDefinitionId', 'name', 'decisionRequirementsId', 'tenantId', 'decisionDefinitionKey', 'decisionRequirementsKey'] as const;
      const found = (await engine.listDecisionDefinitions()).map(definitionResult).filter((d) => matchesEvery(f, d, fields) && (f.version === undefined || f.version === d.version));
      return page(sortBy(sortBy(found, [{ field: 'decisionDefinitionId' }, { field: 'version' }]), query.sort), query);
    },
    getDecisionDefinition: async (key) => definitionResult(await definitionByKey(key)),
    async getDecisionDefinitionXml(key) {
      return (await requirementsByKey((await definitionByKey(key)).decisionRequirementsKey)).xml;
    },
    async evaluateDecision(instruction) {
      const which = 'decisionDefinitionKey' in instruction ? { decisionKey: instruction.decisionDefinitionKey } : { decisionId: instruction.decisionDefinitionId };
      const done = await engine.evaluateDecision({ ...which, variables: instruction.variables ?? {} });
      const evaluationKey = await engine.newKey();
      const { evaluation } = done;
      const evaluatedDecisions: EvaluateDecisionResult['evaluatedDecisions'] = [];
      for (const decision of evaluation.evaluatedDecisions) {
        const definition = done.definitions[decision.decisionId];
        evaluatedDecisions.push({
          decisionDefinitionId: decision.decisionId,
          ...(decision.decisionName === undefined ? {} : { decisionDefinitionName: decision.decisionName }),
          decisionDefinitionVersion: definition?.version ?? done.decisionVersion,
          decisionDefinitionType: typeOf(decision),
          output: json(decision.result),
          tenantId: defaultTenantId,
          matchedRules: rulesOf(decision),
          evaluatedInputs: inputsOf(decision),
          decisionDefinitionKey: definition?.decisionKey ?? done.decisionKey,
          decisionEvaluationInstanceKey: await engine.newKey(),
        });
      }
      const root = evaluatedDecisions.find((d) => d.decisionDefinitionId === done.decisionId);
      return {
        decisionDefinitionId: done.decisionId,
        decisionDefinitionName: done.decisionName ?? done.decisionId,
        decisionDefinitionVersion: done.decisionVersion,
        decisionRequirementsId: done.decisionRequirementsId,
        output: evaluation.ok ? json(evaluation.result) : 'null',
        failedDecisionDefinitionId: evaluation.ok ? '' : evaluation.decisionId,
        failureMessage: evaluation.ok ? '' : `${evaluation.message}${evaluation.ruleId === undefined ? '' : ` (rule "${evaluation.ruleId}")`}`,
        tenantId: defaultTenantId,
        decisionDefinitionKey: done.decisionKey,
        decisionRequirementsKey: done.decisionRequirementsKey,
        ...(root === undefined ? {} : { decisionInstanceKey: root.decisionEvaluationInstanceKey }),
        decisionEvaluationKey: evaluationKey,
        evaluatedDecisions,
      };
    },
    async searchDecisionRequirements(query) {
      const f = query.filter ?? {};
      const fields = ['decisionRequirementsName', 'decisionRequirementsId', 'tenantId', 'decisionRequirementsKey', 'resourceName'] as const;
      const found = (await engine.listDecisionRequirements()).map(requirementsResult).filter((r) => matchesEvery(f, r, fields) && (f.version === undefined || f.version === r.version));
      return page(sortBy(found, query.sort), query);
    },
    getDecisionRequirements: async (key) => requirementsResult((await requirementsByKey(key)).record),
    getDecisionRequirementsXml: async (key) => (await requirementsByKey(key)).xml,
    async searchDecisionInstances(query) {
      const f = query.filter ?? {};
      const found: DecisionInstanceDetail[] = [];
      for (const instance of await instancesFor(f.processInstanceKey)) found.push(...(await decisionInstancesOf(instance)));
      const matching = found.filter((d) => matchesInstance(d, f)).map(({ evaluatedInputs: _inputs, matchedRules: _rules, ...summary }) => summary);
      return page(sortBy(matching, query.sort), query);
    },
    async getDecisionInstance(key) {
      const instanceKey = instanceKeyOf(key);
      const instances = instanceKey === undefined ? [] : await instancesFor(instanceKey);
      for (const instance of instances) {
        const found = (await decisionInstancesOf(instance)).find((d) => d.decisionEvaluationInstanceKey === key);
        if (found !== undefined) return found;
      }
      throw new BatonError('NOT_FOUND', `No decision instance "${key}"; search the decision instances of a process instance to find its keys.`, { decisionEvaluationInstanceKey: key });
    },
  };
}

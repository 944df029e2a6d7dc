import { parseDmn, type DecisionRequirements } from '@baton/model';
import { describe, expect, it } from 'vitest';
import { end, io, seq, start, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';
import type { DecisionLookup } from '../../types/deployed-decision.js';

const discountDmn = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="discounts" name="Discounts" namespace="x">
  <decision id="discount" name="Discount">
    <decisionTable hitPolicy="UNIQUE">
      <input id="in1" label="Amount"><inputExpression typeRef="number"><text>amount</text></inputExpression></input>
      <output id="out1" name="rate" typeRef="number" />
      <rule id="small"><inputEntry><text>&lt; 100</text></inputEntry><outputEntry><text>0</text></outputEntry></rule>
      <rule id="large"><inputEntry><text>&gt;= 100</text></inputEntry><outputEntry><text>0.1</text></outputEntry></rule>
      <rule id="huge"><inputEntry><text>&gt;= 1000</text></inputEntry><outputEntry><text>0.2</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>`;

const zeebeTask = `<bpmn:businessRuleTask id="rate"><bpmn:extensionElements><zeebe:calledDecision decisionId="discount" resultVariable="discount" /></bpmn:extensionElements></bpmn:businessRuleTask>`;

const camundaProcess = (mapping: string): string => `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="x">
<bpmn:process id="P" isExecutable="true">${start()}<bpmn:businessRuleTask id="rate" camunda:decisionRef="discount" camunda:resultVariable="discount" camunda:mapDecisionResult="${mapping}" />${end()}${seq('start', 'rate', 'end')}</bpmn:process></bpmn:definitions>`;

async function lookup(xml: string): Promise<DecisionLookup> {
  const { requirements, problems } = await parseDmn(xml);
  expect(problems).toEqual([]);
  const found = requirements as DecisionRequirements;
  const definitions = { discount: { decisionKey: '8', version: 3 } };
  return (decisionId) => (found.decisions[decisionId] === undefined ? undefined : { requirements: found, version: 1, decisionRequirementsKey: '7', definitions });
}

async function engineWith(bpmn: string, decisions?: DecisionLookup): Promise<TestEngine> {
  const engine = await TestEngine.of(bpmn);
  if (decisions !== undefined) engine.decideOptions = { decisions };
  return engine;
}

describe('business rule task with a called decision', () => {
  it('evaluates the decision in the engine, records it and completes with the result variable', async () => {
    // given
    const engine = await engineWith(zeebe([start(), zeebeTask, end(), seq('start', 'rate', 'end')].join('')), await lookup(discountDmn));
    // when
    engine.start('P', { amount: 150 });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.variables).toEqual({ amount: 150, discount: 0.1 });
    expect(engine.completed()).toEqual(['end', 'rate', 'start']);
    expect(engine.effects.filter((e) => e.type === 'EnqueueJob')).toEqual([]);
    const evaluated = engine.events().find((e) => e.type === 'DecisionEvaluated');
    expect(evaluated).toMatchObject({
      v: 2,
      elementId: 'rate',
      decisionId: 'discount',
      decisionKey: '8',
      decisionRequirementsId: 'discounts',
      decisionRequirementsKey: '7',
      decisionVersion: 3,
      result: 0.1,
      evaluatedDecisions: [
        { decisionId: 'discount', decisionKey: '8', decisionVersion: 3, inputs: [{ inputId: 'in1', value: 150 }], matchedRules: [{ ruleId: 'large', ruleIndex: 2, outputs: { rate: 0.1 } }], result: 0.1 },
      ],
    });
    // the evaluation and its decision instance each took a fresh key of the instance
    const keys = [evaluated?.type === 'DecisionEvaluated' ? evaluated.decisionEvaluationKey : '', ...(evaluated?.type === 'DecisionEvaluated' ? evaluated.evaluatedDecisions.map((d) => d.decisionEvaluationInstanceKey) : [])];
    expect(new Set(keys).size).toBe(2);
    expect(keys.every((key) => key.length > 0)).toBe(true);
  });

  it('raises an incident naming the decision and rules when UNIQUE matches twice', async () => {
    // given
    const engine = await engineWith(zeebe([start(), zeebeTask, end(), seq('start', 'rate', 'end')].join('')), await lookup(discountDmn));
    // when
    engine.start('P', { amount: 5000 });
    // then
    expect(engine.waiting()).toEqual(['rate']);
    const [incident] = Object.values(engine.state.incidents);
    expect(incident).toMatchObject({ errorType: 'DECISION_EVALUATION_ERROR', elementId: 'rate' });
    expect(incident?.errorMessage).toContain('decision "discount" (rule "huge")');
    expect(incident?.errorMessage).toContain('"large" (#2), "huge" (#3)');
    expect(engine.events().find((e) => e.type === 'DecisionEvaluated')).toMatchObject({ decisionId: 'discount', failure: { decisionId: 'discount', ruleId: 'huge', decisionKey: '8' }, evaluatedDecisions: [] });
  });

  it('raises CALLED_DECISION_ERROR when no such decision is deployed', async () => {
    // given
    const engine = await engineWith(zeebe([start(), zeebeTask, end(), seq('start', 'rate', 'end')].join('')));
    // when
    engine.start('P', { amount: 1 });
    // then
    expect(Object.values(engine.state.incidents)).toMatchObject([{ errorType: 'CALLED_DECISION_ERROR', elementId: 'rate' }]);
    expect(engine.events().some((e) => e.type === 'DecisionEvaluated')).toBe(false);
  });

  it.each([
    ['singleEntry', 0.1],
    ['singleResult', { rate: 0.1 }],
    ['collectEntries', [0.1]],
    ['resultList', [{ rate: 0.1 }]],
  ])('Camunda 7 mapDecisionResult %s', async (mapping, expected) => {
    // given
    const engine = await engineWith(camundaProcess(mapping), await lookup(discountDmn));
    // when
    engine.start('P', { amount: 150 });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.variables['discount']).toEqual(expected);
  });

  it('with output mappings, the result variable is local and the mappings decide what leaves the task', async () => {
    // given
    const mapped = `<bpmn:businessRuleTask id="rate"><bpmn:extensionElements><zeebe:calledDecision decisionId="discount" resultVariable="discount" />${io([], [['=discount * 100', 'percent']])}</bpmn:extensionElements></bpmn:businessRuleTask>`;
    const engine = await engineWith(zeebe([start(), mapped, end(), seq('start', 'rate', 'end')].join('')), await lookup(discountDmn));
    // when
    engine.start('P', { amount: 150 });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.variables).toEqual({ amount: 150, percent: 10 });
  });
});

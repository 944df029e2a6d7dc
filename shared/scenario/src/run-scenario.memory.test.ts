import { describe, expect, it } from 'vitest';
import { runScenario } from './run-scenario.js';
import type { Action, Expectation, Scenario, Step } from './types.js';

/** A process `p` whose body is the given BPMN flow elements (Zeebe flavour). */
function model(body: string, id = 'p'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="d-${id}" targetNamespace="http://baton.dev/test">
  <bpmn:message id="m-paid" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

/** start -> charge (service task) -> approve (user task) -> end. */
const order = model(`
  <bpmn:startEvent id="start" />
  <bpmn:serviceTask id="charge"><bpmn:extensionElements><zeebe:taskDefinition type="charge" /></bpmn:extensionElements></bpmn:serviceTask>
  <bpmn:userTask id="approve" />
  <bpmn:endEvent id="end" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="charge" />
  <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="approve" />
  <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />`);

/** start -> wait1 (timer PT10M) -> wait2 (timer PT10M) -> task -> end. */
const twoTimers = model(`
  <bpmn:startEvent id="start" />
  <bpmn:intermediateCatchEvent id="wait1"><bpmn:timerEventDefinition><bpmn:timeDuration>PT10M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="wait2"><bpmn:timerEventDefinition><bpmn:timeDuration>PT10M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:userTask id="task" />
  <bpmn:endEvent id="end" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait1" />
  <bpmn:sequenceFlow id="f2" sourceRef="wait1" targetRef="wait2" />
  <bpmn:sequenceFlow id="f3" sourceRef="wait2" targetRef="task" />
  <bpmn:sequenceFlow id="f4" sourceRef="task" targetRef="end" />`);

/** start -> task -> receive (message "paid", key orderId) -> end. */
const payment = model(`
  <bpmn:startEvent id="start" />
  <bpmn:userTask id="task" />
  <bpmn:receiveTask id="receive" messageRef="m-paid" />
  <bpmn:endEvent id="end" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
  <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="receive" />
  <bpmn:sequenceFlow id="f3" sourceRef="receive" targetRef="end" />`);

const act = (action: Action, expectRejected = false): Step => ({ kind: 'action', action, expectRejected });
const expectThat = (expectation: Expectation): Step => ({ kind: 'expectation', expectation });
const start = (variables: Record<string, unknown> = {}): Step => act({ type: 'start', variables });
const waiting = (...elementIds: string[]): Step => expectThat({ type: 'expectWaiting', elementIds });
const completeJob = (element: string, variables: Record<string, unknown> = {}): Action => ({ type: 'completeJob', element, variables });
const completeUserTask = (element: string): Action => ({ type: 'completeUserTask', element, variables: {} });

function scenario(xml: string, steps: Step[]): Scenario {
  return { name: 'inline', bpmn: [{ path: 'inline.bpmn', file: '/inline.bpmn', xml }], clockMs: Date.parse('2026-01-01T00:00:00Z'), steps };
}

describe('runScenario on the in-memory engine', () => {
  it('drives an instance to its end and checks what completed', async () => {
    const result = await runScenario(
      scenario(order, [
        start({ amount: 150 }),
        waiting('charge'),
        act(completeJob('charge', { receipt: 'r-1' })),
        waiting('approve'),
        act(completeUserTask('approve')),
        expectThat({ type: 'expectState', state: 'completed' }),
        expectThat({ type: 'expectCompleted', elementIds: ['start', 'charge', 'approve', 'end'] }),
        expectThat({ type: 'expectVariables', variables: { amount: 150, receipt: 'r-1' } }),
        waiting(),
      ]),
    );
    expect(result).toMatchObject({ name: 'inline', passed: true });
  });

  it('says what it expected and what it found', async () => {
    const result = await runScenario(scenario(order, [start(), waiting('approve')]));
    expect(result).toMatchObject({ passed: false, failedStep: 2, failedStepKind: 'expectWaiting', message: 'expected waiting [approve] but found [charge]' });
  });

  it('fails on an absent variable expected to be null', async () => {
    const result = await runScenario(scenario(order, [start(), expectThat({ type: 'expectVariables', variables: { receipt: null } })]));
    expect(result.message).toBe('expected variable receipt = null but found absent');
  });

  it('accepts a refused step that expects it, with the instance unchanged', async () => {
    const result = await runScenario(
      scenario(order, [start(), act(completeJob('charge')), act(completeJob('charge'), true), act(completeUserTask('charge'), true), waiting('approve')]),
    );
    expect(result.passed).toBe(true);
  });

  it('fails a refused step that does not expect it', async () => {
    const result = await runScenario(scenario(order, [start(), act(completeJob('charge')), act(completeJob('charge'))]));
    expect(result).toMatchObject({ passed: false, failedStep: 3, failedStepKind: 'completeJob' });
    expect(result.message).toMatch(/^refused: JOB_NOT_OPEN: /);
  });

  it('fires every timer due within one advanceTime, including one created during it', async () => {
    const result = await runScenario(
      scenario(twoTimers, [
        start(),
        waiting('wait1'),
        act({ type: 'advanceTime', duration: 'PT9M' }),
        waiting('wait1'),
        act({ type: 'advanceTime', duration: 'PT15M' }),
        waiting('task'),
        expectThat({ type: 'expectCompleted', elementIds: ['start', 'wait1', 'wait2'] }),
      ]),
    );
    expect(result).toMatchObject({ passed: true });
  });

  it('keeps a message with a time to live for a subscription that opens later, and drops one without', async () => {
    const steps = (timeToLive: string | undefined): Step[] => [
      start({ orderId: 'o-1' }),
      act({ type: 'correlateMessage', name: 'paid', correlationKey: 'o-1', variables: {}, ...(timeToLive === undefined ? {} : { timeToLive }) }),
      act(completeUserTask('task')),
      waiting(),
      expectThat({ type: 'expectState', state: 'completed' }),
    ];
    expect((await runScenario(scenario(payment, steps('PT1H')))).passed).toBe(true);
    expect(await runScenario(scenario(payment, steps(undefined)))).toMatchObject({ failedStep: 4, message: 'expected waiting [] but found [receive]' });
  });

  it('counts a model that fails validation as failed, without a step', async () => {
    const result = await runScenario(scenario(model('<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="split" /><bpmn:sequenceFlow id="f" sourceRef="start" targetRef="split" />'), [start()]));
    expect(result.passed).toBe(false);
    expect(result.failedStep).toBeUndefined();
    expect(result.message).toMatch(/^cannot deploy: MODEL_INVALID: .*split/);
  });

  it('reports a cancelled instance as cancelled', async () => {
    const result = await runScenario(scenario(order, [start(), act({ type: 'cancel' }), expectThat({ type: 'expectState', state: 'cancelled' }), waiting()]));
    expect(result.passed).toBe(true);
  });

  it('deploys .dmn files listed in bpmn (v1.1) and evaluates a business rule task without a job', async () => {
    // given a DMN file listed first, then the process calling its decision
    const dmn = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="risk" name="Risk" namespace="x">
      <decision id="riskLevel" name="Risk level"><decisionTable hitPolicy="COLLECT" aggregation="SUM">
        <input id="i1"><inputExpression typeRef="number"><text>amount</text></inputExpression></input>
        <output id="o1" name="points" typeRef="number" />
        <rule id="r1"><inputEntry><text>&gt; 100</text></inputEntry><outputEntry><text>10</text></outputEntry></rule>
        <rule id="r2"><inputEntry><text>&gt; 1000</text></inputEntry><outputEntry><text>50</text></outputEntry></rule>
      </decisionTable></decision></definitions>`;
    const process = model(`
      <bpmn:startEvent id="start" />
      <bpmn:businessRuleTask id="score"><bpmn:extensionElements><zeebe:calledDecision decisionId="riskLevel" resultVariable="points" /></bpmn:extensionElements></bpmn:businessRuleTask>
      <bpmn:endEvent id="end" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
      <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="end" />`);
    const files = [
      { path: 'risk.dmn', file: '/risk.dmn', xml: dmn },
      { path: 'score.bpmn', file: '/score.bpmn', xml: process },
    ];
    // when
    const result = await runScenario({
      ...scenario(process, [
        start({ amount: 5000 }),
        expectThat({ type: 'expectState', state: 'completed' }),
        expectThat({ type: 'expectCompleted', elementIds: ['start', 'score', 'end'] }),
        expectThat({ type: 'expectVariables', variables: { points: 60 } }),
      ]),
      bpmn: files,
    });
    // then
    expect(result).toMatchObject({ passed: true });
  });
});

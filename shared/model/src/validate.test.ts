import { describe, expect, it } from 'vitest';
import { around, processXml } from './__fixtures__/bpmn.js';
import type { ModelProblem } from './index.js';
import { parseBpmn } from './index.js';

async function problemsOf(body: string, extra = '', flavour: 'zeebe' | 'camunda' | 'plain' = 'plain'): Promise<readonly ModelProblem[]> {
  return (await parseBpmn(processXml(body, { extra, flavour }))).problems;
}

const task = (id: string): string => `<bpmn:task id="${id}" />`;
const gatewayWith = (flows: string, gateway = '<bpmn:exclusiveGateway id="G" />'): string =>
  `<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f0" sourceRef="S" targetRef="G" />${gateway}${flows}<bpmn:endEvent id="A" /><bpmn:endEvent id="B" />`;

describe('validation problems', () => {
  it.each([
    ['complex gateway', around('<bpmn:complexGateway id="X" />', 'X'), 'bpmn:complexGateway "X"'],
    ['ad-hoc subprocess', around('<bpmn:adHocSubProcess id="X" />', 'X'), 'bpmn:adHocSubProcess "X"'],
    ['a conditional start event of the process', '<bpmn:startEvent id="X"><bpmn:conditionalEventDefinition><bpmn:condition>${a}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id="f" sourceRef="X" targetRef="E" /><bpmn:endEvent id="E" />', 'conditional start event'],
    ['standard loop', around('<bpmn:task id="X"><bpmn:standardLoopCharacteristics /></bpmn:task>', 'X'), 'bpmn:standardLoopCharacteristics'],
  ])('refuses %s with UNSUPPORTED_ELEMENT naming it', async (_name, body, named) => {
    const problems = await problemsOf(body, '', 'zeebe');
    const problem = problems.find((p) => p.code === 'UNSUPPORTED_ELEMENT');
    expect(problem).toMatchObject({ elementId: 'X', processId: 'P', severity: 'error' });
    expect(problem?.message).toContain(named);
  });

  it.each([
    ['no condition', '<bpmn:condition />', 'MISSING_EVENT_DETAIL', 'has no condition'],
    ['a script condition', '<bpmn:condition language="js">next(null, true)</bpmn:condition>', 'INVALID_EXPRESSION', 'js script'],
    ['a plain text condition', '<bpmn:condition>ready</bpmn:condition>', 'INVALID_EXPRESSION', 'plain text'],
  ])('refuses a conditional catch event with %s', async (_name, condition, code, message) => {
    const body = around(`<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition>${condition}</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>`, 'X');
    const problem = (await problemsOf(body, '', 'zeebe')).find((p) => p.code === code);
    expect(problem).toMatchObject({ elementId: 'X', severity: 'error' });
    expect(problem?.message).toContain(message);
  });

  it('reads conditional events with their variable filters (zeebe:conditionalFilter, camunda:variableName/variableEvents)', async () => {
    // given
    const zeebe = around(
      '<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition><bpmn:extensionElements><zeebe:conditionalFilter variableNames="a, b" variableEvents="create" /></bpmn:extensionElements><bpmn:condition>= a > b</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>',
      'X',
    );
    const camunda = around('<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition camunda:variableName="a" camunda:variableEvents="update, delete"><bpmn:condition>${a}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>', 'X');
    // when
    const [fromZeebe] = (await parseBpmn(processXml(zeebe, { flavour: 'zeebe' }))).processes;
    const [fromCamunda] = (await parseBpmn(processXml(camunda, { flavour: 'camunda' }))).processes;
    // then
    expect(fromZeebe?.elements['X']).toMatchObject({ event: { type: 'conditional', condition: '= a > b', variableNames: ['a', 'b'], variableEvents: ['create'] } });
    expect(fromCamunda?.elements['X']).toMatchObject({ event: { type: 'conditional', condition: '${a}', variableNames: ['a'], variableEvents: ['update'] } });
  });

  it('reads a business rule task calling a decision (zeebe, camunda) and one with a job', async () => {
    // given
    const zeebe = around('<bpmn:businessRuleTask id="X"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask>', 'X');
    const camunda = around('<bpmn:businessRuleTask id="X" camunda:decisionRef="d" camunda:resultVariable="r" camunda:mapDecisionResult="singleEntry" />', 'X');
    const job = around('<bpmn:businessRuleTask id="X"><bpmn:extensionElements><zeebe:taskDefinition type="rules" /></bpmn:extensionElements></bpmn:businessRuleTask>', 'X');
    // when
    const [zeebeTask, camundaTask, jobTask] = await Promise.all(
      [
        [zeebe, 'zeebe'],
        [camunda, 'camunda'],
        [job, 'zeebe'],
      ].map(async ([body, flavour]) => (await parseBpmn(processXml(body ?? '', { flavour: flavour as 'zeebe' | 'camunda' }))).processes[0]?.elements['X']),
    );
    // then
    expect(zeebeTask).toMatchObject({ type: 'businessRuleTask', decision: { decisionId: 'd', resultVariable: 'r' } });
    expect(camundaTask).toMatchObject({ type: 'businessRuleTask', decision: { decisionId: 'd', resultVariable: 'r', mapDecisionResult: 'singleEntry' } });
    expect(jobTask).toMatchObject({ type: 'businessRuleTask', job: { type: 'rules' } });
    expect(jobTask).not.toHaveProperty('decision');
  });

  it.each([
    ['a zeebe:calledDecision without resultVariable', '<bpmn:businessRuleTask id="X"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" /></bpmn:extensionElements></bpmn:businessRuleTask>', 'zeebe', 'MISSING_REFERENCE'],
    ['an unknown camunda:mapDecisionResult', '<bpmn:businessRuleTask id="X" camunda:decisionRef="d" camunda:mapDecisionResult="everything" />', 'camunda', 'INVALID_EXPRESSION'],
  ] as const)('refuses %s', async (_name, body, flavour, code) => {
    expect(await problemsOf(around(body, 'X'), '', flavour)).toContainEqual(expect.objectContaining({ code, elementId: 'X', severity: 'error' }));
  });

  it('does not object to data objects, annotations, associations and groups', async () => {
    const body = `${around(task('T'), 'T')}<bpmn:dataObject id="DO" /><bpmn:dataObjectReference id="DOR" dataObjectRef="DO" />
      <bpmn:textAnnotation id="TA"><bpmn:text>note</bpmn:text></bpmn:textAnnotation><bpmn:association id="AS" sourceRef="T" targetRef="TA" /><bpmn:group id="GR" />`;
    expect(await problemsOf(body)).toEqual([]);
  });

  it('refuses a process without start event with NO_START_EVENT', async () => {
    const problems = await problemsOf('<bpmn:task id="T" /><bpmn:sequenceFlow id="f" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />');
    expect(problems).toContainEqual(expect.objectContaining({ code: 'NO_START_EVENT', elementId: 'P', severity: 'error' }));
  });

  it('refuses an embedded subprocess without none start event', async () => {
    const problems = await problemsOf(around('<bpmn:subProcess id="Sub"><bpmn:task id="In" /></bpmn:subProcess>', 'Sub'));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'NO_START_EVENT', elementId: 'Sub', severity: 'error' }));
  });

  it('refuses a gateway without outgoing flow, and only warns for a task (implicit end)', async () => {
    const gateway = await problemsOf('<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="Gateway_1" /><bpmn:parallelGateway id="Gateway_1" />');
    expect(gateway).toEqual([expect.objectContaining({ code: 'NO_OUTGOING_FLOW', elementId: 'Gateway_1', severity: 'error' })]);
    expect(gateway[0]?.message).toContain('no outgoing sequence flow from "Gateway_1"');
    const taskEnd = await problemsOf('<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="T" /><bpmn:task id="T" />');
    expect(taskEnd).toEqual([expect.objectContaining({ code: 'NO_OUTGOING_FLOW', elementId: 'T', severity: 'warning' })]);
  });

  it('warns about an element no flow reaches with NO_INCOMING_FLOW', async () => {
    const problems = await problemsOf(`${around(task('T'), 'T')}<bpmn:task id="Orphan" /><bpmn:sequenceFlow id="f9" sourceRef="Orphan" targetRef="E" />`);
    expect(problems).toEqual([expect.objectContaining({ code: 'NO_INCOMING_FLOW', elementId: 'Orphan', severity: 'warning' })]);
  });

  it.each([
    ['timer', '<bpmn:intermediateCatchEvent id="X" name="Wait"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>', 'timer "Wait" (X) has no timeDuration, timeDate or timeCycle'],
    ['message', '<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>', 'has no message name'],
    ['message without name', '<bpmn:receiveTask id="X" messageRef="M0" />', 'message "M0" has no name'],
    ['signal', '<bpmn:intermediateCatchEvent id="X"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>', 'has no signal name'],
    ['link', '<bpmn:intermediateCatchEvent id="X"><bpmn:linkEventDefinition /></bpmn:intermediateCatchEvent>', 'has no link name'],
    ['error end', '<bpmn:endEvent id="X"><bpmn:errorEventDefinition /></bpmn:endEvent>', 'throws no error code'],
    ['catch without definition', '<bpmn:intermediateCatchEvent id="X" />', 'has no event definition'],
  ])('refuses a %s event without its detail with MISSING_EVENT_DETAIL', async (_name, element, message) => {
    const problems = await problemsOf(around(element, 'X'), '<bpmn:message id="M0" />');
    const problem = problems.find((p) => p.code === 'MISSING_EVENT_DETAIL');
    expect(problem).toMatchObject({ elementId: 'X', severity: 'error' });
    expect(problem?.message).toContain(message);
  });

  it.each([
    ['a flow to an unknown id', `${around(task('T'), 'T')}<bpmn:sequenceFlow id="bad" sourceRef="T" targetRef="Nowhere" />`, 'bad'],
    ['a default flow that does not leave its gateway', gatewayWith('<bpmn:sequenceFlow id="a" sourceRef="G" targetRef="A" />', '<bpmn:exclusiveGateway id="G" default="f0" />'), 'G'],
    ['a boundary attached to nothing', `${around(task('T'), 'T')}<bpmn:boundaryEvent id="BE" attachedToRef="Ghost"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`, 'BE'],
    ['a link throw without catch', around('<bpmn:intermediateThrowEvent id="LT"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateThrowEvent>', 'LT'), 'LT'],
    ['a call activity without called process', around('<bpmn:callActivity id="CA" />', 'CA'), 'CA'],
  ])('refuses %s with MISSING_REFERENCE', async (_name, body, elementId) => {
    const problems = await problemsOf(body);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'MISSING_REFERENCE', elementId, severity: 'error' }));
  });

  it.each([
    ['a FEEL condition with a syntax error', '<bpmn:conditionExpression>= a &gt;</bpmn:conditionExpression>', 'condition of "a"'],
    ['a JavaScript condition', '<bpmn:conditionExpression language="javascript">next(null, true)</bpmn:conditionExpression>', 'javascript script'],
    ['a plain-text condition', '<bpmn:conditionExpression>approved</bpmn:conditionExpression>', 'plain text'],
  ])('refuses %s with INVALID_EXPRESSION', async (_name, condition, message) => {
    const body = gatewayWith(`<bpmn:sequenceFlow id="a" sourceRef="G" targetRef="A">${condition}</bpmn:sequenceFlow><bpmn:sequenceFlow id="b" sourceRef="G" targetRef="B" />`, '<bpmn:exclusiveGateway id="G" default="b" />');
    const problem = (await problemsOf(body)).find((p) => p.code === 'INVALID_EXPRESSION');
    expect(problem).toMatchObject({ elementId: 'a', severity: 'error' });
    expect(problem?.message).toContain(message);
  });

  it('refuses an exclusive gateway with an unconditional non-default flow with INVALID_GATEWAY', async () => {
    const body = gatewayWith('<bpmn:sequenceFlow id="a" sourceRef="G" targetRef="A"><bpmn:conditionExpression>=x</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="b" sourceRef="G" targetRef="B" />');
    expect(await problemsOf(body)).toEqual([expect.objectContaining({ code: 'INVALID_GATEWAY', elementId: 'G', severity: 'error' })]);
  });

  it('refuses an event-based gateway leading to a task with INVALID_GATEWAY', async () => {
    const body = gatewayWith('<bpmn:sequenceFlow id="a" sourceRef="G" targetRef="T" /><bpmn:task id="T" /><bpmn:sequenceFlow id="t" sourceRef="T" targetRef="A" />', '<bpmn:eventBasedGateway id="G" />');
    const problems = await problemsOf(body);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'INVALID_GATEWAY', elementId: 'G', severity: 'error' }));
  });

  it.each([
    ['a non-interrupting error boundary', `${around(task('T'), 'T')}<bpmn:boundaryEvent id="BE" attachedToRef="T" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`],
    ['a boundary on a gateway', `${gatewayWith('<bpmn:sequenceFlow id="a" sourceRef="G" targetRef="A" />', '<bpmn:parallelGateway id="G" />')}<bpmn:boundaryEvent id="BE" attachedToRef="G"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`],
  ])('refuses %s with INVALID_BOUNDARY', async (_name, body) => {
    expect(await problemsOf(body)).toContainEqual(expect.objectContaining({ code: 'INVALID_BOUNDARY', elementId: 'BE', severity: 'error' }));
  });
});

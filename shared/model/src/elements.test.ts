import { describe, expect, it } from 'vitest';
import { around, processXml, type Flavour } from './__fixtures__/bpmn.js';
import type { FlowElement } from './index.js';
import { parseBpmn } from './index.js';

/** Parses start → element X → end and returns X, failing on any error problem. */
async function elementX(element: string, options: { flavour?: Flavour; extra?: string; id?: string } = {}): Promise<FlowElement> {
  const id = options.id ?? 'X';
  const result = await parseBpmn(processXml(around(element, id), options));
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.processes[0]!.elements[id]!;
}

const ext = (inner: string): string => `<bpmn:extensionElements>${inner}</bpmn:extensionElements>`;

describe('events', () => {
  it('resolves message names and the zeebe correlation key', async () => {
    const extra = `<bpmn:message id="M" name="paid">${ext('<zeebe:subscription correlationKey="=orderId" />')}</bpmn:message>`;
    const x = await elementX('<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>', { flavour: 'zeebe', extra });
    expect(x).toMatchObject({ type: 'intermediateCatchEvent', event: { type: 'message', messageName: 'paid', correlationKey: '=orderId' } });
  });

  it('has no correlation key in a Camunda 7 message', async () => {
    const x = await elementX('<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>', { flavour: 'camunda', extra: '<bpmn:message id="M" name="paid" />' });
    expect(x).toMatchObject({ event: { type: 'message', messageName: 'paid' } });
    expect(x.type === 'intermediateCatchEvent' && x.event.type === 'message' ? x.event.correlationKey : 'x').toBeUndefined();
  });

  it.each([
    ['timeDuration', 'PT5M'],
    ['timeDate', '2030-01-01T00:00:00Z'],
    ['timeCycle', 'R3/PT1H'],
  ])('reads a timer %s body', async (field, text) => {
    const x = await elementX(`<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition><bpmn:${field} xsi:type="bpmn:tFormalExpression">${text}</bpmn:${field}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`);
    expect(x).toMatchObject({ event: { type: 'timer', [field]: text } });
  });

  it('reads signal, escalation, error, terminate and link definitions', async () => {
    const extra = '<bpmn:signal id="Sg" name="alarm" /><bpmn:escalation id="Es" escalationCode="late" /><bpmn:error id="Er" errorCode="E42" />';
    const signal = await elementX('<bpmn:intermediateThrowEvent id="X"><bpmn:signalEventDefinition signalRef="Sg" /></bpmn:intermediateThrowEvent>', { extra });
    expect(signal).toMatchObject({ event: { type: 'signal', signalName: 'alarm' } });
    const escalation = await elementX('<bpmn:intermediateThrowEvent id="X"><bpmn:escalationEventDefinition escalationRef="Es" /></bpmn:intermediateThrowEvent>', { extra });
    expect(escalation).toMatchObject({ event: { type: 'escalation', escalationCode: 'late' } });
    const terminate = await parseBpmn(processXml('<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="X" /><bpmn:endEvent id="X"><bpmn:terminateEventDefinition /></bpmn:endEvent>'));
    expect(terminate.processes[0]?.elements['X']).toMatchObject({ type: 'endEvent', event: { type: 'terminate' } });
    const error = await parseBpmn(processXml('<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="X" /><bpmn:endEvent id="X"><bpmn:errorEventDefinition errorRef="Er" /></bpmn:endEvent>', { extra }));
    expect(error.processes[0]?.elements['X']).toMatchObject({ event: { type: 'error', errorCode: 'E42' } });
  });

  it('attaches boundary events to their activity, with camunda error variables', async () => {
    const body = `${around('<bpmn:serviceTask id="T" />', 'T')}
      <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:errorEventDefinition errorRef="Er" camunda:errorCodeVariable="code" camunda:errorMessageVariable="msg" /></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="fb" sourceRef="B" targetRef="E" />`;
    const result = await parseBpmn(processXml(body, { flavour: 'camunda', extra: '<bpmn:error id="Er" errorCode="E42" />' }));
    expect(result.problems).toEqual([]);
    const p = result.processes[0]!;
    expect(p.elements['T']?.boundaryEventIds).toEqual(['B']);
    expect(p.elements['B']).toMatchObject({ type: 'boundaryEvent', attachedToId: 'T', cancelActivity: true, event: { type: 'error', errorCode: 'E42', errorCodeVariable: 'code', errorMessageVariable: 'msg' } });
  });

  it('makes message throws and message end events jobs', async () => {
    const x = await elementX(`<bpmn:intermediateThrowEvent id="X"><bpmn:messageEventDefinition />${ext('<zeebe:taskDefinition type="notify" />')}</bpmn:intermediateThrowEvent>`, { flavour: 'zeebe' });
    expect(x).toMatchObject({ type: 'intermediateThrowEvent', event: { type: 'message' }, job: { type: 'notify', retries: '3' } });
    const end = await parseBpmn(processXml('<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="X" /><bpmn:endEvent id="X"><bpmn:messageEventDefinition camunda:type="external" camunda:topic="mail" /></bpmn:endEvent>', { flavour: 'camunda' }));
    expect(end.processes[0]?.elements['X']).toMatchObject({ type: 'endEvent', job: { type: 'mail' } });
  });
});

describe('tasks', () => {
  it('reads a zeebe job: FEEL type, retries, headers and io mappings', async () => {
    const x = await elementX(
      `<bpmn:serviceTask id="X">${ext(`<zeebe:taskDefinition type="=kind" retries="5" /><zeebe:taskHeaders><zeebe:header key="k" value="v" /></zeebe:taskHeaders>
        <zeebe:ioMapping><zeebe:input source="=a" target="b" /><zeebe:output source="=c" target="d" /></zeebe:ioMapping>`)}</bpmn:serviceTask>`,
      { flavour: 'zeebe' },
    );
    expect(x).toMatchObject({ job: { type: '=kind', retries: '5', headers: { k: 'v' } }, inputs: [{ source: '=a', target: 'b' }], outputs: [{ source: '=c', target: 'd' }] });
  });

  it('defaults the job type to the element id, and reads camunda input/output', async () => {
    const x = await elementX(
      `<bpmn:sendTask id="X">${ext(`<camunda:inputOutput><camunda:inputParameter name="lit">hello</camunda:inputParameter><camunda:inputParameter name="ex">\${a + 1}</camunda:inputParameter>
        <camunda:inputParameter name="list"><camunda:list><camunda:value>x</camunda:value></camunda:list></camunda:inputParameter><camunda:outputParameter name="out">\${r}</camunda:outputParameter></camunda:inputOutput>`)}</bpmn:sendTask>`,
      { flavour: 'camunda' },
    );
    expect(x).toMatchObject({ type: 'sendTask', job: { type: 'X', retries: '3', headers: {} } });
    expect(x.inputs).toEqual([
      { source: 'hello', target: 'lit' },
      { source: '${a + 1}', target: 'ex' },
      { source: '=["x"]', target: 'list' },
    ]);
    expect(x.outputs).toEqual([{ source: '${r}', target: 'out' }]);
  });

  it('runs a zeebe:script in the core and other script formats as jobs', async () => {
    const feel = await elementX(`<bpmn:scriptTask id="X">${ext('<zeebe:script expression="=a + 1" resultVariable="b" />')}</bpmn:scriptTask>`, { flavour: 'zeebe' });
    expect(feel).toMatchObject({ type: 'scriptTask', script: { expression: '=a + 1', resultVariable: 'b' } });
    const groovy = await elementX('<bpmn:scriptTask id="X" scriptFormat="groovy" camunda:resultVariable="r"><bpmn:script>x + 1</bpmn:script></bpmn:scriptTask>', { flavour: 'camunda' });
    expect(groovy).toMatchObject({ type: 'scriptTask', job: { type: 'script:groovy', headers: { script: 'x + 1', resultVariable: 'r' } } });
  });

  it('reads a zeebe user task with assignment, schedule and an embedded form', async () => {
    const body = around(
      `<bpmn:userTask id="X">${ext(`<zeebe:assignmentDefinition assignee="=owner" candidateGroups="sales, ops" candidateUsers="=users" />
        <zeebe:taskSchedule dueDate="=due" /><zeebe:priorityDefinition priority="70" /><zeebe:formDefinition formKey="camunda-forms:bpmn:form1" />`)}</bpmn:userTask>`,
      'X',
    );
    const xml = processXml(body, { flavour: 'zeebe' }).replace('<bpmn:process id="P" isExecutable="true">', `<bpmn:process id="P" isExecutable="true">${ext('<zeebe:userTaskForm id="form1">{"components":[]}</zeebe:userTaskForm>')}`);
    const result = await parseBpmn(xml);
    expect(result.problems).toEqual([]);
    expect(result.processes[0]?.elements['X']).toMatchObject({
      type: 'userTask',
      userTask: { assignee: '=owner', candidateGroups: 'sales, ops', candidateUsers: '=users', dueDate: '=due', priority: '70', formKey: 'camunda-forms:bpmn:form1', formJson: '{"components":[]}', formFields: [] },
    });
  });

  it('reads the form id of a zeebe user task whose form is deployed alongside', async () => {
    const body = around(`<bpmn:userTask id="X">${ext('<zeebe:formDefinition formId="approval-form" />')}</bpmn:userTask>`, 'X');
    const result = await parseBpmn(processXml(body, { flavour: 'zeebe' }));
    expect(result.problems).toEqual([]);
    const element = result.processes[0]?.elements['X'];
    expect(element).toMatchObject({ type: 'userTask', userTask: { formKey: 'approval-form', formId: 'approval-form' } });
    expect(element).not.toHaveProperty('userTask.formJson');
  });

  it('reads a camunda user task with form fields', async () => {
    const x = await elementX(
      `<bpmn:userTask id="X" camunda:assignee="\${initiator}" camunda:candidateGroups="management" camunda:formKey="embedded:app:forms/a.html">${ext(`<camunda:formData>
        <camunda:formField id="amount" label="Amount" type="long" defaultValue="1"><camunda:validation><camunda:constraint name="min" config="1" /></camunda:validation></camunda:formField>
        <camunda:formField id="kind" type="enum"><camunda:value id="a" name="A" /></camunda:formField></camunda:formData>`)}</bpmn:userTask>`,
      { flavour: 'camunda' },
    );
    expect(x).toMatchObject({
      userTask: {
        assignee: '${initiator}',
        candidateGroups: 'management',
        formKey: 'embedded:app:forms/a.html',
        formFields: [
          { id: 'amount', label: 'Amount', type: 'long', defaultValue: '1', validation: [{ name: 'min', config: '1' }] },
          { id: 'kind', type: 'enum', values: [{ id: 'a', name: 'A' }] },
        ],
      },
    });
  });

  it('reads a receive task message', async () => {
    const x = await elementX('<bpmn:receiveTask id="X" messageRef="M" />', { extra: '<bpmn:message id="M" name="reply" />' });
    expect(x).toMatchObject({ type: 'receiveTask', message: { messageName: 'reply' } });
  });
});

describe('gateways, subprocesses, call activities, multi-instance', () => {
  it('keeps the default flow and conditions of an exclusive gateway', async () => {
    const body = `<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f0" sourceRef="S" targetRef="G" /><bpmn:exclusiveGateway id="G" default="b" />
      <bpmn:sequenceFlow id="a" sourceRef="G" targetRef="A"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${amount &gt; 100}</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="b" sourceRef="G" targetRef="B" /><bpmn:endEvent id="A" /><bpmn:endEvent id="B" />`;
    const result = await parseBpmn(processXml(body, { flavour: 'camunda' }));
    expect(result.problems).toEqual([]);
    const p = result.processes[0]!;
    expect(p.elements['G']).toMatchObject({ type: 'exclusiveGateway', defaultFlowId: 'b', outgoing: ['a', 'b'] });
    expect(p.flows['a']?.condition).toBe('${amount > 100}');
    expect(p.flows['b']?.condition).toBeUndefined();
  });

  it('reads a zeebe call activity', async () => {
    const x = await elementX(`<bpmn:callActivity id="X">${ext('<zeebe:calledElement processId="child" propagateAllChildVariables="false" />')}</bpmn:callActivity>`, { flavour: 'zeebe' });
    expect(x).toMatchObject({ type: 'callActivity', calledElement: 'child', propagateAllParentVariables: true, propagateAllChildVariables: false });
  });

  it('reads a camunda call activity with in/out variables', async () => {
    const x = await elementX(`<bpmn:callActivity id="X" calledElement="child">${ext('<camunda:in variables="all" /><camunda:in source="a" target="b" /><camunda:out sourceExpression="${x}" target="y" />')}</bpmn:callActivity>`, { flavour: 'camunda' });
    expect(x).toMatchObject({ calledElement: 'child', propagateAllParentVariables: true, propagateAllChildVariables: false, inputs: [{ source: '=a', target: 'b' }], outputs: [{ source: '${x}', target: 'y' }] });
  });

  it.each([
    ['zeebe', `<bpmn:multiInstanceLoopCharacteristics isSequential="true">${ext('<zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=r" />')}<bpmn:completionCondition>=done</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>`, { isSequential: true, inputCollection: '=items', inputElement: 'item', outputCollection: 'results', outputElement: '=r', completionCondition: '=done' }],
    ['camunda', '<bpmn:multiInstanceLoopCharacteristics camunda:collection="items" camunda:elementVariable="item" />', { isSequential: false, inputCollection: '=items', inputElement: 'item' }],
    ['plain', '<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>', { isSequential: false, loopCardinality: '=3' }],
  ] as const)('reads %s multi-instance', async (flavour, loop, expected) => {
    const x = await elementX(`<bpmn:serviceTask id="X">${loop}</bpmn:serviceTask>`, { flavour });
    expect(x.multiInstance).toEqual(expected);
  });

  it('reads an embedded subprocess and an event subprocess', async () => {
    const x = await elementX('<bpmn:subProcess id="X"><bpmn:startEvent id="XS" /><bpmn:sequenceFlow id="xf" sourceRef="XS" targetRef="XE" /><bpmn:endEvent id="XE" /></bpmn:subProcess>');
    expect(x).toMatchObject({ type: 'subProcess', triggeredByEvent: false });
  });
});

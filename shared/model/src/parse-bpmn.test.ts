import { describe, expect, it } from 'vitest';
import { around, definitions, processXml } from './__fixtures__/bpmn.js';
import { parseBpmn } from './index.js';

const errorsOf = (result: { problems: readonly { severity: string; code: string }[] }): string[] =>
  result.problems.filter((p) => p.severity === 'error').map((p) => p.code);

describe('parseBpmn: descriptor choice', () => {
  it('reads a Zeebe file with its zeebe extensions', async () => {
    // given a zeebe-flavoured service task
    const xml = processXml(around('<bpmn:serviceTask id="T"><bpmn:extensionElements><zeebe:taskDefinition type="charge" /></bpmn:extensionElements></bpmn:serviceTask>', 'T'), { flavour: 'zeebe' });
    // when
    const result = await parseBpmn(xml);
    // then
    expect(result.problems).toEqual([]);
    expect(result.processes[0]?.elements['T']).toMatchObject({ type: 'serviceTask', job: { type: 'charge' } });
  });

  it('reads a Camunda 7 file with its camunda extensions', async () => {
    const xml = processXml(around('<bpmn:serviceTask id="T" camunda:type="external" camunda:topic="charge" />', 'T'), { flavour: 'camunda' });
    const result = await parseBpmn(xml);
    expect(result.problems).toEqual([]);
    expect(result.processes[0]?.elements['T']).toMatchObject({ type: 'serviceTask', job: { type: 'charge' } });
  });

  it('reads a file that declares both namespaces but uses only zeebe', async () => {
    const body = around('<bpmn:serviceTask id="T"><bpmn:extensionElements><zeebe:taskDefinition type="z" /></bpmn:extensionElements></bpmn:serviceTask>', 'T');
    const xml = processXml(body, { flavour: 'zeebe' }).replace('xmlns:zeebe=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe=');
    const result = await parseBpmn(xml);
    expect(result.processes).toHaveLength(1);
    expect(result.processes[0]?.elements['T']).toMatchObject({ job: { type: 'z' } });
  });
});

describe('parseBpmn: file-level problems', () => {
  it('refuses text that is not XML with XML_INVALID and a position', async () => {
    const result = await parseBpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x"></bpmn:definitions>');
    expect(result.processes).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'XML_INVALID', severity: 'error' });
    expect(result.problems[0]?.message).toMatch(/line 1, column \d+/);
  });

  it('refuses an empty string and a foreign namespace with XML_INVALID', async () => {
    expect(errorsOf(await parseBpmn(''))).toEqual(['XML_INVALID']);
    const foreign = await parseBpmn('<definitions xmlns="http://schema.omg.org/spec/BPMN/2.0"><process id="P" /></definitions>');
    expect(foreign.problems[0]?.message).toContain('http://www.omg.org/spec/BPMN/20100524/MODEL');
  });

  it('refuses a file without process with NO_PROCESS', async () => {
    expect(errorsOf(await parseBpmn(definitions('<bpmn:message id="M" name="m" />')))).toEqual(['NO_PROCESS']);
  });

  it('reports DUPLICATE_ID naming the id', async () => {
    const result = await parseBpmn(processXml(around('<bpmn:task id="T" /><bpmn:task id="T" />', 'T')));
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_ID', elementId: 'T', severity: 'error' }));
  });
});

describe('parseBpmn: executable flag', () => {
  const body = '<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="E" /><bpmn:endEvent id="E" />';

  it('refuses isExecutable="false" with NOT_EXECUTABLE telling how to allow it', async () => {
    const result = await parseBpmn(processXml(body, { executable: false }));
    expect(result.processes).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'NOT_EXECUTABLE', elementId: 'P', processId: 'P', severity: 'error' })]);
    expect(result.problems[0]?.message).toContain('--allow-non-executable');
  });

  it('deploys a process without isExecutable as executable, with a warning (Camunda 7 and Flowable run it; issue 16)', async () => {
    const result = await parseBpmn(processXml(body, { executable: 'absent' }));
    expect(result.processes[0]).toMatchObject({ processId: 'P', isExecutable: true });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'NOT_EXECUTABLE', processId: 'P', severity: 'warning' })]);
    expect(result.problems[0]?.message).toContain('isExecutable="true"');
  });

  it('builds a non-executable process with allowNonExecutable', async () => {
    const result = await parseBpmn(processXml(body, { executable: false }), { allowNonExecutable: true });
    expect(result.problems).toEqual([]);
    expect(result.processes[0]).toMatchObject({ processId: 'P', isExecutable: false });
  });

  it('skips the non-executable pools of a collaboration with a warning and builds the executable one', async () => {
    const xml = definitions(`
      <bpmn:collaboration id="C"><bpmn:participant id="A" name="Shop" processRef="P1" /><bpmn:participant id="B" processRef="P2" /><bpmn:participant id="D" processRef="P3" /></bpmn:collaboration>
      <bpmn:process id="P1" isExecutable="true"><bpmn:startEvent id="S1" /></bpmn:process>
      <bpmn:process id="P2" isExecutable="false"><bpmn:startEvent id="S2" /></bpmn:process>
      <bpmn:process id="P3"><bpmn:startEvent id="S3" /></bpmn:process>`);
    const result = await parseBpmn(xml);
    expect(result.processes.map((p) => [p.processId, p.name])).toEqual([['P1', 'Shop']]);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.problems.filter((p) => p.code === 'NOT_EXECUTABLE').map((p) => [p.severity, p.processId])).toEqual([
      ['warning', 'P2'],
      ['warning', 'P3'],
    ]);
  });
});

describe('parseBpmn: the definition', () => {
  it('keys the definition by process id and version', async () => {
    const xml = processXml(around('<bpmn:task id="T" />', 'T'));
    expect((await parseBpmn(xml, { version: 7 })).processes[0]).toMatchObject({ definitionKey: 'P:7', version: 7 });
    expect((await parseBpmn(xml)).processes[0]?.definitionKey).toBe('P:1');
  });

  it('is deeply frozen', async () => {
    const result = await parseBpmn(processXml(around('<bpmn:task id="T" />', 'T')));
    const definition = result.processes[0]!;
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(definition.elements['T']?.outgoing)).toBe(true);
    expect(Object.isFrozen(definition.scopes['P']?.childIds)).toBe(true);
  });

  it('fills scopes, start events, flows and link targets', async () => {
    // given a subprocess, an event subprocess, a message start and a link pair
    const body = `
      <bpmn:startEvent id="S" /><bpmn:startEvent id="MS"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Sub" /><bpmn:sequenceFlow id="f0" sourceRef="MS" targetRef="Sub" />
      <bpmn:subProcess id="Sub">
        <bpmn:startEvent id="SubS" /><bpmn:sequenceFlow id="s1" sourceRef="SubS" targetRef="LT" />
        <bpmn:intermediateThrowEvent id="LT"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateCatchEvent id="LC"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="s2" sourceRef="LC" targetRef="SubE" /><bpmn:endEvent id="SubE" />
      </bpmn:subProcess>
      <bpmn:sequenceFlow id="f2" sourceRef="Sub" targetRef="E" /><bpmn:endEvent id="E" />
      <bpmn:subProcess id="Ev" triggeredByEvent="true">
        <bpmn:startEvent id="EvS" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:sequenceFlow id="e1" sourceRef="EvS" targetRef="EvE" /><bpmn:endEvent id="EvE" />
      </bpmn:subProcess>`;
    // when
    const result = await parseBpmn(processXml(body, { extra: '<bpmn:message id="M" name="order" />' }));
    // then
    expect(result.problems).toEqual([]);
    const p = result.processes[0]!;
    expect(p.startEventIds).toEqual(['S', 'MS']);
    expect(p.scopes['P']).toEqual({ scopeId: 'P', childIds: ['S', 'MS', 'Sub', 'E', 'Ev'], noneStartId: 'S', eventSubprocessIds: ['Ev'] });
    expect(p.scopes['Sub']).toEqual({ scopeId: 'Sub', parentScopeId: 'P', childIds: ['SubS', 'LT', 'LC', 'SubE'], noneStartId: 'SubS', eventSubprocessIds: [] });
    expect(p.scopes['Ev']).toMatchObject({ scopeId: 'Ev', parentScopeId: 'P', childIds: ['EvS', 'EvE'] });
    expect(p.linkTargets).toEqual({ 'Sub/jump': 'LC' });
    expect(p.flows['f1']).toEqual({ flowId: 'f1', sourceId: 'S', targetId: 'Sub' });
    expect(p.elements['Sub']).toMatchObject({ incoming: ['f1', 'f0'], outgoing: ['f2'], scopeId: 'P' });
    expect(p.elements['EvS']).toMatchObject({ type: 'startEvent', isInterrupting: false, event: { type: 'timer', timeDuration: 'PT1H' } });
  });

  it('keeps lanes and unknown extensions as properties', async () => {
    const body = `<bpmn:laneSet id="LS"><bpmn:lane id="L1" name="Sales"><bpmn:flowNodeRef>T</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
      ${around('<bpmn:serviceTask id="T" foo:color="red"><bpmn:extensionElements><zeebe:properties><zeebe:property name="owner" value="ops" /></zeebe:properties><foo:note>hi</foo:note></bpmn:extensionElements></bpmn:serviceTask>', 'T')}`;
    const xml = processXml(body, { flavour: 'zeebe' }).replace('xmlns:zeebe=', 'xmlns:foo="http://example.com/foo" xmlns:zeebe=');
    const result = await parseBpmn(xml);
    expect(result.problems).toEqual([]);
    expect(result.processes[0]?.elements['T']?.properties).toEqual({ 'bpmn:lane': 'Sales', owner: 'ops', 'foo:color': 'red', 'foo:note': 'hi' });
  });
});

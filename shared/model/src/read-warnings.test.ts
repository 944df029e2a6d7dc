import { describe, expect, it } from 'vitest';
import { around, definitions, processXml } from './__fixtures__/bpmn.js';
import { parseBpmn } from './index.js';

/** Issue 12, finding 5: what moddle could not read is the cause a deployment names first. */
describe('parseBpmn: elements moddle cannot read (issue 12, finding 5)', () => {
  it('refuses an unknown BPMN element with UNKNOWN_ELEMENT first, and its flows as consequences', async () => {
    // given a flow through <bpmn:frobnicateTask id="t"> (no such BPMN element)
    const xml = processXml(around('<bpmn:frobnicateTask id="t" />', 't'));
    // when
    const result = await parseBpmn(xml);
    // then the root cause leads, with its id, line and moddle's words
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.code)).toEqual(['UNKNOWN_ELEMENT', 'MISSING_REFERENCE', 'MISSING_REFERENCE']);
    expect(errors[0]).toMatchObject({ elementId: 't', line: 6 });
    expect(errors[0]?.message).toContain('unknown type <bpmn:FrobnicateTask>');
    expect(errors[0]?.message).toContain('<bpmn:frobnicateTask id="t">');
    // and the flows that miss it say where their trouble comes from
    for (const consequence of errors.slice(1)) expect(consequence.message).toContain('follows from UNKNOWN_ELEMENT "t"');
    expect(result.processes).toEqual([]);
  });

  it('names the id of an unknown element whose tag spans lines', async () => {
    const xml = processXml(around('<bpmn:frobnicateTask\n  name="Frobnicate"\n  id="t" />', 't'));
    const [first] = (await parseBpmn(xml)).problems;
    expect(first).toMatchObject({ code: 'UNKNOWN_ELEMENT', elementId: 't', severity: 'error', line: 6 });
  });

  it('refuses an unknown element even when no flow leads to it (it would silently not run)', async () => {
    const xml = processXml(`${around('<bpmn:task id="T" />', 'T')}\n<bpmn:frobnicateTask id="lonely" />`);
    const result = await parseBpmn(xml);
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.elementId])).toEqual([['UNKNOWN_ELEMENT', 'lonely']]);
  });

  it('refuses a task with a non-ASCII id with INVALID_ID naming it, not only the flows that miss it', async () => {
    // given a task with id "Aufgabe_ü" (not an XML NCName moddle accepts)
    const xml = processXml(around('<bpmn:task id="Aufgabe_ü" />', 'Aufgabe_ü'));
    // when
    const result = await parseBpmn(xml);
    // then
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.code, p.elementId])).toEqual([
      ['INVALID_ID', 'Aufgabe_ü'],
      ['MISSING_REFERENCE', 'f1'],
      ['MISSING_REFERENCE', 'f2'],
    ]);
    expect(errors[0]?.message).toContain('illegal ID <Aufgabe_ü>');
    expect(errors[0]?.line).toBe(6);
    expect(errors[1]?.message).toContain('follows from INVALID_ID "Aufgabe_ü"');
  });

  it.each([['Prozess_ü'], ['1st-process'], ['a b']])('refuses a process with id %j with INVALID_ID before NO_PROCESS', async (id) => {
    const xml = definitions(`<bpmn:process id="${id}" isExecutable="true">\n${around('<bpmn:task id="T" />', 'T')}\n</bpmn:process>`);
    const result = await parseBpmn(xml);
    expect(result.problems.map((p) => [p.code, p.elementId, p.severity])).toEqual([
      ['INVALID_ID', id, 'error'],
      ['NO_PROCESS', undefined, 'error'],
    ]);
    expect(result.problems[0]?.message).toContain('illegal ID');
    expect(result.problems[1]?.message).toContain(`follows from INVALID_ID "${id}"`);
  });

  it('only warns about an illegal id of a diagram shape (it changes nothing that runs)', async () => {
    const diagram = `<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Plane" bpmnElement="P"><bpmndi:BPMNShape id="Shape_ü" bpmnElement="T" /></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    const xml = processXml(around('<bpmn:task id="T" />', 'T'), { extra: diagram }).replace('<bpmn:definitions ', '<bpmn:definitions xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ');
    const result = await parseBpmn(xml);
    expect(result.problems.map((p) => [p.code, p.elementId, p.severity])).toEqual([['INVALID_ID', 'Shape_ü', 'warning']]);
    expect(result.processes).toHaveLength(1);
  });

  it('reads a file whose default namespace is BPMN the same way', async () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="P" isExecutable="true">
<startEvent id="S" /><sequenceFlow id="f1" sourceRef="S" targetRef="t" /><frobnicateTask id="t" /></process></definitions>`;
    const [first] = (await parseBpmn(xml)).problems;
    expect(first).toMatchObject({ code: 'UNKNOWN_ELEMENT', elementId: 't', severity: 'error', line: 2 });
  });
});

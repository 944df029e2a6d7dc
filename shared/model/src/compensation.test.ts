import { describe, expect, it } from 'vitest';
import { around, processXml } from './__fixtures__/bpmn.js';
import { parseBpmn } from './index.js';

const booked = `${around('<bpmn:task id="book" />', 'book')}
<bpmn:boundaryEvent id="undoBoundary" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
<bpmn:task id="undo" isForCompensation="true" />
<bpmn:association id="a1" associationDirection="One" sourceRef="undoBoundary" targetRef="undo" />`;

const transaction = (inside: string, after = '') => `<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
<bpmn:transaction id="T"><bpmn:startEvent id="TS" /><bpmn:sequenceFlow id="t1" sourceRef="TS" targetRef="X" />${inside}</bpmn:transaction>
<bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />${after}`;

async function parse(body: string) {
  return parseBpmn(processXml(body));
}

describe('compensation and transactions in the model (issue 16)', () => {
  it('links a compensation boundary event to the handler its association names; the handler needs no flow', async () => {
    // when
    const { processes, problems } = await parse(booked);
    // then
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.elementId === 'undo' || p.elementId === 'undoBoundary')).toEqual([]);
    expect(processes[0]?.elements['undoBoundary']).toMatchObject({ type: 'boundaryEvent', event: { type: 'compensation' }, compensationHandlerId: 'undo' });
    expect(processes[0]?.elements['undo']).toMatchObject({ type: 'task', isForCompensation: true });
  });

  it('reads a compensation throw with and without activityRef', async () => {
    // given
    const body = `${booked.replace('targetRef="E" />\n<bpmn:endEvent id="E" />', 'targetRef="C" />')}
<bpmn:intermediateThrowEvent id="C"><bpmn:compensateEventDefinition activityRef="book" /></bpmn:intermediateThrowEvent>
<bpmn:sequenceFlow id="f3" sourceRef="C" targetRef="E" /><bpmn:endEvent id="E"><bpmn:compensateEventDefinition /></bpmn:endEvent>`;
    // when
    const { processes, problems } = await parse(body);
    // then
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(processes[0]?.elements['C']).toMatchObject({ event: { type: 'compensation', activityRef: 'book' } });
    expect(processes[0]?.elements['E']).toMatchObject({ event: { type: 'compensation' } });
    expect(processes[0]?.elements['E']).not.toHaveProperty('event.activityRef');
  });

  it('refuses an activityRef that names no activity', async () => {
    // given
    const body = around('<bpmn:intermediateThrowEvent id="C"><bpmn:compensateEventDefinition activityRef="nowhere" /></bpmn:intermediateThrowEvent>', 'C');
    // when
    const { problems } = await parse(body);
    // then
    expect(problems).toContainEqual(expect.objectContaining({ code: 'MISSING_REFERENCE', elementId: 'C', severity: 'error', message: expect.stringContaining('"nowhere"') }));
  });

  it('warns about a compensation boundary event without handler', async () => {
    // given
    const body = `${around('<bpmn:task id="book" />', 'book')}<bpmn:boundaryEvent id="B" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>`;
    // when
    const { processes, problems } = await parse(body);
    // then
    expect(processes).toHaveLength(1);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'MISSING_REFERENCE', elementId: 'B', severity: 'warning' }));
  });

  it('reads a transaction with a cancel end event and a cancel boundary event', async () => {
    // given
    const body = transaction(
      '<bpmn:endEvent id="X"><bpmn:cancelEventDefinition /></bpmn:endEvent>',
      '<bpmn:boundaryEvent id="C" attachedToRef="T"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent><bpmn:sequenceFlow id="f3" sourceRef="C" targetRef="E" />',
    );
    // when
    const { processes, problems } = await parse(body);
    // then
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(processes[0]?.elements['T']).toMatchObject({ type: 'subProcess', isTransaction: true });
    expect(processes[0]?.elements['X']).toMatchObject({ type: 'endEvent', event: { type: 'cancel' } });
    expect(processes[0]?.elements['C']).toMatchObject({ type: 'boundaryEvent', event: { type: 'cancel' }, cancelActivity: true });
  });

  it('refuses a cancel end event outside a transaction and a cancel boundary event on a plain task', async () => {
    // given
    const body = `${around('<bpmn:task id="T" />', 'T')}<bpmn:boundaryEvent id="C" attachedToRef="T"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>
<bpmn:sequenceFlow id="f3" sourceRef="C" targetRef="X" /><bpmn:endEvent id="X"><bpmn:cancelEventDefinition /></bpmn:endEvent>`;
    // when
    const { problems } = await parse(body);
    // then
    expect(problems).toContainEqual(expect.objectContaining({ code: 'INVALID_BOUNDARY', elementId: 'C', severity: 'error' }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'UNSUPPORTED_ELEMENT', elementId: 'X', severity: 'error', message: expect.stringContaining('transaction') }));
  });

  it('refuses a compensation event subprocess of the process itself and reads one inside a subprocess', async () => {
    // given
    const eventSubprocess = (id: string) =>
      `<bpmn:subProcess id="${id}" triggeredByEvent="true"><bpmn:startEvent id="${id}Start"><bpmn:compensateEventDefinition /></bpmn:startEvent><bpmn:sequenceFlow id="${id}f" sourceRef="${id}Start" targetRef="${id}End" /><bpmn:endEvent id="${id}End" /></bpmn:subProcess>`;
    const inSub = `<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="sub" /><bpmn:subProcess id="sub"><bpmn:startEvent id="ss" /><bpmn:sequenceFlow id="f3" sourceRef="ss" targetRef="se" /><bpmn:endEvent id="se" />${eventSubprocess('inner')}</bpmn:subProcess><bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="E" /><bpmn:endEvent id="E" />`;
    // when
    const atProcess = await parse(`${around('<bpmn:task id="T" />', 'T')}${eventSubprocess('outer')}`);
    const insideSubprocess = await parse(inSub);
    // then
    expect(atProcess.problems).toContainEqual(expect.objectContaining({ code: 'UNSUPPORTED_ELEMENT', elementId: 'outerStart', severity: 'error' }));
    expect(insideSubprocess.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(insideSubprocess.processes[0]?.elements['innerStart']).toMatchObject({ type: 'startEvent', event: { type: 'compensation' } });
  });
});

import { describe, expect, it } from 'vitest';
import { TestEngine } from '../../test-support/test-engine.js';
import { continuationJobType } from './continuation.js';

const c7 = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
<bpmn:process id="P" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const flows = '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" /><bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />';

function continuationJob(engine: TestEngine) {
  return engine.waits().find((w) => w.kind === 'job' && w.jobType === continuationJobType);
}

describe('async continuations (camunda:asyncBefore / asyncAfter)', () => {
  it('asyncBefore: the element waits on an engine job before its inputs and behaviour run', async () => {
    // given
    const model = c7(`<bpmn:startEvent id="start" /><bpmn:userTask id="work" camunda:asyncBefore="true" camunda:assignee="ann" /><bpmn:endEvent id="end" />${flows}`);
    const engine = await TestEngine.of(model);
    // when
    engine.start('P');
    // then
    const job = continuationJob(engine);
    expect(job).toMatchObject({ elementId: 'work', retries: 3, customHeaders: { 'baton:continuation': 'before' } });
    expect(engine.waits().filter((w) => w.kind === 'userTask')).toEqual([]);
    expect(engine.effects).toContainEqual(expect.objectContaining({ type: 'EnqueueJob', jobType: continuationJobType, elementId: 'work' }));
    // when
    engine.run('i1', { type: 'CompleteJob', jobKey: (job as { jobKey: string }).jobKey, variables: {} });
    // then
    expect(engine.waits()).toEqual([expect.objectContaining({ kind: 'userTask', elementId: 'work', assignee: 'ann' })]);
  });

  it('asyncAfter: the element is done (its boundary timer closed) but leaves only after its continuation', async () => {
    // given
    const timer = '<bpmn:boundaryEvent id="late" attachedToRef="work"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:endEvent id="lateEnd" /><bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="lateEnd" />';
    const failed = '<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R5/PT5M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>';
    const model = c7(`<bpmn:startEvent id="start" /><bpmn:userTask id="work" camunda:asyncAfter="true">${failed}</bpmn:userTask><bpmn:endEvent id="end" />${flows}${timer}`);
    const engine = await TestEngine.of(model);
    engine.start('P');
    // when
    engine.completeUserTask('work');
    // then
    expect(engine.completed()).toEqual(['start']);
    const job = continuationJob(engine);
    expect(job).toMatchObject({ elementId: 'work', retries: 5, customHeaders: { 'baton:continuation': 'after' } });
    expect(engine.waits().filter((w) => w.kind === 'timer')).toEqual([]);
    // when
    engine.run('i1', { type: 'CompleteJob', jobKey: (job as { jobKey: string }).jobKey, variables: {} });
    // then
    expect(engine.completed()).toEqual(['end', 'start', 'work']);
    expect(engine.state.status).toBe('completed');
  });

  it('a continuation whose retries run out is an incident at its element; resolving it runs it again', async () => {
    // given
    const model = c7(`<bpmn:startEvent id="start" /><bpmn:task id="work" camunda:asyncBefore="true" /><bpmn:endEvent id="end" />${flows}`);
    const engine = await TestEngine.of(model);
    engine.start('P');
    const { jobKey } = continuationJob(engine) as { jobKey: string };
    // when
    engine.run('i1', { type: 'FailJob', jobKey, retries: 0, errorMessage: 'The async continuation of work failed' });
    // then
    expect(Object.values(engine.state.incidents)).toEqual([expect.objectContaining({ elementId: 'work', errorType: 'JOB_NO_RETRIES', jobKey })]);
    expect(engine.waiting()).toEqual(['work']);
    // when
    const [incident] = Object.values(engine.state.incidents);
    engine.run('i1', { type: 'ResolveIncident', incidentKey: incident!.incidentKey });
    engine.run('i1', { type: 'CompleteJob', jobKey, variables: {} });
    // then
    expect(engine.state.status).toBe('completed');
  });
});

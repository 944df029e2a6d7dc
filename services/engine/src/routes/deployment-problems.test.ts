import { createInMemoryEngine } from '@baton/memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';
import { createRuntimeEngineApi } from '../runtime-engine-api.js';

/** A process S → f1 → middle → f2 → E, the middle element written as given. */
function model(middle: string, middleId: string, processId = 'P'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="S" />
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="${middleId}" />
    ${middle}
    <bpmn:sequenceFlow id="f2" sourceRef="${middleId}" targetRef="E" />
    <bpmn:endEvent id="E" />
  </bpmn:process>
</bpmn:definitions>`;
}

interface ProblemEntry {
  readonly code: string;
  readonly elementId?: string;
  readonly line?: number;
  readonly resourceName?: string;
  readonly message: string;
}

/** Issue 12, finding 5: the deployment refusal names what moddle could not read, first, as `baton validate` does. */
describe('POST /v2/deployments: the cause of a refused model (issue 12, finding 5)', () => {
  let h: Harness;
  beforeEach(async () => {
    const engine = createInMemoryEngine({ nodeId: 'test-node' });
    h = await harness(await createRuntimeEngineApi({ engine, bus: engine.bus }));
  });
  afterEach(() => h.close());

  const deploy = (xml: string, name: string) =>
    h.app.inject({ method: 'POST', url: `/v2/deployments?name=${encodeURIComponent(name)}`, headers: { 'content-type': 'application/xml' }, payload: xml });

  it('names an unknown element (unknown type) first, with its id and line, then the flows that miss it', async () => {
    // when
    const res = await deploy(model('<bpmn:frobnicateTask id="t" />', 't'), 'frob.bpmn');
    // then
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; detail: string; problems: ProblemEntry[] }>();
    expect(body.code).toBe('MODEL_INVALID');
    expect(body.problems.map((p) => [p.code, p.elementId])).toEqual([
      ['UNKNOWN_ELEMENT', 't'],
      ['MISSING_REFERENCE', 'f1'],
      ['MISSING_REFERENCE', 'f2'],
    ]);
    expect(body.problems[0]).toMatchObject({ line: 6, resourceName: 'frob.bpmn' });
    expect(body.problems[0]?.message).toContain('unknown type <bpmn:FrobnicateTask>');
    expect(body.problems[1]?.message).toContain('follows from UNKNOWN_ELEMENT "t"');
    expect(body.detail.indexOf('unknown type')).toBeLessThan(body.detail.indexOf('no flow node'));
  });

  it('names a non-ASCII process id (illegal ID) instead of only "no process"', async () => {
    const res = await deploy(model('<bpmn:task id="T" />', 'T', 'Prozess_ü'), 'umlaut.bpmn');
    expect(res.statusCode).toBe(400);
    const body = res.json<{ problems: ProblemEntry[] }>();
    expect(body.problems.map((p) => [p.code, p.elementId])).toEqual([
      ['INVALID_ID', 'Prozess_ü'],
      ['NO_PROCESS', undefined],
    ]);
    expect(body.problems[0]).toMatchObject({ line: 3, resourceName: 'umlaut.bpmn' });
    expect(body.problems[0]?.message).toContain('illegal ID <Prozess_ü>');
  });
});

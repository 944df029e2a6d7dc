import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from './start-node.js';

/** A call activity whose process is never deployed: every instance stops there with an incident. */
const orphan = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
  <bpmn:process id="orphan" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="ghost" /></bpmn:extensionElements></bpmn:callActivity>
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** Issue 12, finding 6e: the node's log names every incident, once, with the node that committed it. */
describe('a node logs incidents', () => {
  let node: RunningNode | undefined;
  afterEach(() => node?.close());

  it('writes one warn record per incident with nodeId, instanceId, elementId, code and message', async () => {
    // given a node whose log lines go to an array
    const records: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void records.push(JSON.parse(line) as Record<string, unknown>) });
    node = await startNode({ port: 0, handleSignals: false, logger, print: () => undefined, nodeId: 'node-a' });
    await node.engine.deploy([{ name: 'orphan.bpmn', xml: orphan }], { allowNonExecutable: false });
    // when an instance runs into the incident
    const { processInstanceKey } = await node.engine.startInstance({ processDefinitionId: 'orphan', variables: {} });
    // then
    const incidents = records.filter((r) => r['code'] === 'CALLED_ELEMENT_ERROR');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ level: 40, nodeId: 'node-a', instanceId: processInstanceKey, elementId: 'call', errorMessage: expect.stringContaining('ghost') });
  });
});

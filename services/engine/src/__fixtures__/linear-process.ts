/**
 * A Zeebe-flavoured model `start -> <element> -> end` as BPMN XML, for tests that need one
 * process around a single element (a script task, a timer, ...). `element` is the element's
 * XML; its id must be `elementId`.
 */
export function linearProcess(processId: string, elementId: string, element: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D-${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${element}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="${elementId}" />
    <bpmn:sequenceFlow id="f2" sourceRef="${elementId}" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** A script task `elementId` whose FEEL `expression` (with its leading `=`) sets `resultVariable`. */
export function scriptTask(elementId: string, expression: string, resultVariable: string): string {
  return `<bpmn:scriptTask id="${elementId}"><bpmn:extensionElements><zeebe:script expression="${expression}" resultVariable="${resultVariable}" /></bpmn:extensionElements></bpmn:scriptTask>`;
}

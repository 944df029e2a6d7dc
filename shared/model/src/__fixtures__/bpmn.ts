/** Inline BPMN for tests: wraps a process body in <definitions> of the chosen flavour. */
export type Flavour = 'zeebe' | 'camunda' | 'plain';

const namespaces: Record<Flavour, string> = {
  zeebe: 'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  camunda: 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn"',
  plain: '',
};

/** A file with `rootElements` (processes, messages, ...) as given. */
export function definitions(rootElements: string, flavour: Flavour = 'plain'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ${namespaces[flavour]} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
${rootElements}
</bpmn:definitions>`;
}

/** One executable process `P` with the given body, plus extra root elements (messages, errors). */
export function processXml(body: string, options: { flavour?: Flavour; extra?: string; executable?: boolean | 'absent' } = {}): string {
  const executable = options.executable === 'absent' ? '' : ` isExecutable="${String(options.executable ?? true)}"`;
  return definitions(`<bpmn:process id="P"${executable}>\n${body}\n</bpmn:process>\n${options.extra ?? ''}`, options.flavour ?? 'plain');
}

/** start → (middle) → end, with flows f1 and f2 around the element `middleId`. */
export function around(middle: string, middleId: string): string {
  return `<bpmn:startEvent id="S" />
<bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="${middleId}" />
${middle}
<bpmn:sequenceFlow id="f2" sourceRef="${middleId}" targetRef="E" />
<bpmn:endEvent id="E" />`;
}

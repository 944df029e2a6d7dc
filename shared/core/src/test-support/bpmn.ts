/** Compact Zeebe-flavoured BPMN for core tests. */

/** A file with one executable process (id default `P`) and extra root elements (messages, errors, signals). */
export function zeebe(body: string, options: { id?: string; extra?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
<bpmn:process id="${options.id ?? 'P'}" isExecutable="true">
${body}
</bpmn:process>
${options.extra ?? ''}
</bpmn:definitions>`;
}

/** Sequence flows along a chain: flow ids are `from_to`. */
export function seq(...chain: string[]): string {
  const flows: string[] = [];
  for (let i = 0; i + 1 < chain.length; i++) flows.push(flow(chain[i] as string, chain[i + 1] as string));
  return flows.join('\n');
}

/** One sequence flow `from_to`, with an optional condition. */
export function flow(from: string, to: string, condition?: string): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${from}_${to}" sourceRef="${from}" targetRef="${to}" />`;
  return `<bpmn:sequenceFlow id="${from}_${to}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Zeebe io mappings: `[source, target]` pairs. */
export function io(inputs: [string, string][] = [], outputs: [string, string][] = []): string {
  const i = inputs.map(([s, t]) => `<zeebe:input source="${escape(s)}" target="${t}" />`).join('');
  const o = outputs.map(([s, t]) => `<zeebe:output source="${escape(s)}" target="${t}" />`).join('');
  return `<zeebe:ioMapping>${i}${o}</zeebe:ioMapping>`;
}

/** A service task with a job type (default: its id) and extra extension elements. */
export function serviceTask(id: string, options: { type?: string; retries?: string; ext?: string; inner?: string } = {}): string {
  const retries = options.retries === undefined ? '' : ` retries="${options.retries}"`;
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${options.type ?? id}"${retries} />${options.ext ?? ''}</bpmn:extensionElements>${options.inner ?? ''}</bpmn:serviceTask>`;
}

export const start = (id = 'start') => `<bpmn:startEvent id="${id}" />`;
export const end = (id = 'end') => `<bpmn:endEvent id="${id}" />`;
export const userTask = (id: string, ext = '') => `<bpmn:userTask id="${id}"><bpmn:extensionElements>${ext}</bpmn:extensionElements></bpmn:userTask>`;
export const message = (id: string, name: string, key?: string) =>
  `<bpmn:message id="${id}" name="${name}">${key === undefined ? '' : `<bpmn:extensionElements><zeebe:subscription correlationKey="${escape(key)}" /></bpmn:extensionElements>`}</bpmn:message>`;
export const timer = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string) =>
  `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${escape(value)}</bpmn:${kind}></bpmn:timerEventDefinition>`;

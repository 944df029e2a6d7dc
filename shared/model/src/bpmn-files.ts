import { BPMN_NS } from './moddle.js';

/** Names that always mean a BPMN model: Camunda/bpmn.io `.bpmn`, `.bpmn2`, Flowable/Activiti `.bpmn20.xml`. */
const bpmnSuffixes = ['.bpmn', '.bpmn2', '.bpmn20.xml'];

/**
 * Whether a file found in a folder may be a BPMN model: a BPMN name (see above) or
 * any `.xml`, which {@link isBpmnResource} then keeps only when it holds BPMN.
 * `baton validate`, `baton deploy` and the node's `--deploy` all pick files this way.
 */
export function mayBeBpmnFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.xml') || bpmnSuffixes.some((suffix) => lower.endsWith(suffix));
}

/** Whether a file found in a folder is a BPMN model: by its name, or an `.xml` whose root is BPMN 2.0 `<definitions>`. */
export function isBpmnResource(name: string, text: string): boolean {
  const lower = name.toLowerCase();
  if (bpmnSuffixes.some((suffix) => lower.endsWith(suffix))) return true;
  return lower.endsWith('.xml') && text.includes(BPMN_NS) && /<([\w.-]+:)?definitions[\s>]/.test(text);
}

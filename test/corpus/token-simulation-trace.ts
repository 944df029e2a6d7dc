import type { ProcessDefinition } from '@baton/model';

/**
 * Reading the expected traces of bpmn-io/bpmn-js-token-simulation
 * (`test/spec/simulator/Simulator.<name>.json`): each entry is
 * `action:elementId:scopeId` with action `createScope`, `signal`, `enter`, `exit` or
 * `destroyScope`. `exit:X` is the simulator leaving element X; for a flow node that
 * is what Baton's `ElementCompleted` means, with one exception handled here: the
 * simulator also "exits" an activity whose interrupting boundary event fired (the
 * scope is wound up, but no outgoing flow is taken). Baton terminates that activity,
 * and so does Camunda 8, so those exits are not completions.
 */
export interface TraceEntry {
  readonly action: string;
  readonly elementId: string;
  readonly scopeId: string;
}

export function parseTrace(lines: readonly string[]): TraceEntry[] {
  return lines.map((line) => {
    const [action = '', elementId = '', scopeId = ''] = line.split(':');
    return { action, elementId, scopeId };
  });
}

/** Every flow node (any depth, any process of the file) by id, with what the trace reading needs. */
export interface FlowNodeInfo {
  readonly type: string;
  /** For an interrupting boundary event: the activity it interrupts. */
  readonly interrupts?: string;
}

export function flowNodesOf(processes: readonly ProcessDefinition[]): ReadonlyMap<string, FlowNodeInfo> {
  const nodes = new Map<string, FlowNodeInfo>();
  for (const process of processes) {
    for (const element of Object.values(process.elements)) {
      const interrupts = element.type === 'boundaryEvent' && element.cancelActivity ? element.attachedToId : undefined;
      nodes.set(element.elementId, interrupts === undefined ? { type: element.type } : { type: element.type, interrupts });
    }
  }
  return nodes;
}

/**
 * The flow nodes the simulator completed, in trace order: `exit` entries of flow
 * nodes, minus the exit of an activity after one of its interrupting boundary events
 * was signalled (see the file comment).
 */
export function completedInTrace(trace: readonly TraceEntry[], nodes: ReadonlyMap<string, FlowNodeInfo>): string[] {
  const interrupted = new Map<string, number>();
  const completed: string[] = [];
  for (const { action, elementId } of trace) {
    const node = nodes.get(elementId);
    if (node === undefined) continue;
    if (action === 'signal' && node.interrupts !== undefined) {
      interrupted.set(node.interrupts, (interrupted.get(node.interrupts) ?? 0) + 1);
    }
    if (action !== 'exit') continue;
    const pending = interrupted.get(elementId) ?? 0;
    if (pending > 0) {
      interrupted.set(elementId, pending - 1);
      continue;
    }
    completed.push(elementId);
  }
  return completed;
}

/** The multiset difference, both ways, as readable text; empty when equal. */
export function multisetDiff(expected: readonly string[], actual: readonly string[]): string {
  const count = new Map<string, number>();
  for (const id of expected) count.set(id, (count.get(id) ?? 0) + 1);
  for (const id of actual) count.set(id, (count.get(id) ?? 0) - 1);
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [id, n] of [...count.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (let i = 0; i < Math.abs(n); i += 1) (n > 0 ? missing : extra).push(id);
  }
  const parts = [];
  if (missing.length > 0) parts.push(`Baton did not complete ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`Baton also completed ${extra.join(', ')}`);
  return parts.join('; ');
}

/** The sequence flows the simulator took (`enter` of a sequence flow), in trace order. */
export function flowsInTrace(trace: readonly TraceEntry[], processes: readonly ProcessDefinition[]): string[] {
  const isFlow = (id: string) => processes.some((p) => p.flows[id] !== undefined);
  return trace.filter((e) => e.action === 'enter' && isFlow(e.elementId)).map((e) => e.elementId);
}
